"""A person's own exercise record: their decisions and the reasons they wrote, for "My
learning", and as supervision input (tags and scores of the options they chose, their "why"
as reflections), so supervision prompts can build on exercises as they do on scenarios."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..models import ExerciseChoice, ExerciseSession
from ..supervision import ChoiceMade, PastAttempt, ReflectionMade
from .exercise_library import parsed


@dataclass(frozen=True)
class RecordRow:
    session_id: int
    title: str
    seat: str
    question: str
    option: str
    feedback: str
    why: str


def _own_choices(session: Session, user_ids: Sequence[int]) -> list[ExerciseChoice]:
    """Each person's newest answer to each decision, only the ones they made themselves."""
    rows = session.scalars(
        select(ExerciseChoice)
        .where(ExerciseChoice.user_id.in_(list(user_ids)))
        .order_by(ExerciseChoice.id)
    )
    newest: dict[tuple[int, int, str], ExerciseChoice] = {}
    for row in rows:
        newest[(row.user_id, row.session_id, row.decision)] = row
    return list(newest.values())


def _sessions(session: Session, ids: set[int]) -> dict[int, ExerciseSession]:
    found = session.scalars(
        select(ExerciseSession)
        .where(ExerciseSession.id.in_(ids))
        .options(selectinload(ExerciseSession.version))
    )
    return {s.id: s for s in found}


def my_record(session: Session, user_id: int) -> list[RecordRow]:
    """The person's decisions across exercises, for their learning record."""
    choices = _own_choices(session, [user_id])
    sessions = _sessions(session, {c.session_id for c in choices})
    rows = []
    for choice in choices:
        exercise = parsed(sessions[choice.session_id].version)
        decision = exercise.decision(choice.decision)
        option = decision.options[choice.option]
        rows.append(
            RecordRow(
                choice.session_id,
                exercise.title,
                exercise.seat(choice.seat).name,
                decision.question,
                option.text,
                option.feedback,
                choice.why,
            )
        )
    return rows


def supervision_history(session: Session, user_ids: Sequence[int]) -> dict[int, list[PastAttempt]]:
    """Each person's exercise sessions as supervision input: one PastAttempt a session."""
    choices = _own_choices(session, user_ids)
    sessions = _sessions(session, {c.session_id for c in choices})
    grouped: dict[tuple[int, int], list[ExerciseChoice]] = {}
    for choice in choices:
        grouped.setdefault((choice.user_id, choice.session_id), []).append(choice)
    found: dict[int, list[PastAttempt]] = {}
    for (user_id, session_id), made in grouped.items():
        sess = sessions[session_id]
        exercise = parsed(sess.version)
        chosen, written = [], []
        for number, choice in enumerate(sorted(made, key=lambda c: c.at)):
            option = exercise.decision(choice.decision).options[choice.option]
            chosen.append(
                ChoiceMade(
                    number,
                    choice.decision,
                    option.text,
                    option.tags,
                    dict(option.scores),
                    (),
                    choice.at,
                )
            )
            if choice.why:
                question = exercise.decision(choice.decision).question
                written.append(
                    ReflectionMade(number, choice.decision, question, choice.why, choice.at)
                )
        over = sess.phase >= len(exercise.phases)
        found.setdefault(user_id, []).append(
            PastAttempt(
                id=-session_id,  # never an attempt id: exercises are not attempts
                scenario_id=f"exercise:{exercise.id}",
                scenario_title=exercise.title,
                started_at=sess.created_at,
                completed_at=max(c.at for c in made) if over else None,
                choices=tuple(chosen),
                reflections=tuple(written),
            )
        )
    return found
