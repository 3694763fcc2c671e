"""The one place that decides who may do what. Views call `can()` (or `require()`), and list
queries use `visible_attempts_clause()`, so a page and a URL never disagree.

Reflections are sensitive personal data: only the learner and their own current supervisor may
read them; administrators act on them only through export and erasure.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import ColumnElement, false, or_, select

from .models import Attempt, User

AREA_ROLES = {
    "admin": {"admin"},
    "author": {"author", "admin"},
    "supervise": {"supervisor"},
    "learn": {"learner", "supervisor", "author", "admin"},
}


def _is_user(user: Any) -> bool:
    return isinstance(user, User) and user.active


def can(user: Any, action: str, obj: Any = None) -> bool:
    """May `user` do `action` (to `obj`)? Anonymous and deactivated users may do nothing."""
    if not _is_user(user):
        return False
    if action.startswith("area:"):
        return bool(user.roles & AREA_ROLES[action.removeprefix("area:")])
    if action == "play":
        return can(user, "area:learn")
    if action in ("view_attempt", "read_reflections"):
        assert isinstance(obj, Attempt)
        return obj.user_id == user.id or _supervises(user, obj.user_id)
    if action == "answer_attempt":
        assert isinstance(obj, Attempt)
        return obj.user_id == user.id
    if action == "manage_users":
        return user.has_role("admin")
    raise ValueError(f"unknown action {action!r}")


def _supervises(user: User, learner_id: int) -> bool:
    if not user.has_role("supervisor"):
        return False
    from .db import db

    return db.session.scalar(select(User.supervisor_id).where(User.id == learner_id)) == user.id


def visible_attempts_clause(user: Any) -> ColumnElement[bool]:
    """A WHERE clause for Attempt matching exactly the attempts `can(user, 'view_attempt')`."""
    if not _is_user(user):
        return false()
    clauses = [Attempt.user_id == user.id]
    if user.has_role("supervisor"):
        team = select(User.id).where(User.supervisor_id == user.id)
        clauses.append(Attempt.user_id.in_(team))
    return or_(*clauses)
