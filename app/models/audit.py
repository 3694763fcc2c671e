"""The audit log: reads of someone else's reflections and other sensitive actions."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from ..db import db, utcnow


class AuditEvent(db.Model):
    __tablename__ = "audit_events"
    # The log grows with every supervisor's page view: filtering by action newest first, and
    # listing the distinct actions (a skip scan, app.services.audit_log.actions), use this.
    __table_args__ = (Index("ix_audit_events_action_at", "action", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    actor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    action: Mapped[str] = mapped_column(String(60))
    subject_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)


class Notice(db.Model):
    """Something a person must be told on their landing page, shown until they dismiss it: a
    change that lets someone else read their reflections (new supervisor, set-password link)."""

    __tablename__ = "notices"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    text: Mapped[str] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    read_at: Mapped[datetime | None] = mapped_column(DateTime)
    # "access" (who can see your work: dismissed by hand) or "supervision" (a new comment or
    # agreed action: read once the learner opens My learning).
    kind: Mapped[str] = mapped_column(String(20), default="access", server_default="access")
    # A page in the site the notice points to ("testing": the test version to play), or "".
    link: Mapped[str] = mapped_column(String(300), default="", server_default="")
