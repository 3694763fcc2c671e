"""Authoring settings kept in the database, so every app server and the command line agree."""

from __future__ import annotations

from sqlalchemy.orm import Session

from ..models import AuthoringSetting

APPROVAL_REQUIRED = "approval_required"


def get(session: Session, key: str, default: str = "") -> str:
    row = session.get(AuthoringSetting, key)
    return row.value if row is not None else default


def put(session: Session, key: str, value: str) -> None:
    row = session.get(AuthoringSetting, key)
    if row is None:
        session.add(AuthoringSetting(key=key, value=value))
    else:
        row.value = value


def approval_required(session: Session) -> bool:
    """Must a second author approve each new version before learners see it? Off by default."""
    return get(session, APPROVAL_REQUIRED, "no") == "yes"


def set_approval_required(session: Session, required: bool) -> None:
    put(session, APPROVAL_REQUIRED, "yes" if required else "no")
