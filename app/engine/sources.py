"""Learning sources: a review, a thematic report or a policy, each adding its findings,
competencies and tags to what a scenario may use. A scenario names its sources in the header
(`sources:`); without that line it uses the default source. Pure: callers pass the sources in.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace

from .model import Problem, Scenario
from .vocabulary import Competency, Vocabulary


@dataclass(frozen=True)
class Finding:
    """One finding of a source; `page` is the slug of its briefing page."""

    number: int
    title: str
    page: str = ""


@dataclass(frozen=True)
class Source:
    """A learning source and the words it adds."""

    id: str
    title: str
    kind: str = "review"
    findings: tuple[Finding, ...] = ()
    vocabulary: Vocabulary = field(default_factory=Vocabulary)
    shipped: bool = False  # from content/ (read-only in the browser)

    def finding(self, number: int) -> Finding | None:
        return next((f for f in self.findings if f.number == number), None)


@dataclass(frozen=True)
class SourceSet:
    """Every source the partnership has, and which one a scenario without `sources:` uses."""

    default: str
    sources: Mapping[str, Source]

    def ids_for(self, scenario: Scenario) -> tuple[str, ...]:
        return scenario.sources or (self.default,)

    def vocabulary_for(self, ids: Iterable[str]) -> Vocabulary:
        """The union of the named sources' competencies and tags (unknown ids are skipped);
        each competency remembers the source it came from."""
        competencies: dict[str, Competency] = {}
        tags: dict[str, str] = {}
        for source_id in ids:
            source = self.sources.get(source_id)
            if source is None:
                continue
            for key, comp in source.vocabulary.competencies.items():
                competencies.setdefault(key, replace(comp, source=source_id))
            for key, label in source.vocabulary.tags.items():
                tags.setdefault(key, label)
        return Vocabulary(competencies=competencies, tags=tags)

    def for_scenario(self, scenario: Scenario) -> tuple[Vocabulary, list[Problem]]:
        """The scenario's vocabulary, and a problem for each source it names that is unknown."""
        problems = [
            Problem(
                scenario.path,
                scenario.header_lines.get("sources", 1),
                "unknown-source",
                f"unknown source '{source_id}' (known: {', '.join(self.sources)})",
            )
            for source_id in scenario.sources
            if source_id not in self.sources
        ]
        return self.vocabulary_for(self.ids_for(scenario)), problems

    @property
    def everything(self) -> Vocabulary:
        """Every source's words together: for pages that span scenarios, such as the profile."""
        return self.vocabulary_for([self.default, *self.sources])

    # Read like a Vocabulary (every source's words), so pages that list choices can take either.
    @property
    def competencies(self) -> Mapping[str, Competency]:
        return self.everything.competencies

    @property
    def tags(self) -> Mapping[str, str]:
        return self.everything.tags

    @property
    def agencies(self) -> Mapping[str, str]:
        return self.everything.agencies

    def known(self, keys: Iterable[str]) -> list[Competency]:
        return self.everything.known(keys)

    def name_of(self, key: str) -> str:
        return self.everything.name_of(key)


def source_problems(source: Source, pages: Iterable[str]) -> list[str]:
    """What is wrong with a source, in plain words: a competency pointing at a finding the source
    does not have, or a finding or competency whose briefing page does not exist."""
    pages = set(pages)
    numbers = {f.number for f in source.findings}
    found: list[str] = []
    for finding in source.findings:
        if finding.page and finding.page not in pages:
            found.append(f"finding {finding.number}: no briefing page '{finding.page}'")
    for key, comp in source.vocabulary.competencies.items():
        for number in comp.findings:
            if number not in numbers:
                found.append(f"competency '{key}': the source has no finding {number}")
        if comp.briefing and comp.briefing not in pages:
            found.append(f"competency '{key}': no briefing page '{comp.briefing}'")
    return found
