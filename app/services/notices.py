"""Notices: telling a person, on their landing page, about a change that lets someone else
read their reflections. Each is also written to the audit log."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import db
from ..models import AuditEvent, Notice, User

ACCESS, SUPERVISION, TESTING = "access", "supervision", "testing"


def tell(session: Session, user: User, text: str, kind: str = ACCESS, link: str = "") -> None:
    """`link` is a path in this site (a test version to play), shown as the notice's link."""
    session.add(Notice(user_id=user.id, text=text[:500], kind=kind, link=link[:300]))


def testers_told(session: Session, people, author: User, title: str, link: str) -> None:
    """Each person chosen to test a version gets a notice with a link to play it."""
    for person in people:
        tell(
            session, person,
            f"{author.display_name} asked you to test the scenario '{title}' before everyone "
            "gets it. Play it as a learner would and tell them what you find.",
            TESTING, link,
        )  # fmt: skip


def read_all(session: Session, user: User, kind: str, now) -> None:
    """The person has seen what these notices point to (their supervision on My learning)."""
    for notice in session.scalars(
        select(Notice).where(
            Notice.user_id == user.id, Notice.kind == kind, Notice.read_at.is_(None)
        )
    ):
        notice.read_at = now


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


def _name(user: User | None) -> str:
    return user.display_name if user else "the command line"


def supervisor_changed(
    session: Session, learner: User, actor: User | None, old_id: int | None, new_id: int | None
) -> None:
    """A new supervisor can read the learner's reflections: tell the learner and the previous
    supervisor, and audit it (an admin could otherwise make themselves supervisor unseen)."""
    old = session.get(User, old_id) if old_id else None
    new = session.get(User, new_id) if new_id else None
    if new is not None:
        tell(
            session,
            learner,
            f"{_name(actor)} made {new.display_name} your supervisor. Your supervisor can "
            "read your reflections.",
        )
    else:
        tell(session, learner, f"{_name(actor)} removed your supervisor.")
    if old is not None:
        tell(
            session,
            old,
            f"{_name(actor)} changed {learner.display_name}'s supervisor"
            + (f" to {new.display_name}" if new else "")
            + ". You can no longer read their reflections.",
        )
    audit(
        session,
        actor,
        learner,
        "supervisor_changed",
        previous=old.display_name if old else "none",
        now=new.display_name if new else "none",
    )


def password_link_issued(session: Session, user: User, actor: User | None) -> None:
    """Whoever uses a set-password link can sign in as the person: tell them, and their
    supervisor (who sees it even if the link's user dismisses the person's own notice)."""
    tell(
        session,
        user,
        f"{_name(actor)} issued a set-password link for your account. Whoever uses it can sign "
        "in as you. If you did not ask for one, tell your supervisor or an administrator.",
    )
    if user.supervisor is not None:
        tell(
            session,
            user.supervisor,
            f"{_name(actor)} issued a set-password link for {user.display_name}'s account.",
        )
    audit(session, actor, user, "password_link_issued")
