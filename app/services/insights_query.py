"""The insights' SQL: every figure is a GROUP BY in the database, and the number of queries is
fixed (never one per learner, attempt or scenario). Rows come back keyed by a group:

- `grp` is the agency id, the team id, or 0 for the whole partnership (see `Window.by`);
- `erased` is 1 for attempts whose learner was erased (attempts.user_id NULL): they count in the
  partnership's figures but belong to no agency or team, and never count as a learner towards
  the smallest group shown (app.services.insights).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import and_, case, func, literal, select
from sqlalchemy.orm import Session

from ..models import (
    Attempt,
    AttemptAnswer,
    ExerciseChoice,
    ExerciseParticipant,
    ExerciseSession,
    ExerciseVersion,
    ScenarioVersion,
    User,
)

BY = ("partnership", "agency", "team")


@dataclass(frozen=True)
class Window:
    """What to count: a date range (inclusive, either end open) and how to group."""

    start: date | None = None
    end: date | None = None
    by: str = "partnership"

    def clause(self, column):
        parts = []
        if self.start:
            parts.append(column >= datetime.combine(self.start, time.min))
        if self.end:
            parts.append(column < datetime.combine(self.end + timedelta(days=1), time.min))
        return and_(True, *parts)

    def group(self, by: str | None = None):
        by = by or self.by
        if by == "agency":
            return User.agency_id
        if by == "team":
            return User.team_id
        return literal(0)


def _erased():
    return case((Attempt.user_id.is_(None), 1), else_=0)


def _of(scenario_id: int | None):
    return True if scenario_id is None else ScenarioVersion.scenario_id == scenario_id


def scenario_activity(
    session: Session, win: Window, by: str | None = None, scenario_id: int | None = None
) -> list:
    """(scenario_id, grp, erased, starts, completions, learners, learners who finished), for
    every scenario or one."""
    grp = win.group(by).label("grp")
    erased = _erased().label("erased")
    # One row a learner first (hashed), then counted: count(DISTINCT) would sort every attempt.
    per_learner = (
        select(
            ScenarioVersion.scenario_id.label("scenario_id"),
            grp,
            erased,
            Attempt.user_id.label("user_id"),
            func.count(Attempt.id).label("starts"),
            func.count(Attempt.completed_at).label("done"),
        )
        .join(ScenarioVersion, ScenarioVersion.id == Attempt.version_id)
        .outerjoin(User, User.id == Attempt.user_id)
        .where(win.clause(Attempt.started_at), _of(scenario_id))
        .group_by(ScenarioVersion.scenario_id, grp, erased, Attempt.user_id)
        .subquery()
    )
    t = per_learner.c
    query = select(
        t.scenario_id,
        t.grp,
        t.erased,
        func.sum(t.starts),
        func.sum(t.done),
        func.count(t.user_id),
        func.count(case((t.done > 0, t.user_id))),
    ).group_by(t.scenario_id, t.grp, t.erased)
    return [(*r[:3], int(r[3]), int(r[4]), *r[5:]) for r in session.execute(query)]


def scenario_minutes(
    session: Session, win: Window, by: str | None = None, scenario_id: int | None = None
) -> list:
    """(scenario_id, grp, erased, whole minutes spent, finished attempts): a histogram of the
    time finished attempts took (the sum of their steps' time, kept in attempts.seconds_total
    when the attempt finished), for medians."""
    grp = win.group(by).label("grp")
    erased = _erased().label("erased")
    minute = (Attempt.seconds_total // 60).label("minute")
    query = (
        select(ScenarioVersion.scenario_id, grp, erased, minute, func.count())
        .select_from(Attempt)
        .join(ScenarioVersion, ScenarioVersion.id == Attempt.version_id)
        .outerjoin(User, User.id == Attempt.user_id)
        .where(
            Attempt.completed_at.is_not(None),
            Attempt.seconds_total.is_not(None),
            win.clause(Attempt.started_at),
            _of(scenario_id),
        )
        .group_by(ScenarioVersion.scenario_id, grp, erased, minute)
    )
    return list(session.execute(query))


def scenario_endings(session: Session, win: Window, scenario_id: int, by: str | None = None):
    """(ending outcome, grp, erased, attempts) for one scenario's finished attempts."""
    grp = win.group(by).label("grp")
    erased = _erased().label("erased")
    query = (
        select(Attempt.ending_outcome, grp, erased, func.count())
        .join(ScenarioVersion, ScenarioVersion.id == Attempt.version_id)
        .outerjoin(User, User.id == Attempt.user_id)
        .where(
            ScenarioVersion.scenario_id == scenario_id,
            Attempt.completed_at.is_not(None),
            win.clause(Attempt.started_at),
        )
        .group_by(Attempt.ending_outcome, grp, erased)
    )
    return list(session.execute(query))


