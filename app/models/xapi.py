"""xAPI statements waiting for (or already sent to) the learning record store.

A row is one statement, keyed by the statement's own id (a uuid5 of the attempt and the event),
so building the same event twice can never queue it twice. `sent_at` is set once the store
accepted it (or answered 409: it already has that id); a row with `sent_at` is never sent again.
The statement names the person only by an opaque account id; `user_id` links the row to them
for export and erasure.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import db, utcnow


class XapiStatement(db.Model):
    __tablename__ = "xapi_statements"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # the statement id
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    source: Mapped[str] = mapped_column(String(60))  # "attempt:42", "exercise-session:3:..."
    statement: Mapped[dict] = mapped_column(JSON)
    with_text: Mapped[bool] = mapped_column(Boolean, default=False)  # holds reflection text
    happened_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    queued_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    tries: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime | None] = mapped_column(DateTime)
    last_error: Mapped[str | None] = mapped_column(String(300))
