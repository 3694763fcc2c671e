"""Reading the shipped learning sources: content/sources/<id>/source.toml, which points at the
competencies, tags and briefing pages in content/. The files stay the record for what ships."""

from __future__ import annotations

import tomllib
from pathlib import Path

from .sources import Finding, Source, SourceSet
from .vocabulary import Competency, Vocabulary


def _competencies(path: Path) -> dict[str, Competency]:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    return {
        key: Competency(
            key=key,
            name=value["name"],
            findings=tuple(value.get("findings", ())),
            briefing=value.get("briefing", ""),
            good=value.get("good", ""),
        )
        for key, value in raw.items()
    }


def _tags(path: Path) -> dict[str, str]:
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    return {key: value.get("label", key) for key, value in raw.items()}


def load_source(path: str | Path) -> tuple[Source, bool]:
    """One source.toml, and whether it says it is the default source."""
    path = Path(path)
    with open(path, "rb") as fh:
        raw = tomllib.load(fh)
    folder = path.parent
    comps = _competencies(folder / raw["competencies"]) if "competencies" in raw else {}
    tags = _tags(folder / raw["tags"]) if "tags" in raw else {}
    findings = tuple(
        Finding(number=int(f["number"]), title=f.get("title", ""), page=f.get("page", ""))
        for f in raw.get("findings", ())
    )
    source = Source(
        id=raw["id"],
        title=raw.get("title", raw["id"]),
        kind=raw.get("kind", "review"),
        findings=findings,
        vocabulary=Vocabulary(competencies=comps, tags=tags),
        shipped=True,
    )
    return source, bool(raw.get("default", False))


def load_shipped_sources(content_dir: str | Path) -> SourceSet:
    """Every content/sources/*/source.toml. The default is the one marked `default = true`,
    else the first by id."""
    found = [load_source(p) for p in sorted(Path(content_dir).glob("sources/*/source.toml"))]
    if not found:
        raise FileNotFoundError(f"no content/sources/*/source.toml under {content_dir}")
    default = next((s.id for s, is_default in found if is_default), found[0][0].id)
    return SourceSet(default=default, sources={s.id: s for s, _ in found})