def choices(
    session: Session,
    win: Window,
    version_ids: list[int] | None,
    by: str | None = None,
    option_level: bool = True,
    pivot: date | None = None,
) -> list:
    """Option level: (version_id, node_id, option_index, grp, erased, period, answers).
    Node level (`option_level=False`): (version_id, node_id, grp, erased, period, learners).
    `period` is 0 before `pivot` and 1 from it (always 0 without one). `version_ids` None: every
    version."""
    grp = win.group(by).label("grp")
    erased = _erased().label("erased")
    if pivot is None:
        period = literal(0).label("period")
    else:
        start = datetime.combine(pivot, time.min)
        period = case((Attempt.started_at >= start, 1), else_=0).label("period")
    keys = [Attempt.version_id, AttemptAnswer.node_id]
    if option_level:
        keys.append(AttemptAnswer.option_index)
    picked = (
        select(*keys, grp, erased, period)
        .select_from(AttemptAnswer)
        .join(Attempt, Attempt.id == AttemptAnswer.attempt_id)
        .outerjoin(User, User.id == Attempt.user_id)
        .where(
            AttemptAnswer.kind == "choose",
            True if version_ids is None else Attempt.version_id.in_(version_ids),
            win.clause(Attempt.started_at),
        )
    )
    if option_level:
        return list(
            session.execute(picked.add_columns(func.count()).group_by(*keys, grp, erased, period))
        )
    # Learners: the distinct (node, group, learner) rows first, then counted: PostgreSQL hashes
    # the DISTINCT where count(DISTINCT) would sort every answer (and spill to disk).
    seen = picked.add_columns(Attempt.user_id.label("user_id")).distinct().subquery()
    cols = [seen.c.version_id, seen.c.node_id, seen.c.grp, seen.c.erased, seen.c.period]
    query = select(*cols, func.count(seen.c.user_id)).group_by(*cols)
    return list(session.execute(query))


def exercise_activity(session: Session, win: Window, phases: dict[int, int], by=None) -> list:
    """(exercise_id, grp, starts, completions, learners): a start is a person joining a
    session; a completion, their session having passed its last phase (`phases`: version id ->
    number of phases)."""
    grp = win.group(by).label("grp")
    done = case(
        *[
            (and_(ExerciseSession.version_id == vid, ExerciseSession.phase >= n), 1)
            for vid, n in phases.items()
        ],
        else_=0,
    )
    query = (
        select(
            ExerciseVersion.exercise_id,
            grp,
            func.count(ExerciseParticipant.id),
            func.sum(done),
            func.count(func.distinct(ExerciseParticipant.user_id)),
        )
        .select_from(ExerciseParticipant)
        .join(ExerciseSession, ExerciseSession.id == ExerciseParticipant.session_id)
        .join(ExerciseVersion, ExerciseVersion.id == ExerciseSession.version_id)
        .outerjoin(User, User.id == ExerciseParticipant.user_id)
        .where(win.clause(ExerciseParticipant.joined_at))
        .group_by(ExerciseVersion.exercise_id, grp)
    )
    return list(session.execute(query))


def exercise_spans(session: Session, win: Window, by=None) -> list:
    """(exercise_id, grp, joined_at, last choice at): one row a participant who decided
    anything, for the median time (a fixed number of queries; the rows are not named)."""
    last = (
        select(
            ExerciseChoice.session_id.label("session_id"),
            ExerciseChoice.user_id.label("user_id"),
            func.max(ExerciseChoice.at).label("last_at"),
        )
        .group_by(ExerciseChoice.session_id, ExerciseChoice.user_id)
        .subquery()
    )
    grp = win.group(by).label("grp")
    query = (
        select(ExerciseVersion.exercise_id, grp, ExerciseParticipant.joined_at, last.c.last_at)
        .select_from(ExerciseParticipant)
        .join(
            last,
            and_(
                last.c.session_id == ExerciseParticipant.session_id,
                last.c.user_id == ExerciseParticipant.user_id,
            ),
        )
        .join(ExerciseSession, ExerciseSession.id == ExerciseParticipant.session_id)
        .join(ExerciseVersion, ExerciseVersion.id == ExerciseSession.version_id)
        .outerjoin(User, User.id == ExerciseParticipant.user_id)
        .where(win.clause(ExerciseParticipant.joined_at))
    )
    return list(session.execute(query))
