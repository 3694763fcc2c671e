"""Statements built from attempts and exercise seats: queued for the record store (once per
statement id) and downloaded by admins for a date range. Any statement holding reflection text
is written to the audit log when it is downloaded or sent (see xapi_send)."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from ..models import Attempt, AuditEvent, ExerciseParticipant, User, XapiStatement
from ..xapi import Site, attempt_statements, carries_text, exercise_statements
from . import xapi_settings
from .xapi_facts import attempt_facts, seat_facts


def _moment(statement: dict[str, Any]) -> datetime:
    return datetime.fromisoformat(statement["timestamp"].replace("Z", "+00:00")).replace(
        tzinfo=None
    )


def for_attempt(site: Site, attempt: Attempt) -> list[dict[str, Any]]:
    facts = attempt_facts(attempt)
    return attempt_statements(site, facts) if facts else []


def for_seat(session: Session, site: Site, person: ExerciseParticipant) -> list[dict[str, Any]]:
    return exercise_statements(site, seat_facts(session, person))


def enqueue(session: Session, user_id: int | None, source: str, statements) -> int:
    """Queue the statements not queued before (by id); returns how many were new."""
    ids = [s["id"] for s in statements]
    known = set(session.scalars(select(XapiStatement.id).where(XapiStatement.id.in_(ids))))
    new = [s for s in statements if s["id"] not in known]
    for statement in new:
        session.add(
            XapiStatement(
                id=statement["id"],
                user_id=user_id,
                source=source,
                statement=statement,
                with_text=carries_text(statement),
                happened_at=_moment(statement),
            )
        )
    session.flush()
    return len(new)


def after_attempt_change(session: Session, attempt: Attempt, store_set: bool | None = None) -> int:
    """Queue the attempt's new statements, when a record store is configured (`store_set`:
    whether it is, when the caller read it already in this request)."""
    if not (xapi_settings.configured(session) if store_set is None else store_set):
        return 0
    site = xapi_settings.site(session)
    return enqueue(session, attempt.user_id, f"attempt:{attempt.id}", for_attempt(site, attempt))


def after_seat_change(session: Session, person: ExerciseParticipant | None) -> int:
    if person is None or not xapi_settings.configured(session):
        return 0
    site = xapi_settings.site(session)
    source = f"exercise-session:{person.session_id}"
    return enqueue(session, person.user_id, source, for_seat(session, site, person))


def build_all(session: Session) -> int:
    """Queue every statement of every attempt and exercise seat not queued yet."""
    site = xapi_settings.site(session)
    added = 0
    for attempt in session.scalars(select(Attempt).where(Attempt.user_id.is_not(None))):
        added += enqueue(
            session, attempt.user_id, f"attempt:{attempt.id}", for_attempt(site, attempt)
        )
    for person in session.scalars(select(ExerciseParticipant)):
        source = f"exercise-session:{person.session_id}"
        added += enqueue(session, person.user_id, source, for_seat(session, site, person))
    return added


def between(session: Session, since: date, until: date) -> list[tuple[int, dict[str, Any]]]:
    """(person's id, statement) for everything that happened from `since` to `until`
    inclusive, built afresh from the records, in time order."""
    start = datetime.combine(since, time.min)
    end = datetime.combine(until, time.min) + timedelta(days=1)
    site = xapi_settings.site(session)
    found: list[tuple[int, dict[str, Any]]] = []
    attempts = select(Attempt).where(
        Attempt.user_id.is_not(None),
        Attempt.started_at < end,
        or_(Attempt.completed_at.is_(None), Attempt.completed_at >= start),
    )
    for attempt in session.scalars(attempts):
        found += [(attempt.user_id, s) for s in for_attempt(site, attempt)]
    for person in session.scalars(
        select(ExerciseParticipant).where(ExerciseParticipant.joined_at < end)
    ):
        found += [(person.user_id, s) for s in for_seat(session, site, person)]
    kept = [(who, s) for who, s in found if start <= _moment(s) < end]
    return sorted(kept, key=lambda pair: (pair[1]["timestamp"], pair[1]["id"]))


def audit_text(session: Session, actor: User | None, action: str, rows, **detail) -> int:
    """One audit entry per person whose reflection text left the site; returns the count."""
    per_person: dict[int, int] = {}
    for who, statement in rows:
        if who is not None and carries_text(statement):
            per_person[who] = per_person.get(who, 0) + 1
    for who, count in sorted(per_person.items()):
        session.add(
            AuditEvent(
                actor_id=actor.id if actor else None,
                action=action,
                subject_user_id=who,
                detail={"statements_with_text": count, **detail},
            )
        )
    return sum(per_person.values())
