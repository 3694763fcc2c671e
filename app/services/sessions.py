"""Server-side record of signed-in browsers, so signing out really ends a session.

The session cookie is signed but kept by the browser; on its own, signing out only asks the
browser to forget it, and a copied cookie would keep working. So each sign-in gets a random id
(in the cookie) whose hash is kept in `user_sessions`; every request checks the row is there.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.orm import Session

from ..db import utcnow
from ..models import User, UserSession


def id_hash(session_id: str) -> str:
    """What `user_sessions` keeps of a session id (the cookie carries the id itself)."""
    return hashlib.sha256(session_id.encode()).hexdigest()


def open_session(session: Session, user: User, lifetime: timedelta) -> str:
    """A new session id for a sign-in (set on the user for Flask-Login's get_id); the user's
    sessions older than the cookie lifetime are deleted on the way."""
    session.execute(
        delete(UserSession).where(
            UserSession.user_id == user.id, UserSession.created_at < utcnow() - lifetime
        )
    )
    session_id = secrets.token_urlsafe(32)
    session.add(UserSession(id_hash=id_hash(session_id), user_id=user.id))
    user.session_id = session_id
    return session_id


def close_session(session: Session, user: User) -> None:
    """Sign out this browser: its cookie, even copied, no longer names a session."""
    session.execute(delete(UserSession).where(UserSession.id_hash == id_hash(user.session_id)))


def end_all(session: Session, user: User) -> None:
    """Sign out everywhere: every browser of this person, now."""
    session.execute(delete(UserSession).where(UserSession.user_id == user.id))
    user.session_version += 1
