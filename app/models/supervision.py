"""Supervision records: sessions held, actions agreed, and comments on single reflections.

All of it is personal data about the learner; only the learner and their current supervisor see
it (app.authz). A session keeps the prompts it covered as they read on the day (key, stage and
text), so the history stays true after a scenario or rule is rewritten, and generation can leave
covered prompts out by key.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Date, DateTime, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import db, utcnow
from .accounts import User
from .learning import Reflection


class SupervisionSession(db.Model):
    __tablename__ = "supervision_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    supervisor_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    held_on: Mapped[date] = mapped_column(Date)
    notes: Mapped[str] = mapped_column(Text, default="")
    # [{"key": ..., "stage": ..., "text": ...}] for each prompt the session covered
    covered: Mapped[list] = mapped_column(JSON, default=list)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Corrected notes (the old notes are in the audit log); a withdrawn record stops counting
    # (covered prompts, open actions, last session) and the learner sees who withdrew it, when.
    corrected_at: Mapped[datetime | None] = mapped_column(DateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    learner: Mapped[User] = relationship(foreign_keys=[learner_id])
    supervisor: Mapped[User] = relationship(foreign_keys=[supervisor_id])
    withdrawn_by: Mapped[User | None] = relationship(foreign_keys=[withdrawn_by_id])
    actions: Mapped[list[AgreedAction]] = relationship(
        back_populates="session", order_by="AgreedAction.id"
    )

    @property
    def covered_keys(self) -> frozenset[str]:
        return frozenset(item["key"] for item in self.covered or ())


class AgreedAction(db.Model):
    """Something the learner agreed to do; they mark it done themselves."""

    __tablename__ = "agreed_actions"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("supervision_sessions.id"), index=True)
    learner_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    text: Mapped[str] = mapped_column(String(500))
    due_on: Mapped[date | None] = mapped_column(Date)
    done_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    session: Mapped[SupervisionSession] = relationship(back_populates="actions")


class ReflectionComment(db.Model):
    """A supervisor's comment on one reflection, shown to the learner beside it."""

    __tablename__ = "reflection_comments"
    id: Mapped[int] = mapped_column(primary_key=True)
    reflection_id: Mapped[int] = mapped_column(ForeignKey("reflections.id"), index=True)
    author_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Corrected: the text was changed (the old text is in the audit log). Withdrawn: the learner
    # sees that it was withdrawn, by whom and when, not the text.
    corrected_at: Mapped[datetime | None] = mapped_column(DateTime)
    withdrawn_at: Mapped[datetime | None] = mapped_column(DateTime)
    withdrawn_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    reflection: Mapped[Reflection] = relationship()
    author: Mapped[User] = relationship(foreign_keys=[author_id])
    withdrawn_by: Mapped[User | None] = relationship(foreign_keys=[withdrawn_by_id])
