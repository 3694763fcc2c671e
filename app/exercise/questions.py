"""Debrief questions as data (content/exercise-debrief-rules.txt): each rule names a fact about
the session, a threshold, a reflective stage and the question. Grouped by the same cycles the
supervision agenda uses (app.supervision.cycles)."""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..engine.model import Problem
from ..supervision.cycles import CYCLES

STAGES = ("experience", "reflection", "analysis", "action")
WHEN_RE = re.compile(r"^(?P<fact>[a-z-]+)\s*>=\s*(?P<n>\d+)$")
RULE_RE = re.compile(r"^===\s*question:\s*(?P<id>[a-z0-9-]+)\s*$")
FACTS = (
    "seats-never-shared",
    "held-alone",
    "shared",
    "missed-moments",
    "moments-in-time",
    "not-shared-with-reason",
    "consent-where-risk",
    "family-never-asked",
    "decisions-without-why",
)


@dataclass(frozen=True)
class Rule:
    id: str
    fact: str
    at_least: int
    stage: str
    ask: str
    line: int


def read_rules(text: str, path: str = "<rules>") -> tuple[list[Rule], list[Problem]]:
    """Rules, and a problem (file and line) for each rule that cannot be used."""
    rules, problems = [], []
    blocks: list[tuple[str, int, dict[str, str]]] = []
    last = None
    for number, raw in enumerate(text.splitlines(), 1):
        if raw.startswith("//") or not raw.strip():
            continue
        if match := RULE_RE.match(raw):
            blocks.append((match["id"], number, {}))
            last = None
        elif blocks and raw.startswith("  ") and last:
            blocks[-1][2][last] += " " + raw.strip()
        elif blocks and ":" in raw:
            key, value = raw.split(":", 1)
            blocks[-1][2][key.strip()] = value.strip()
            last = key.strip()
        else:
            problems.append(
                Problem(path, number, "bad-line", "expected '=== question: id' or 'key: value'")
            )
    for rule_id, line, fields in blocks:
        when = WHEN_RE.match(fields.get("when", ""))
        if not when or when["fact"] not in FACTS:
            problems.append(Problem(path, line, "bad-when", f"{rule_id}: 'when: <fact> >= <n>'"))
        elif fields.get("stage") not in STAGES:
            problems.append(
                Problem(path, line, "bad-stage", f"{rule_id}: stage is one of {STAGES}")
            )
        elif not fields.get("ask"):
            problems.append(Problem(path, line, "no-ask", f"{rule_id}: needs 'ask:'"))
        else:
            rules.append(
                Rule(rule_id, when["fact"], int(when["n"]), fields["stage"], fields["ask"], line)
            )
    return rules, problems


def questions(
    rules: list[Rule], facts: dict[str, int], cycle: str = "kolb"
) -> list[tuple[str, str, list[str]]]:
    """(phase title, phase question, the questions raised) for each phase of the cycle."""
    raised = [
        (r.stage, r.ask.replace("{n}", str(facts.get(r.fact, 0))))
        for r in rules
        if facts.get(r.fact, 0) >= r.at_least
    ]
    grouped = []
    for phase in CYCLES[cycle].phases:
        asked = [text for stage, text in raised if stage in phase.stages]
        if asked:
            grouped.append((phase.title, phase.question, asked))
    return grouped
