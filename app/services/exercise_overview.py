"""A person's exercise sessions for their landing page, with when the next phase opens."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..models import ExerciseParticipant, ExerciseSession, User
from . import exercise_sessions
from .exercise_library import parsed


@dataclass(frozen=True)
class MySession:
    session: ExerciseSession
    title: str
    role: str  # "Facilitator", or the seat's name
    status: str  # e.g. "Phase 2 of 5: A quiet winter"
    notice: str  # e.g. "Phase 3 opens on 4 December 2026"


def _notice(sess: ExerciseSession, phase: int, count: int, today: date) -> str:
    if sess.mode != "dated":
        return ""
    for index, when in enumerate(sess.schedule):
        opens = date.fromisoformat(when)
        if index > phase and opens > today:
            return f"Phase {index + 1} opens on {opens.day} {opens:%B %Y}."
    return "Every phase is open." if phase < count else ""


def my_sessions(session: Session, user: User, now: datetime) -> list[MySession]:
    """Sessions the person facilitates or sits in, newest first."""
    rows = session.scalars(
        select(ExerciseSession)
        .outerjoin(
            ExerciseParticipant,
            (ExerciseParticipant.session_id == ExerciseSession.id)
            & (ExerciseParticipant.user_id == user.id),
        )
        .where(or_(ExerciseSession.facilitator_id == user.id, ExerciseParticipant.id.is_not(None)))
        .order_by(ExerciseSession.id.desc())
    ).unique()
    found = []
    for sess in rows:
        exercise = parsed(sess.version)
        phase = exercise_sessions.phase_now(sess, exercise, now)
        seat = next((p.seat for p in sess.participants if p.user_id == user.id), None)
        role = (
            "Facilitator"
            if sess.facilitator_id == user.id
            else (exercise.seat(seat).name if seat else "No seat yet")
        )
        if phase >= len(exercise.phases):
            status = "Finished: the debrief is ready"
        else:
            status = f"Phase {phase + 1} of {len(exercise.phases)}: {exercise.phases[phase].title}"
        found.append(
            MySession(
                sess,
                exercise.title,
                role,
                status,
                _notice(sess, phase, len(exercise.phases), now.date()),
            )
        )
    return found
