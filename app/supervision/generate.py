"""`generate()`: a learner's history and the rules in, supervision prompts out.

Deterministic: the same history, rules and `now` always give the same prompts in the same order,
so an agenda printed twice matches and tests can state exactly what comes out.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date, datetime

from ..engine import Vocabulary
from .authored import authored_prompts
from .conditions import fill
from .model import Generated, History, Prompt
from .patterns import matches
from .rules import Rule


def pattern_prompts(
    history: History, rules: Iterable[Rule], vocab: Vocabulary, now: datetime
) -> list[Prompt]:
    """A prompt for each way each rule holds. A rule's place in the file is its priority, so
    authors put what matters most first; a rule with `unless:` gives way to the rule it names."""
    rules = list(rules)
    holding = {rule.id: matches(rule, history, vocab, now) for rule in rules}
    found = []
    for place, rule in enumerate(rules):
        if rule.unless and holding.get(rule.unless):
            continue
        for match in holding[rule.id]:
            competency = match.subject or rule.competency
            key = f"rule:{rule.id}" + (f":{match.subject}" if match.subject else "")
            found.append(
                Prompt(
                    key=key,
                    stage=rule.stage,
                    text=fill(rule.prompt, match.values),
                    trigger=match.trigger,
                    source="reflection" if rule.when.kind == "short-reflections" else "pattern",
                    competency=competency,
                    findings=vocab.competencies[competency].findings
                    if competency in vocab.competencies
                    else (),
                    reflection_ids=match.reflection_ids,
                    evidence_at=match.evidence_at,
                    strength=rule.strength,
                    attention=None
                    if rule.strength or not rule.attention
                    else fill(rule.attention, match.values),
                    priority=place,
                )
            )
    return found


def covered_on(history: History) -> dict[str, date]:
    """Each covered prompt key and the last session that covered it."""
    dates: dict[str, date] = {}
    for session in history.sessions:
        for key in session.covered:
            if key not in dates or session.held_on > dates[key]:
                dates[key] = session.held_on
    return dates


def _still_open(prompt: Prompt, covered: dict[str, date]) -> Prompt | None:
    """A covered prompt stays away unless something new happened after the session."""
    held = covered.get(prompt.key)
    if held is None:
        return prompt
    if prompt.evidence_at is None or prompt.evidence_at.date() <= held:
        return None
    return replace(prompt, returning=held)


def _order(prompts: Iterable[Prompt]) -> list[Prompt]:
    """Priority first, then newest evidence, then key: a total order, so output is stable."""
    ordered = sorted(prompts, key=lambda p: p.key)
    ordered.sort(key=lambda p: p.evidence_at or datetime.min, reverse=True)
    ordered.sort(key=lambda p: p.priority)
    return ordered


def generate(
    history: History, rules: Iterable[Rule], vocab: Vocabulary, now: datetime
) -> Generated:
    """Prompts for the learner's next supervision, most useful first, strengths apart."""
    history = replace(
        history,
        attempts=tuple(sorted(history.attempts, key=lambda a: (a.started_at, a.id))),
        sessions=tuple(sorted(history.sessions, key=lambda s: (s.held_on, sorted(s.covered)))),
    )
    covered = covered_on(history)
    raised = pattern_prompts(history, rules, vocab, now) + authored_prompts(history, vocab)
    kept = [p for p in (_still_open(p, covered) for p in raised) if p is not None]
    ordered = _order(kept)
    return Generated(
        prompts=tuple(p for p in ordered if not p.strength),
        strengths=tuple(p for p in ordered if p.strength),
    )
