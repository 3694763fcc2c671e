"""The catalogue as one learner sees it: each scenario they can start, with their progress."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..engine import Scenario, Vocabulary
from ..models import Attempt, ScenarioVersion, StoredScenario, User
from .library import catalogue, parsed
from .trials import tested_scenarios


class Progress(StrEnum):
    """How far a learner has gone with a scenario (the words shown on its tag)."""

    NOT_STARTED = "Not started"
    IN_PROGRESS = "In progress"
    COMPLETED = "Completed"

    @property
    def tag_class(self) -> str:
        return {
            Progress.NOT_STARTED: "govuk-tag--grey",
            Progress.IN_PROGRESS: "govuk-tag--blue",
            Progress.COMPLETED: "govuk-tag--green",
        }[self]


@dataclass(frozen=True)
class CatalogueEntry:
    stored: StoredScenario
    scenario: Scenario
    status: Progress
    last_outcome: str | None
    competencies: list[str]
    test: bool = False  # a version given to this person to try before everyone


def entries(session: Session, user: User, vocab: Vocabulary) -> list[CatalogueEntry]:
    """One row per scenario in the catalogue with the learner's progress, from one query of
    their attempts."""
    attempts = session.execute(
        select(ScenarioVersion.scenario_id, Attempt.completed_at, Attempt.ending_outcome)
        .join(Attempt, Attempt.version_id == ScenarioVersion.id)
        .where(Attempt.user_id == user.id)
        .order_by(Attempt.started_at)
    ).all()
    open_ids = {a.scenario_id for a in attempts if a.completed_at is None}
    last_done = {a.scenario_id: a.ending_outcome for a in attempts if a.completed_at}
    found = []
    testing = dict(tested_scenarios(session, user))
    everyone = catalogue(session)
    listed = {s.id for s in everyone}
    extra = [s for s in testing if s.id not in listed]
    for stored in [*extra, *everyone]:
        scenario = parsed(testing.get(stored) or stored.current_version)
        if stored.id in open_ids:
            status = Progress.IN_PROGRESS
        elif stored.id in last_done:
            status = Progress.COMPLETED
        else:
            status = Progress.NOT_STARTED
        names = [c.name for c in vocab.known(scenario.competencies)]
        found.append(
            CatalogueEntry(
                stored, scenario, status, last_done.get(stored.id), names, stored in testing
            )
        )
    return found
