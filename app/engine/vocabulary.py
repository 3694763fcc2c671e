"""The words a scenario may use that are defined elsewhere: competencies, tags, agency kinds."""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

AGENCY_KINDS: Mapping[str, str] = {
    "childrens-social-care": "Children's social care",
    "health": "Health",
    "police": "Police",
    "education": "Education",
    "drug-alcohol": "Drug and alcohol service",
    "other": "Other",
}


@dataclass(frozen=True)
class Competency:
    """A competency from content/competencies.toml and the review findings behind it."""

    key: str
    name: str
    findings: tuple[int, ...]
    briefing: str
    good: str
    source: str = ""  # the learning source that defines it ("" when built by hand)


@dataclass(frozen=True)
class Vocabulary:
    """What a scenario may refer to. Tests build small ones by hand."""

    competencies: Mapping[str, Competency] = field(default_factory=dict)
    tags: Mapping[str, str] = field(default_factory=dict)
    agencies: Mapping[str, str] = field(default_factory=lambda: dict(AGENCY_KINDS))

    def known(self, keys: Iterable[str]) -> list[Competency]:
        """The competencies among `keys` that the vocabulary defines, in the order given."""
        return [self.competencies[k] for k in keys if k in self.competencies]

    def name_of(self, key: str) -> str:
        """A competency's name, or its key when the vocabulary does not define it."""
        competency = self.competencies.get(key)
        return competency.name if competency else key


def load_vocabulary(content_dir: str | Path) -> Vocabulary:
    """Read competencies.toml and tags.toml from the content folder."""
    folder = Path(content_dir)
    with open(folder / "competencies.toml", "rb") as fh:
        raw_comps = tomllib.load(fh)
    with open(folder / "tags.toml", "rb") as fh:
        raw_tags = tomllib.load(fh)
    competencies = {
        key: Competency(
            key=key,
            name=value["name"],
            findings=tuple(value.get("findings", ())),
            briefing=value.get("briefing", ""),
            good=value.get("good", ""),
        )
        for key, value in raw_comps.items()
    }
    tags = {key: value.get("label", key) for key, value in raw_tags.items()}
    return Vocabulary(competencies=competencies, tags=tags)
