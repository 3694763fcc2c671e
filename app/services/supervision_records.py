"""Supervision records: a session with the prompts it covered and the actions agreed, comments
on single reflections, and what a learner sees of their own supervision. A session is passed
in; nothing here reads the request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, selectinload

from ..db import utcnow
from ..models import AgreedAction, Reflection, ReflectionComment, SupervisionSession, User
from ..supervision import Prompt
from .supervision import comments_on


@dataclass(frozen=True)
class NewAction:
    text: str
    due_on: date | None


def record_session(
    session: Session,
    supervisor: User,
    person: User,
    held_on: date,
    notes: str,
    covered: list[Prompt],
    actions: list[NewAction],
) -> SupervisionSession:
    """Store a session with the prompts it covered (as they read today) and agreed actions."""
    record = SupervisionSession(
        learner_id=person.id,
        supervisor_id=supervisor.id,
        held_on=held_on,
        notes=notes.strip(),
        covered=[{"key": p.key, "stage": p.stage, "text": p.text} for p in covered],
        created_at=utcnow(),
    )
    session.add(record)
    session.flush()
    for action in actions:
        session.add(
            AgreedAction(
                session_id=record.id,
                learner_id=person.id,
                text=action.text.strip(),
                due_on=action.due_on,
            )
        )
    session.flush()
    return record


def add_comment(
    session: Session, author: User, reflection: Reflection, text: str
) -> ReflectionComment:
    comment = ReflectionComment(reflection_id=reflection.id, author_id=author.id, text=text.strip())
    session.add(comment)
    session.flush()
    return comment


def set_done(action: AgreedAction, done: bool, now: datetime | None = None) -> None:
    """Mark an action done (keeping the first time it was marked) or open again."""
    if done and action.done_at is None:
        action.done_at = now or utcnow()
    elif not done:
        action.done_at = None


@dataclass(frozen=True)
class OwnSupervision:
    """What a learner sees of their own supervision: actions, sessions, comments."""

    actions: list[AgreedAction]
    sessions: list[SupervisionSession]
    comments: dict[int, list[ReflectionComment]]


def own(session: Session, person: User, reflection_ids) -> OwnSupervision:
    sessions = list(
        session.scalars(
            select(SupervisionSession)
            .where(SupervisionSession.learner_id == person.id)
            .order_by(SupervisionSession.held_on.desc(), SupervisionSession.id.desc())
            .options(selectinload(SupervisionSession.actions))
        )
    )
    actions = [a for s in sessions for a in s.actions]
    actions.sort(key=lambda a: (a.done_at is not None, a.due_on or date.max, a.id))
    return OwnSupervision(actions, sessions, comments_on(session, reflection_ids))


@dataclass(frozen=True)
class News:
    """What the learner's supervisor added since the learner last opened My learning."""

    comments: int
    actions: int

    def __bool__(self) -> bool:
        return bool(self.comments or self.actions)


def news_for(session: Session, person: User) -> News:
    """New comments on the person's reflections and new agreed actions since they last looked
    (everything, if they never have)."""
    seen = person.supervision_seen_at or datetime.min
    comments = session.scalar(
        select(func.count(ReflectionComment.id))
        .join(Reflection, Reflection.id == ReflectionComment.reflection_id)
        .where(Reflection.user_id == person.id, ReflectionComment.created_at > seen)
    )
    actions = session.scalar(
        select(func.count(AgreedAction.id)).where(
            AgreedAction.learner_id == person.id, AgreedAction.created_at > seen
        )
    )
    return News(comments or 0, actions or 0)


def mark_seen(person: User) -> None:
    """The learner has looked at their supervision: nothing is new any more."""
    person.supervision_seen_at = utcnow()
