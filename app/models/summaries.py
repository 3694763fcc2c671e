"""A finished attempt's path, kept when it finishes so the supervision pages need not replay
its answers through the engine (app/services/attempt_summaries.py builds and reads it).

Derived data: the attempt's answers stay the record. A summary is valid only for the version
text it was built from (`content_hash`) and the layout it was written in (`format`); any other
is rebuilt from the answers. It holds step numbers, node ids, option indexes, times and answer
ids, never reflection text.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import db, utcnow


class AttemptSummary(db.Model):
    __tablename__ = "attempt_summaries"
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"), primary_key=True)
    content_hash: Mapped[str] = mapped_column(String(64))
    format: Mapped[int] = mapped_column(Integer)
    body: Mapped[dict] = mapped_column(JSON)
    built_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
