"""Assignments: set a scenario or exercise for a learner, a team or an agency with a due date;
what each learner has been set; and the completion report (assigned, started, completed,
overdue). Progress counts only what was done after the assignment was made. Reads use a fixed
number of queries, however many people or assignments there are."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import or_, select
from sqlalchemy.orm import Session, selectinload

from ..models import (
    Agency,
    Assignment,
    Attempt,
    ExerciseParticipant,
    ExerciseSession,
    ExerciseVersion,
    ScenarioVersion,
    StoredExercise,
    StoredScenario,
    Team,
    User,
)
from . import exercise_library


class AssignmentError(ValueError):
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def create(
    session: Session, actor: User, activity: StoredScenario | StoredExercise, audience, due_on: date,
    today: date,
) -> Assignment:  # fmt: skip
    """Set `activity` for `audience` (a User, Team or Agency). The caller checked `can()`."""
    if due_on < today:
        raise AssignmentError("due_on", "The due date must be today or later")
    row = Assignment(due_on=due_on, assigned_by_id=actor.id)
    if isinstance(activity, StoredScenario):
        row.scenario_id = activity.id
    else:
        row.exercise_id = activity.id
    key = {User: "user_id", Team: "team_id", Agency: "agency_id"}[type(audience)]
    setattr(row, key, audience.id)
    session.add(row)
    session.flush()
    return row


def audience_label(row: Assignment) -> str:
    if row.user_id:
        return row.user.display_name
    if row.team_id:
        return f"{row.team.name} ({row.team.agency.name})"
    return f"Everyone in {row.agency.name}"


def title_of(row: Assignment) -> str:
    stored = row.scenario or row.exercise
    version = stored.current_version if stored else None
    return version.title if version else "(removed)"


# what a list of assignments shows, loaded with it (no query per row)
LOADED = (
    selectinload(Assignment.scenario).selectinload(StoredScenario.current_version),
    selectinload(Assignment.exercise).selectinload(StoredExercise.current_version),
    selectinload(Assignment.user),
    selectinload(Assignment.team).selectinload(Team.agency),
    selectinload(Assignment.agency),
)


@dataclass(frozen=True)
class Progress:
    assignment: Assignment
    title: str
    status: str  # "Not started", "Started" or "Completed"
    overdue: bool


def _members_clause(row_alias=Assignment):
    return or_(
        User.id == row_alias.user_id,
        User.team_id == row_alias.team_id,
        User.agency_id == row_alias.agency_id,
    )


def _progress(session: Session, pairs: list[tuple[Assignment, int]]) -> dict:
    """(assignment id, user id) -> "Started" / "Completed", in two queries."""
    users = {u for _, u in pairs}
    done: dict = {}
    if not users:
        return done
    attempts = session.execute(
        select(
            Attempt.user_id, ScenarioVersion.scenario_id, Attempt.started_at, Attempt.completed_at
        )  # fmt: skip
        .join(ScenarioVersion, ScenarioVersion.id == Attempt.version_id)
        .where(Attempt.user_id.in_(users))
    ).all()
    seats = session.execute(
        select(
            ExerciseParticipant.user_id,
            ExerciseVersion.exercise_id,
            ExerciseParticipant.joined_at,
            ExerciseSession.phase,
            ExerciseVersion.id,
        )  # fmt: skip
        .join(ExerciseSession, ExerciseSession.id == ExerciseParticipant.session_id)
        .join(ExerciseVersion, ExerciseVersion.id == ExerciseSession.version_id)
        .where(ExerciseParticipant.user_id.in_(users))
    ).all()
    by_user: dict = defaultdict(list)
    for uid, sid, started, completed in attempts:
        by_user[("s", uid, sid)].append((started, completed is not None and completed))
    versions = {v.id: v for v in session.scalars(select(ExerciseVersion))} if seats else {}
    for uid, eid, joined, phase, vid in seats:
        over = phase >= len(exercise_library.parsed(versions[vid]).phases)
        by_user[("e", uid, eid)].append((joined, joined if over else None))
    for row, uid in pairs:
        key = ("s", uid, row.scenario_id) if row.scenario_id else ("e", uid, row.exercise_id)
        states = [
            c for s, c in by_user.get(key, []) if s >= row.created_at or (c and c >= row.created_at)
        ]
        if any(states):
            done[(row.id, uid)] = "Completed"
        elif states:
            done[(row.id, uid)] = "Started"
    return done


def for_learner(session: Session, user: User, today: date) -> list[Progress]:
    """What `user` has been set (as a person, or through their team or agency), soonest due first."""
    rows = session.scalars(
        select(Assignment)
        .where(
            or_(
                Assignment.user_id == user.id,
                Assignment.team_id == user.team_id if user.team_id else False,
                Assignment.agency_id == user.agency_id if user.agency_id else False,
            )
        )
        .order_by(Assignment.due_on)
        .options(*LOADED)
    ).all()
    states = _progress(session, [(r, user.id) for r in rows])
    out = []
    for row in rows:
        status = states.get((row.id, user.id), "Not started")
        out.append(
            Progress(row, title_of(row), status, status != "Completed" and row.due_on < today)
        )
    return out


@dataclass(frozen=True)
class ReportRow:
    title: str
    audience: str
    due_on: date
    assigned: int
    started: int
    completed: int
    overdue: int


def report(session: Session, visible, today: date) -> list[ReportRow]:
    """One row per assignment in `visible` (a WHERE clause on Assignment): its active members
    now, how many started, completed, and are overdue (not completed after the due date)."""
    pairs = session.execute(
        select(Assignment, User.id)
        .join(User, _members_clause())
        .where(visible, User.active.is_(True))
    ).all()
    rows = session.scalars(
        select(Assignment).where(visible).order_by(Assignment.due_on).options(*LOADED)
    ).all()
    states = _progress(session, [(a, uid) for a, uid in pairs])
    members: dict = defaultdict(list)
    for a, uid in pairs:
        members[a.id].append(states.get((a.id, uid), "Not started"))
    out = []
    for row in rows:
        seen = members[row.id]
        completed = seen.count("Completed")
        late = len(seen) - completed if row.due_on < today else 0
        out.append(ReportRow(title_of(row), audience_label(row), row.due_on, len(seen),
                             len(seen) - seen.count("Not started"), completed, late))  # fmt: skip
    return out
