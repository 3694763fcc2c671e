"""A learning source's own supervision rules (app.models.SourceRule), written as a form in the
browser, turned into the pure engine's `Rule`s. Each looks only at the attempts of scenarios that
name its source, so a domestic-abuse review's rule never fires on another review's scenarios."""

from __future__ import annotations

from dataclasses import replace

from sqlalchemy import select
from sqlalchemy.orm import Session, defer, selectinload

from ..engine import Problem, Scenario, Vocabulary
from ..models import LearningSource, ScenarioVersion, SourceRule
from ..supervision import Rule, parse_rules
from ..supervision.conditions import fill
from . import sources
from .library import parsed

PATTERNS = {
    "chose": "Their choices carry the tag",
    "missed": "They passed over an option with the tag when it was on offer",
    "ended": "Their endings carry the tag",
}
EXAMPLE = {  # figures a preview fills in, so the author reads the question as a supervisor will
    "count": 2,
    "of": 3,
    "scenarios": "‘A talk in the kitchen’ and ‘The boots by the door’",
    "scenario_count": 2,
}


def as_text(rule: SourceRule) -> str:
    """The rule in the rules file's format, for the pure parser to check and read."""
    lines = [f"=== {rule.kind}: {rule.key}", f"when: {rule.when}", f"stage: {rule.stage}"]
    if rule.attention and rule.kind == "concern":
        lines.append("attention: " + " ".join(rule.attention.split()))
    lines.append("prompt: " + " ".join(rule.prompt.split()))
    return "\n".join(lines) + "\n"


def check(rule: SourceRule, vocab: Vocabulary) -> list[Problem]:
    """What is wrong with one rule, in the pure checker's words (empty when it is fine)."""
    return parse_rules(as_text(rule), "rule", vocab)[1]


def example(rule: SourceRule, row: LearningSource) -> tuple[str, str]:
    """The question and the dashboard line with example figures, as a supervisor would read
    them."""
    label = next((t.label for t in row.tags if t.key == rule.tag), rule.tag)
    values = {**EXAMPLE, "tag": label}
    attention = fill(rule.attention, values) if rule.kind == "concern" else ""
    return fill(" ".join(rule.prompt.split()), values), attention


def _rules(row: LearningSource, vocab: Vocabulary, scope: frozenset[str]) -> list[Rule]:
    text = "\n".join(as_text(r) for r in row.rules)
    found, _ = parse_rules(text, f"source {row.slug}", vocab)  # a broken rule is left out
    return [replace(r, id=f"{row.slug}/{r.id}", scenarios=scope) for r in found]


def _with_rules(session: Session, slugs=None) -> list[LearningSource]:
    query = select(LearningSource).where(LearningSource.rules.any())
    if slugs is not None:
        query = query.where(LearningSource.slug.in_(list(slugs)))
    return list(
        session.scalars(
            query.order_by(LearningSource.id).options(
                selectinload(LearningSource.rules), selectinload(LearningSource.tags)
            )
        )
    )


def problems_by_source(session: Session, content_dir: str) -> tuple[int, list[str]]:
    """(number of browser-written rules, one line per problem naming source and rule), for
    `flask supervision check`: a broken rule is left out of the dashboards, so it must be told."""
    vocab = sources.everything(session, content_dir)
    count, found = 0, []
    for row in _with_rules(session):
        for rule in row.rules:
            count += 1
            found += [
                f"source {row.slug}, rule {rule.key}: {p.code}: {p.message}"
                for p in check(rule, vocab)
            ]
    return count, found


def for_supervision(session: Session, content_dir: str) -> tuple[Rule, ...]:
    """Every source's rules, each scoped to the published scenarios that name its source."""
    rows = _with_rules(session)
    if not rows:
        return ()
    naming: dict[str, set[str]] = {}
    # without the text: `parsed` reads it only for a version it has not parsed yet
    for version in session.scalars(select(ScenarioVersion).options(defer(ScenarioVersion.source))):
        scenario = parsed(version)
        for slug in scenario.sources:
            naming.setdefault(slug, set()).add(scenario.id)
    vocab = sources.everything(session, content_dir)
    found: list[Rule] = []
    for row in rows:
        found += _rules(row, vocab, frozenset(naming.get(row.slug, ())))
    return tuple(found)


def for_scenario(session: Session, content_dir: str, scenario: Scenario) -> tuple[Rule, ...]:
    """The rules of the sources this scenario names, for its preview."""
    vocab = sources.everything(session, content_dir)
    found: list[Rule] = []
    for row in _with_rules(session, scenario.sources):
        found += _rules(row, vocab, frozenset({scenario.id}))
    return tuple(found)
