"""Where a browser source's finding, competency or tag is used, so deleting it can be refused
with the scenario and step that still need it. Drafts and every published version (learners may
still be playing an older one) are read; only scenarios that name the source count."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..engine import Scenario, parse
from ..models import Draft, LearningSource, ScenarioVersion
from .library import parsed

SHOWN = 5  # places named in a refusal; the rest are counted


def _scenarios(session: Session, slug: str) -> Iterator[tuple[Scenario, str]]:
    """Each scenario naming the source, with how the author knows it ('draft', 'version 2')."""
    for draft in session.scalars(select(Draft).order_by(Draft.id)):
        scenario, _ = parse(draft.text, f"draft {draft.slug}")
        if slug in scenario.sources:
            yield scenario, "draft"
    for version in session.scalars(select(ScenarioVersion).order_by(ScenarioVersion.id)):
        scenario = parsed(version)
        if slug in scenario.sources:
            yield scenario, f"version {version.number}"


def _named(scenario: Scenario, where: str) -> str:
    return f"scenario '{scenario.title or scenario.id}' ({where})"


def key_uses(scenario: Scenario, what: str, key: str) -> list[str]:
    """The steps of one scenario that use competency or tag `key` (`what` says which)."""
    found = []
    if what == "competency" and key in scenario.competencies:
        found.append("its details (competencies)")
    for node in scenario.nodes.values():
        if what == "tag" and key in node.tags:
            found.append(f"step '{node.id}'")
        for option in node.options:
            used = option.tags if what == "tag" else tuple(option.scores)
            if key in used:
                found.append(f"step '{node.id}', option {option.index + 1}")
    return found


def uses(session: Session, row: LearningSource, what: str, key: str | int) -> list[str]:
    """Every place that uses this finding, competency or tag of `row`, in plain words."""
    places: list[str] = []
    if what == "finding":
        places += [
            f"competency '{c.name}' of this source"
            for c in row.competencies
            if str(key) in c.findings.replace(",", " ").split()
        ]
        return places
    if what == "tag":
        places += [f"this source's supervision rule '{r.key}'" for r in row.rules if r.tag == key]
    for scenario, where in _scenarios(session, row.slug):
        places += [f"{_named(scenario, where)}, {step}" for step in key_uses(scenario, what, key)]
    return list(dict.fromkeys(places))


def page_uses(session: Session, row: LearningSource, page_slug: str) -> list[str]:
    """What still sends learners to this briefing page: a finding or competency of the source,
    or a scenario or another page of the source that links to its address."""
    address = f"/sources/{row.slug}/pages/{page_slug}"
    places = [f"finding {f.number} of this source" for f in row.findings if f.page == page_slug]
    places += [f"competency '{c.name}' of this source" for c in row.competencies
               if c.briefing == page_slug]  # fmt: skip
    places += [f"briefing page '{p.title}'" for p in row.pages
               if p.slug != page_slug and address in (p.body or "")]  # fmt: skip
    for scenario, where in _scenarios(session, row.slug):
        if address in scenario_text(scenario):
            places.append(f"{_named(scenario, where)}, a link in its text")
    return list(dict.fromkeys(places))


def scenario_text(scenario: Scenario) -> str:
    """Every piece of prose in a scenario, to look for a link in."""
    parts = [scenario.summary]
    for node in scenario.nodes.values():
        parts += [node.text, node.outcome]
        parts += [o.text + "\n" + o.feedback + "\n" + o.say for o in node.options]
    return "\n".join(p for p in parts if p)


def source_uses(session: Session, row: LearningSource) -> list[str]:
    """Every draft and published version that names the source."""
    return list(dict.fromkeys(_named(s, where) for s, where in _scenarios(session, row.slug)))


def refusal(what: str, places: list[str]) -> str:
    """'This tag is used by ...: change those first.'"""
    shown = "; ".join(places[:SHOWN])
    more = f"; and {len(places) - SHOWN} more" if len(places) > SHOWN else ""
    return (
        f"This {what} cannot be deleted while it is used. It is used by {shown}{more}. "
        "Change those first, then delete it."
    )
