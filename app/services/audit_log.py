"""The audit log for admins: filter it, and export it as CSV that a spreadsheet cannot run."""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from sqlalchemy import or_, select, text
from sqlalchemy.orm import Session, aliased

from ..models import AuditEvent, User

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@dataclass
class Filters:
    who: str = ""  # the actor: part of a name or email
    whose: str = ""  # the person the data is about
    what: str = ""  # an action
    since: date | None = None
    until: date | None = None


def parse_day(text: str) -> date:
    """A YYYY-MM-DD date; ValueError with a message fit to show for anything else."""
    try:
        return date.fromisoformat(text.strip())
    except (ValueError, OverflowError):
        raise ValueError("Enter a date like 2026-11-30") from None


def _people(text: str):
    like = f"%{text.strip().lower()}%"
    return select(User.id).where(or_(User.email.ilike(like), User.display_name.ilike(like)))


PER_PAGE = 50


def events(session: Session, filters: Filters, limit: int = PER_PAGE, offset: int = 0):
    """(event, actor, subject) rows, newest first: `limit` of them after skipping `offset`."""
    actor, subject = aliased(User), aliased(User)
    query = (
        select(AuditEvent, actor, subject)
        .outerjoin(actor, AuditEvent.actor_id == actor.id)
        .outerjoin(subject, AuditEvent.subject_user_id == subject.id)
        .order_by(AuditEvent.at.desc(), AuditEvent.id.desc())
        .limit(limit)
        .offset(offset)
    )
    if filters.who.strip():
        query = query.where(AuditEvent.actor_id.in_(_people(filters.who)))
    if filters.whose.strip():
        query = query.where(AuditEvent.subject_user_id.in_(_people(filters.whose)))
    if filters.what:
        query = query.where(AuditEvent.action == filters.what)
    if filters.since:
        query = query.where(AuditEvent.at >= datetime.combine(filters.since, time.min))
    if filters.until:
        query = query.where(
            AuditEvent.at < datetime.combine(filters.until, time.min) + timedelta(days=1)
        )
    return session.execute(query).all()


# The distinct actions by skipping from one to the next along ix_audit_events_action_at: a few
# index lookups however long the log grows (SELECT DISTINCT would read every entry).
_ACTIONS = text(
    "WITH RECURSIVE found(action) AS ("
    " SELECT MIN(action) FROM audit_events"
    " UNION ALL"
    " SELECT (SELECT MIN(action) FROM audit_events WHERE action > found.action)"
    " FROM found WHERE found.action IS NOT NULL)"
    " SELECT action FROM found WHERE action IS NOT NULL"
)


def actions(session: Session) -> list[str]:
    """Every action the log holds, in order."""
    return list(session.scalars(_ACTIONS))


def safe_cell(value) -> str:
    """A CSV cell a spreadsheet shows as text: a leading = + - @ would start a formula."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def _person(user: User | None) -> str:
    return f"{user.display_name} <{user.email}>" if user else ""


def to_csv(rows) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["When (UTC)", "Who", "Whose data", "What", "Detail"])
    for event, actor, subject in rows:
        detail = "; ".join(f"{k}={v}" for k, v in sorted((event.detail or {}).items()))
        writer.writerow(
            safe_cell(v)
            for v in (
                event.at.strftime("%Y-%m-%d %H:%M:%S"),
                _person(actor),
                _person(subject),
                event.action,
                detail,
            )
        )
    return out.getvalue()
