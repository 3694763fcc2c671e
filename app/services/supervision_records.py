"""Supervision records: a session with the prompts it covered and the actions agreed, comments
on single reflections, and what a learner sees of their own supervision. A session is passed
in; nothing here reads the request."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..db import utcnow
from ..engine.wording import plural
from ..models import (
    AgreedAction,
    AuditEvent,
    Reflection,
    ReflectionComment,
    SupervisionSession,
    User,
)
from ..supervision import Prompt
from . import notices
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
    agreed = f" with {plural(len(actions), 'agreed action')}" if actions else ""
    notices.tell(
        session,
        person,
        f"{supervisor.display_name} recorded your supervision session of {held_on.day} "
        f"{held_on:%B %Y}{agreed}.",
        notices.SUPERVISION,
    )
    return record


def add_comment(
    session: Session, author: User, reflection: Reflection, text: str
) -> ReflectionComment:
    comment = ReflectionComment(reflection_id=reflection.id, author_id=author.id, text=text.strip())
    session.add(comment)
    owner = session.get(User, reflection.user_id)
    notices.tell(
        session,
        owner,
        f"{author.display_name} commented on one of your reflections.",
        notices.SUPERVISION,
    )
    session.flush()
    return comment


def correct_comment(session: Session, actor: User, comment: ReflectionComment, text: str) -> None:
    """Change a comment's text; the text it had goes to the audit log with who and when."""
    before = comment.text
    comment.text, comment.corrected_at = text.strip(), utcnow()
    _audit(session, actor, comment, "comment.corrected", before)


def correct_notes(session: Session, actor: User, record: SupervisionSession, notes: str) -> None:
    """Change a record's notes; the notes it had go to the audit log."""
    before = record.notes
    record.notes, record.corrected_at = notes.strip(), utcnow()
    _audit_record(session, actor, record, "session.corrected", before)


def withdraw_record(session: Session, actor: User, record: SupervisionSession) -> None:
    """The record stops counting (prompts it covered come back, its actions close); the learner
    sees that it was withdrawn, by whom and when."""
    record.withdrawn_at, record.withdrawn_by_id = utcnow(), actor.id
    _audit_record(session, actor, record, "session.withdrawn", record.notes)


def _audit_record(session: Session, actor: User, record: SupervisionSession, action: str, text):
    detail = {"session_id": record.id, "text_before": text}
    session.add(
        AuditEvent(
            actor_id=actor.id, action=action, subject_user_id=record.learner_id, detail=detail
        )
    )
    session.flush()


def withdraw_comment(session: Session, actor: User, comment: ReflectionComment) -> None:
    """The learner sees that the comment was withdrawn, by whom and when; not its text."""
    comment.withdrawn_at, comment.withdrawn_by_id = utcnow(), actor.id
    _audit(session, actor, comment, "comment.withdrawn", comment.text)


def _audit(session: Session, actor: User, comment: ReflectionComment, action: str, text: str):
    owner = session.get(Reflection, comment.reflection_id).user_id
    detail = {"comment_id": comment.id, "text_before": text}
    session.add(AuditEvent(actor_id=actor.id, action=action, subject_user_id=owner, detail=detail))
    session.flush()


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
    actions = [a for s in sessions if not s.withdrawn_at for a in s.actions]
    actions.sort(key=lambda a: (a.done_at is not None, a.due_on or date.max, a.id))
    return OwnSupervision(actions, sessions, comments_on(session, reflection_ids))
