"""A learner's CPD record entries and certificates of completion.

`CpdEntry` keeps what the learner wrote *for the record* (what they learnt, the impact on their
practice), drafted from their reflections; the reflections themselves never change.
`Certificate` is a completed scenario or exercise with an unguessable verification token; the
public page shows only the name, the activity and the date kept here.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import Date, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..db import db, utcnow


class CpdEntry(db.Model):
    __tablename__ = "cpd_entries"
    __table_args__ = (UniqueConstraint("user_id", "kind", "ref_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))  # "scenario" (an attempt) or "exercise"
    ref_id: Mapped[int] = mapped_column(Integer)  # the attempt's or exercise session's id
    relevance: Mapped[str] = mapped_column(Text, default="")  # why it matters to their work
    learnt: Mapped[str] = mapped_column(Text, default="")
    impact: Mapped[str] = mapped_column(Text, default="")
    peer: Mapped[str] = mapped_column(Text, default="")  # what discussing it with a peer gave
    themes: Mapped[str] = mapped_column(String(200), default="")  # NMC Code themes, comma-separated
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class Certificate(db.Model):
    __tablename__ = "certificates"
    __table_args__ = (UniqueConstraint("user_id", "kind", "ref_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    kind: Mapped[str] = mapped_column(String(20))
    ref_id: Mapped[int] = mapped_column(Integer)
    token: Mapped[str] = mapped_column(String(64), unique=True)
    holder: Mapped[str] = mapped_column(String(200))  # the name as on the certificate
    activity: Mapped[str] = mapped_column(String(300))
    completed_on: Mapped[date] = mapped_column(Date)
    issued_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    revoked_at: Mapped[datetime | None] = mapped_column(DateTime)
