"""Shape what the player pages show: catalogue rows, competency rows, the path taken."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..engine import NodeKind, Vocabulary
from ..models import Attempt, ScenarioVersion, StoredScenario
from ..services.library import parsed


@dataclass(frozen=True)
class CatalogueEntry:
    stored: StoredScenario
    scenario: Any
    status: str
    last_outcome: str | None
    competencies: list[str]


def catalogue_entries(
    session: Session, user, stored_scenarios: list[StoredScenario], vocab: Vocabulary
) -> list[CatalogueEntry]:
    """One row per scenario with the learner's status, from one query of their attempts."""
    attempts = session.execute(
        select(ScenarioVersion.scenario_id, Attempt.completed_at, Attempt.ending_outcome)
        .join(Attempt, Attempt.version_id == ScenarioVersion.id)
        .where(Attempt.user_id == user.id)
        .order_by(Attempt.started_at)
    ).all()
    open_ids = {a.scenario_id for a in attempts if a.completed_at is None}
    last_done = {a.scenario_id: a.ending_outcome for a in attempts if a.completed_at}
    entries = []
    for stored in stored_scenarios:
        scenario = parsed(stored.current_version)
        if stored.id in open_ids:
            status = "In progress"
        elif stored.id in last_done:
            status = "Completed"
        else:
            status = "Not started"
        names = [
            vocab.competencies[c].name for c in scenario.competencies if c in vocab.competencies
        ]
        entries.append(CatalogueEntry(stored, scenario, status, last_done.get(stored.id), names))
    return entries


def competency_rows(scores: Mapping[str, int], vocab: Vocabulary) -> list[dict]:
    """For feedback: each competency an option bears on, its finding(s) and briefing."""
    rows = []
    for key, value in scores.items():
        comp = vocab.competencies.get(key)
        if comp is None:
            continue
        rows.append(
            {
                "name": comp.name,
                "score": value,
                "briefing": comp.briefing,
                "findings": ", ".join(str(f) for f in comp.findings),
            }
        )
    return rows


def path_rows(play, attempt: Attempt) -> list[dict]:
    """The path taken, for the ending page: what was shown and what the learner did."""
    reflections = {s.number: s.reflection for s in attempt.answers}
    rows = []
    for number, step in enumerate(play.position.path):
        node = step.node
        row = {
            "number": number,
            "kind": node.kind,
            "node": node,
            "option": step.option,
            "reflection": None,
            "skipped": False,
        }
        if node.kind == NodeKind.REFLECTION:
            row["reflection"] = reflections.get(number)
            row["skipped"] = step.answer.text is None
        if node.kind != NodeKind.SCENE:
            rows.append(row)
    return rows
