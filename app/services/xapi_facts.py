"""Stored attempts and exercise seats as the plain facts app.xapi turns into statements."""

from __future__ import annotations

import hashlib
import hmac

from flask import current_app
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import utcnow
from ..engine import AnswerKind
from ..models import Attempt, ExerciseChoice, ExerciseParticipant, ExerciseShare
from ..xapi import AttemptFacts, ExerciseChoiceFacts, ExerciseFacts, ShareFacts, StepFacts
from . import exercise_sessions
from .exercise_library import parsed as parsed_exercise
from .player import load_play

PROMPT_CHARS = 200


def account_name(user_id: int) -> str:
    """The person's opaque id in statements: stable while XAPI_ACTOR_KEY (by default the
    SECRET_KEY) stays the same, and telling nothing about them (no email, no row id)."""
    key = current_app.config.get("XAPI_ACTOR_KEY") or current_app.config["SECRET_KEY"]
    digest = hmac.new(str(key).encode(), f"xapi-actor:{user_id}".encode(), hashlib.sha256)
    return digest.hexdigest()[:32]


def attempt_facts(attempt: Attempt) -> AttemptFacts | None:
    """None for an attempt detached from its person (retention, erasure): no actor to name."""
    if attempt.user_id is None:
        return None
    play = load_play(attempt)
    steps = []
    shown = attempt.started_at
    for stored, step in zip(attempt.answers, play.position.path, strict=False):
        node = step.node
        choice = stored.kind == AnswerKind.CHOOSE
        option = step.option
        steps.append(
            StepFacts(
                number=stored.number,
                node_id=stored.node_id,
                kind=str(node.kind),
                shown_at=shown,
                answered_at=stored.created_at,
                seconds=stored.seconds_spent,
                prompt=node.text[:PROMPT_CHARS],
                options=tuple((i, o.text) for i, o in enumerate(node.options)) if choice else (),
                chosen=stored.option_index if choice else None,
                scores=dict(option.scores) if option is not None else {},
                text=None
                if stored.skipped or stored.reflection is None
                else stored.reflection.text,
            )
        )
        shown = stored.created_at
    return AttemptFacts(
        key=f"attempt:{attempt.id}",
        account=account_name(attempt.user_id),
        scenario=play.scenario.id,
        title=attempt.version.title,
        version=attempt.version.number,
        started_at=attempt.started_at,
        steps=tuple(steps),
        completed_at=attempt.completed_at,
        ending=attempt.ending_node,
        outcome=attempt.ending_outcome or "",
        competencies={s.competency: (s.won, s.best) for s in attempt.scores},
    )


def seat_facts(session: Session, person: ExerciseParticipant) -> ExerciseFacts:
    """A person's part in an exercise session: their own decisions and sharing acts."""
    sess = person.session
    exercise = parsed_exercise(sess.version)
    choices = session.scalars(
        select(ExerciseChoice)
        .where(ExerciseChoice.session_id == sess.id, ExerciseChoice.user_id == person.user_id)
        .order_by(ExerciseChoice.id)
    ).all()
    shares = session.scalars(
        select(ExerciseShare)
        .where(ExerciseShare.session_id == sess.id, ExerciseShare.user_id == person.user_id)
        .order_by(ExerciseShare.id)
    ).all()
    made = []
    for row in choices:
        decision = exercise.decision(row.decision)
        made.append(
            ExerciseChoiceFacts(
                event=f"choice:{row.id}",
                decision=row.decision,
                question=decision.question,
                options=tuple(o.text for o in decision.options),
                chosen=row.option,
                scores=dict(decision.options[row.option].scores),
                at=row.at,
                why=row.why or "",
            )
        )
    acts = [
        ShareFacts(
            event=f"share:{row.id}",
            fragment=row.fragment,
            title=exercise.fragment(row.fragment).title,
            to_seats=tuple(s for s in row.to_seats.split(",") if s),
            basis=row.basis,
            at=row.at,
            why=row.why or "",
        )
        for row in shares
    ]
    over = exercise_sessions.is_over(sess, utcnow())
    moments = [c.at for c in made] + [s.at for s in acts] + [person.joined_at]
    seat = exercise.seat(person.seat).name if person.seat else "No seat"
    return ExerciseFacts(
        key=f"exercise-session:{sess.id}:participant:{person.id}",
        account=account_name(person.user_id),
        exercise=exercise.id,
        title=exercise.title,
        seat=seat,
        joined_at=person.joined_at,
        choices=tuple(made),
        shares=tuple(acts),
        completed_at=max(moments) if over else None,
    )
