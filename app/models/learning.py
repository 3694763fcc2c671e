"""Scenarios as stored versions, and what learners did with them.

A version is immutable and named by the hash of its text. An attempt is pinned to one version.
An attempt's answers (`AttemptAnswer`, one per step answered) are its whole state, in order;
`(attempt_id, number)` is unique, so a double submit or a second tab can never store the same
answer twice or out of order.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import TYPE_CHECKING

from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import db, utcnow

if TYPE_CHECKING:
    from .accounts import User


class Origin(StrEnum):
    """Where a version's or a draft's text came from."""

    FILE = "file"  # `flask scenarios load`
    BROWSER = "browser"  # written or published in the browser
    UPLOAD = "upload"  # an uploaded scenario file (drafts only)
    TWINE = "twine"  # an imported Twine story (drafts only)

    @property
    def draft_label(self) -> str:
        """Where a draft came from, as the authoring list says it."""
        return _DRAFT_LABELS[self]


_DRAFT_LABELS = {
    Origin.BROWSER: "Browser",
    Origin.FILE: "A changed file",
    Origin.UPLOAD: "Uploaded file",
    Origin.TWINE: "Twine import",
}


class StoredScenario(db.Model):
    """A scenario across its versions, named by the `id:` in its file."""

    __tablename__ = "scenarios"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    archived: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    current_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("scenario_versions.id", use_alter=True)
    )
    current_version: Mapped[ScenarioVersion | None] = relationship(
        foreign_keys=[current_version_id], post_update=True
    )


class ScenarioVersion(db.Model):
    __tablename__ = "scenario_versions"
    __table_args__ = (
        UniqueConstraint("scenario_id", "content_hash"),
        UniqueConstraint("scenario_id", "number"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)
    source_path: Mapped[str | None] = mapped_column(String(400))
    title: Mapped[str] = mapped_column(String(300))
    summary: Mapped[str] = mapped_column(Text)
    minutes: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # FILE or BROWSER (published from a draft), so loading a changed file never silently
    # replaces browser-authored work.
    origin: Mapped[str] = mapped_column(String(20), default=Origin.FILE, server_default="file")
    published_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    # The draft this version used up (no foreign key: the draft is deleted), so the draft's old
    # address can send Back to the published scenario instead of a 404.
    from_draft_id: Mapped[int | None] = mapped_column(Integer, index=True)
    scenario: Mapped[StoredScenario] = relationship(foreign_keys=[scenario_id])


class Attempt(db.Model):
    """One play of a scenario version. `user_id` is None once retention or erasure has detached
    it from the person: its answers then count only in anonymous aggregates."""

    __tablename__ = "attempts"
    # One open attempt per learner and version, kept by the database: parallel "Start" clicks
    # cannot create a second (every start uses the scenario's current version).
    __table_args__ = (
        Index(
            "uq_attempts_one_open",
            "user_id",
            "version_id",
            unique=True,
            sqlite_where=text("completed_at IS NULL"),
            postgresql_where=text("completed_at IS NULL"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("scenario_versions.id"), index=True)
    started_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    completed_at: Mapped[datetime | None] = mapped_column(DateTime)
    ending_node: Mapped[str | None] = mapped_column(String(100))
    ending_outcome: Mapped[str | None] = mapped_column(String(300))
    # The sum of its answers' seconds_spent, kept when the attempt finishes (None before), so
    # the insights' time figures read one row an attempt instead of every answer.
    seconds_total: Mapped[int | None] = mapped_column(Integer)
    version: Mapped[ScenarioVersion] = relationship()
    answers: Mapped[list[AttemptAnswer]] = relationship(
        order_by="AttemptAnswer.number", back_populates="attempt"
    )
    scores: Mapped[list[AttemptScore]] = relationship(order_by="AttemptScore.competency")


class AttemptAnswer(db.Model):
    """One answer: a scene continued, an option chosen, or a reflection written or skipped.

    Not the engine's `Answer` (what was done) nor its `Step` (a node with its answer): this is
    the stored row. The table keeps its first name, `steps`."""

    __tablename__ = "steps"
    __table_args__ = (
        UniqueConstraint("attempt_id", "number"),
        # The insights' choice counts read only this (an index-only scan on PostgreSQL).
        Index(
            "ix_steps_choices",
            "attempt_id",
            "node_id",
            "option_index",
            sqlite_where=text("kind = 'choose'"),
            postgresql_where=text("kind = 'choose'"),
        ),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    node_id: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20))
    option_index: Mapped[int | None] = mapped_column(Integer)
    skipped: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    seconds_spent: Mapped[int] = mapped_column(Integer, default=0)
    attempt: Mapped[Attempt] = relationship(back_populates="answers")
    # Loaded with the answers in one query: replaying an attempt needs every reflection.
    reflection: Mapped[Reflection | None] = relationship(
        back_populates="answer", uselist=False, lazy="selectin"
    )


class Reflection(db.Model):
    """A learner's reflection text: sensitive personal data. Read only through app.authz."""

    __tablename__ = "reflections"
    id: Mapped[int] = mapped_column(primary_key=True)
    answer_id: Mapped[int] = mapped_column("step_id", ForeignKey("steps.id"), unique=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    answer: Mapped[AttemptAnswer] = relationship(back_populates="reflection")
    learner: Mapped[User] = relationship()


class AttemptScore(db.Model):
    """The competency profile of a finished attempt, kept for dashboards and insights."""

    __tablename__ = "attempt_scores"
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"), primary_key=True)
    competency: Mapped[str] = mapped_column(String(40), primary_key=True)
    won: Mapped[int] = mapped_column(Integer)
    best: Mapped[int] = mapped_column(Integer)


class ReflectionDraft(db.Model):
    """Reflection text kept when a session expired mid-write, shown back after signing in."""

    __tablename__ = "reflection_drafts"
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"), primary_key=True)
    step_number: Mapped[int] = mapped_column(Integer, primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    text: Mapped[str] = mapped_column(Text)
    saved_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
