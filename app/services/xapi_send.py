"""Send queued statements to the learning record store, in batches, each exactly once.

Each statement goes by `PUT {endpoint}/statements?statementId={id}` (xAPI 1.0.3, Communication
2.1.1): the same id twice cannot make two statements, and a `409 Conflict` means the store
already holds that id, so it counts as sent. A row is claimed with a conditional UPDATE (a
lease) before it is sent, so two workers never send it at once, and marked sent in its own
commit the moment the store accepts it. Failures (a 5xx, 429, a dropped connection, a timeout)
wait 2, 4, 8 ... seconds (up to an hour) before the next try.
"""

from __future__ import annotations

import base64
import http.client
import json
import urllib.error
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import quote

from sqlalchemy import or_, select, update
from sqlalchemy.orm import Session

from ..models import User, XapiStatement
from ..xapi import without_text
from .xapi_queue import audit_text
from .xapi_settings import Store, include_text

VERSION = "1.0.3"
FIRST_WAIT = 2.0  # seconds before the second try; doubled each time after
LONGEST_WAIT = 3600.0
LEASE = timedelta(minutes=5)  # a claimed row is left alone this long by other workers
ACCEPTED = {200, 204, 409}


@dataclass
class Outcome:
    sent: int = 0
    failed: int = 0
    with_text: int = 0
    errors: list[str] = field(default_factory=list)


def _headers(store: Store) -> dict[str, str]:
    token = base64.b64encode(f"{store.key}:{store.secret}".encode()).decode()
    return {
        "Authorization": f"Basic {token}",
        "X-Experience-API-Version": VERSION,
        "Content-Type": "application/json",
    }


def _url(store: Store, path: str) -> str:
    return store.endpoint.rstrip("/") + "/" + path


def _open(store: Store, path: str, method: str, body: bytes | None, timeout: float) -> int:
    """One request to the store: its HTTP status, or OSError when no answer came."""
    url = _url(store, path)
    if not url.startswith(("https://", "http://")):  # never file: or another scheme
        raise ValueError("the record store's address must start https://")
    request = urllib.request.Request(url, body, _headers(store), method=method)  # noqa: S310
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310
            return response.status
    except urllib.error.HTTPError as exc:
        return exc.code


def put(store: Store, statement: dict, timeout: float = 10.0) -> int:
    """PUT one statement; the HTTP status, or OSError when no answer came."""
    path = f"statements?statementId={quote(statement['id'])}"
    return _open(store, path, "PUT", json.dumps(statement).encode(), timeout)


def check(store: Store, timeout: float = 10.0) -> tuple[bool, str]:
    """Can we reach the store and do the key and secret open it? (ok, a sentence to show)."""
    if not store.endpoint.startswith(("https://", "http://")):
        return False, "Enter the record store's address, starting https://"
    try:
        status = _open(store, "statements?limit=1", "GET", None, timeout)
    except (OSError, ValueError) as exc:
        return False, f"Could not reach the record store: {exc}"
    if status in (401, 403):
        return False, f"The record store refused the key and secret (HTTP {status})."
    if status != 200:
        return False, f"The record store answered HTTP {status}."
    return True, "Connected: the record store accepted the key and secret."


def wait_after(tries: int) -> timedelta:
    return timedelta(seconds=min(LONGEST_WAIT, FIRST_WAIT * 2 ** max(0, tries - 1)))


def _due(now: datetime):
    return or_(XapiStatement.next_try_at.is_(None), XapiStatement.next_try_at <= now)


def _claim(session: Session, row_id: str, now: datetime) -> bool:
    claimed = session.execute(
        update(XapiStatement)
        .where(XapiStatement.id == row_id, XapiStatement.sent_at.is_(None), _due(now))
        .values(next_try_at=now + LEASE)
    )
    session.commit()
    return claimed.rowcount == 1


def send_batch(
    session: Session,
    store: Store,
    now: datetime,
    batch: int = 50,
    actor: User | None = None,
    sender: Callable[[Store, dict], int] = put,
) -> Outcome:
    """Send up to `batch` statements that are due. Commits after every statement."""
    outcome = Outcome()
    ids = session.scalars(
        select(XapiStatement.id)
        .where(XapiStatement.sent_at.is_(None), _due(now))
        .order_by(XapiStatement.happened_at, XapiStatement.id)
        .limit(batch)
    ).all()
    text_allowed = include_text(session)
    for row_id in ids:
        if not _claim(session, row_id, now):
            continue
        row = session.get(XapiStatement, row_id)
        if row.with_text and not text_allowed:  # turned off since it was queued
            row.statement, row.with_text = without_text(row.statement), False
        try:
            status = sender(store, row.statement)
            error = None if status in ACCEPTED else f"HTTP {status}"
        except (OSError, ValueError, http.client.HTTPException) as exc:
            error = f"no answer: {exc!r}"[:300]
        row.tries += 1
        if error is None:
            row.sent_at, row.next_try_at, row.last_error = now, None, None
            outcome.sent += 1
            if row.with_text:
                outcome.with_text += audit_text(
                    session, actor, "xapi.sent_reflection_text", [(row.user_id, row.statement)]
                )
        else:
            row.next_try_at, row.last_error = now + wait_after(row.tries), error
            outcome.failed += 1
            outcome.errors.append(error)
        session.commit()
    return outcome


def pending(session: Session) -> int:
    return len(
        session.scalars(select(XapiStatement.id).where(XapiStatement.sent_at.is_(None))).all()
    )


def next_due(session: Session) -> datetime | None:
    return session.scalar(
        select(XapiStatement.next_try_at)
        .where(XapiStatement.sent_at.is_(None))
        .order_by(XapiStatement.next_try_at)
        .limit(1)
    )
