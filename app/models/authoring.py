"""Authoring in the browser: drafts kept as scenario text, requests for a second author's
approval, and the authoring settings (such as whether approval is required).

A draft is *text in the file format*, the source of truth, never a parallel structure: the
editor parses it, changes it and writes it back (app.authoring). Publishing copies the text into
a new immutable ScenarioVersion, so learners only ever play published versions.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import DateTime, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import db, utcnow
from .accounts import User
from .learning import Origin, ScenarioVersion


class Decision(StrEnum):
    """What became of a request for approval."""

    APPROVED = "approved"  # published
    RETURNED = "returned"  # sent back with a comment
    WITHDRAWN = "withdrawn"  # replaced by a newer request for the same draft


class Draft(db.Model):
    """Work in progress on one scenario (`slug` is the `id:` in its text)."""

    __tablename__ = "drafts"
    # SQLite must not reuse a deleted draft's id: an old link would open another draft.
    __table_args__ = {"sqlite_autoincrement": True}
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), index=True)
    text: Mapped[str] = mapped_column(Text)
    origin: Mapped[str] = mapped_column(String(20), default=Origin.BROWSER)
    # The version this draft was started from: if another is published meanwhile, the author
    # is shown the differences before publishing over it.
    base_version_id: Mapped[int | None] = mapped_column(ForeignKey("scenario_versions.id"))
    # Import warnings or a load conflict, shown on the draft's page until cleared.
    notes: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    updated_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    base_version: Mapped[ScenarioVersion | None] = relationship()
    updated_by: Mapped[User | None] = relationship()
    revisions: Mapped[list[DraftRevision]] = relationship(
        back_populates="draft", cascade="all, delete-orphan", order_by="DraftRevision.id"
    )


class DraftRevision(db.Model):
    """The draft's whole text after one save, so any save can be compared and brought back.
    Saves of the same form by the same author a few minutes apart (autosave) share one."""

    __tablename__ = "draft_revisions"
    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("drafts.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    what: Mapped[str] = mapped_column(String(200), default="")  # "node 'ask'", "deleted …"
    saved_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    saved_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    draft: Mapped[Draft] = relationship(back_populates="revisions")
    saved_by: Mapped[User | None] = relationship()


class ApprovalRequest(db.Model):
    """A draft's text frozen for a second author to approve or send back."""

    __tablename__ = "approval_requests"
    id: Mapped[int] = mapped_column(primary_key=True)
    draft_id: Mapped[int | None] = mapped_column(ForeignKey("drafts.id"), index=True)
    slug: Mapped[str] = mapped_column(String(100))
    text: Mapped[str] = mapped_column(Text)
    content_hash: Mapped[str] = mapped_column(String(64))
    requested_by_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    requested_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    decided_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    decided_at: Mapped[datetime | None] = mapped_column(DateTime)
    decision: Mapped[str | None] = mapped_column(String(20))  # a Decision; None while open
    comment: Mapped[str] = mapped_column(Text, default="")
    version_id: Mapped[int | None] = mapped_column(ForeignKey("scenario_versions.id"))
    requested_by: Mapped[User] = relationship(foreign_keys=[requested_by_id])
    decided_by: Mapped[User | None] = relationship(foreign_keys=[decided_by_id])
    draft: Mapped[Draft | None] = relationship()


class ScenarioTester(db.Model):
    """A person given a version to try before everyone: it shows in their catalogue marked
    "Test version" until the version is published to everyone."""

    __tablename__ = "scenario_testers"
    __table_args__ = (UniqueConstraint("version_id", "user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("scenario_versions.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    added_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    added_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[ScenarioVersion] = relationship()
    user: Mapped[User] = relationship(foreign_keys=[user_id])


class AuthoringSetting(db.Model):
    """A named setting for authoring, kept in the database so every app server sees it."""

    __tablename__ = "authoring_settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))
