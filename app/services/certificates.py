"""Certificates of completion, each with a verification link anyone may open.

The token is 32 random bytes (urlsafe base64): unguessable, so the link is the only key. The
public page shows only the name, the activity and the date kept on the certificate; revoking
it (or erasing the person) makes the link show nothing.
"""

from __future__ import annotations

import secrets

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import utcnow
from ..models import Certificate, User
from .cpd import CpdItem


def issued_to(session: Session, user: User) -> dict[tuple[str, int], Certificate]:
    rows = session.scalars(
        select(Certificate).where(Certificate.user_id == user.id, Certificate.revoked_at.is_(None))
    )
    return {(c.kind, c.ref_id): c for c in rows}


def issue(session: Session, user: User, item: CpdItem) -> Certificate:
    """The certificate for a finished activity: the one already issued, or a new one (a new
    token when the last was revoked)."""
    found = session.scalar(
        select(Certificate).where(
            Certificate.user_id == user.id,
            Certificate.kind == item.kind,
            Certificate.ref_id == item.ref_id,
        )
    )
    if found is not None and found.revoked_at is None:
        return found
    if found is None:
        found = Certificate(user_id=user.id, kind=item.kind, ref_id=item.ref_id)
        session.add(found)
    found.token = secrets.token_urlsafe(32)
    found.holder = user.display_name
    found.activity = item.activity
    found.completed_on = item.on
    found.issued_at = utcnow()
    found.revoked_at = None
    session.flush()
    return found


def revoke(certificate: Certificate) -> None:
    certificate.revoked_at = utcnow()


def by_token(session: Session, token: str) -> Certificate | None:
    """The live certificate with this token, or None (unknown, malformed or revoked)."""
    if not (20 <= len(token) <= 64):
        return None
    found = session.scalar(select(Certificate).where(Certificate.token == token))
    return found if found is not None and found.revoked_at is None else None
