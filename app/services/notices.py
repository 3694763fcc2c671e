"""Notices: telling a person, on their landing page, about a change that lets someone else
read their reflections. Each is also written to the audit log."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import db
from ..models import AuditEvent, Notice, User


def tell(session: Session, user: User, text: str) -> None:
    session.add(Notice(user_id=user.id, text=text[:500]))


def unread(user: User) -> list[Notice]:
    return list(
        db.session.scalars(
            select(Notice)
            .where(Notice.user_id == user.id, Notice.read_at.is_(None))
            .order_by(Notice.created_at)
        )
    )


def audit(session: Session, actor: User | None, subject: User, action: str, **detail) -> None:
    session.add(
        AuditEvent(
            actor_id=actor.id if actor else None,
            action=action,
            subject_user_id=subject.id,
            detail=detail,
        )
    )
