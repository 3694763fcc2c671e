"""Sign-in throttling per account AND source address, counted atomically in the database.

Every attempt is counted *before* the password is checked, by one conditional UPDATE that only
succeeds when the wait has passed, and that sets the next wait in the same statement (a CASE
ladder of precomputed times). SQLite serialises writers and PostgreSQL re-checks the WHERE of a
row another transaction just changed, so parallel guesses cannot all slip through, on any
number of app servers. A correct password deletes the (account, source) row.

Nothing locks an account: waits grow for the source that keeps failing (an attacker elsewhere
only slows themselves), so the real person can always sign in from their own machine. The row
with email "*" counts a source's attempts at any account, which rate-limits a flood of
made-up addresses before any password hashing is done.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import case, delete, select, update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..models import LoginThrottle

ANY_ACCOUNT = "*"
FORGET_AFTER = timedelta(days=1)  # rows idle this long are deleted: counting starts again


@dataclass(frozen=True)
class Policy:
    free: int = 5  # attempts per account and source before waits begin
    source_free: int = 50  # attempts per source at any accounts before waits begin
    cap_seconds: int = 900  # the longest wait

    def wait(self, counted: int, free: int) -> int:
        """Seconds to wait after the `counted`-th attempt: none, then 2, 4, 8 ... up to the cap."""
        if counted < free:
            return 0
        return min(2 ** (counted - free + 1), self.cap_seconds)


class Throttled(Exception):
    def __init__(self, seconds: int) -> None:
        super().__init__(seconds)
        self.seconds = seconds


def _insert(session: Session):
    return pg_insert if session.get_bind().dialect.name == "postgresql" else sqlite_insert


def _claim(session: Session, email: str, source: str, free: int, policy: Policy, now: datetime):
    """Count one attempt if its wait has passed; else raise Throttled with the seconds left."""
    insert = _insert(session)
    session.execute(
        insert(LoginThrottle)
        .values(email=email, source=source, failures=0)
        .on_conflict_do_nothing(index_elements=["email", "source"])
    )
    after = LoginThrottle.failures + 1
    ladder = [
        (after == n, now + timedelta(seconds=policy.wait(n, free)))
        for n in range(free, free + policy.cap_seconds.bit_length() + 1)
    ]
    counted = session.execute(
        update(LoginThrottle)
        .where(
            LoginThrottle.email == email,
            LoginThrottle.source == source,
            (LoginThrottle.next_at.is_(None)) | (LoginThrottle.next_at <= now),
        )
        .values(
            failures=after,
            last_failure_at=now,
            next_at=case(
                (after < free, now), *ladder, else_=now + timedelta(seconds=policy.cap_seconds)
            ),
        )
        .execution_options(synchronize_session=False)
    ).rowcount
    if counted != 1:
        next_at = session.scalar(
            select(LoginThrottle.next_at).where(
                LoginThrottle.email == email, LoginThrottle.source == source
            )
        )
        raise Throttled(max(1, math.ceil(((next_at or now) - now).total_seconds())))


def count_attempt(session: Session, email: str, source: str, policy: Policy, now: datetime) -> None:
    """Count an attempt for the account from this source, and for the source at any account.
    Call in its own short transaction, committed before the password is checked."""
    session.execute(delete(LoginThrottle).where(LoginThrottle.last_failure_at < now - FORGET_AFTER))
    _claim(session, ANY_ACCOUNT, source, policy.source_free, policy, now)
    _claim(session, email, source, policy.free, policy, now)


def succeeded(session: Session, email: str, source: str) -> None:
    """A right password: forget the account's count from this source, and take this attempt
    back off the source's count, so an office sharing one address is never slowed by its own
    people signing in."""
    session.execute(
        delete(LoginThrottle).where(LoginThrottle.email == email, LoginThrottle.source == source)
    )
    session.execute(
        update(LoginThrottle)
        .where(
            LoginThrottle.email == ANY_ACCOUNT,
            LoginThrottle.source == source,
            LoginThrottle.failures > 0,
        )
        .values(failures=LoginThrottle.failures - 1)
        .execution_options(synchronize_session=False)
    )


def clear(session: Session, email: str, source: str | None = None) -> int:
    """Forget an account's counts (every source, or one): a set-password link or an admin."""
    query = delete(LoginThrottle).where(LoginThrottle.email == email)
    if source is not None:
        query = query.where(LoginThrottle.source == source)
    return session.execute(query).rowcount


def waiting(session: Session, now: datetime) -> list[LoginThrottle]:
    """Rows that are slowing someone down now, for the admin page."""
    return list(
        session.scalars(
            select(LoginThrottle)
            .where(LoginThrottle.failures > 0)
            .order_by(LoginThrottle.next_at.desc())
        )
    )
