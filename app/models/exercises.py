"""Multi-agency exercises as stored versions, and the sessions run from them.

A session's state is its rows: the open phase, released injects, shares and choices. Every
change bumps `revision`, which the update feed sends as its ETag, so any number of app servers
can serve one session: nothing is kept in a process.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import db, utcnow


class StoredExercise(db.Model):
    __tablename__ = "exercises"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    current_version_id: Mapped[int | None] = mapped_column(
        ForeignKey("exercise_versions.id", use_alter=True)
    )
    current_version: Mapped[ExerciseVersion | None] = relationship(
        foreign_keys=[current_version_id], post_update=True
    )


class ExerciseVersion(db.Model):
    __tablename__ = "exercise_versions"
    __table_args__ = (
        UniqueConstraint("exercise_id", "content_hash"),
        UniqueConstraint("exercise_id", "number"),
    )
    id: Mapped[int] = mapped_column(primary_key=True)
    exercise_id: Mapped[int] = mapped_column(ForeignKey("exercises.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    content_hash: Mapped[str] = mapped_column(String(64))
    source: Mapped[str] = mapped_column(Text)
    source_path: Mapped[str | None] = mapped_column(String(400))
    title: Mapped[str] = mapped_column(String(200))
    summary: Mapped[str] = mapped_column(Text)
    minutes: Mapped[int] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ExerciseSession(db.Model):
    """One run of an exercise: live (the facilitator moves phases), dated (phases open on
    dates) or solo (one learner, the typical partnership plays the other seats)."""

    __tablename__ = "exercise_sessions"
    id: Mapped[int] = mapped_column(primary_key=True)
    version_id: Mapped[int] = mapped_column(ForeignKey("exercise_versions.id"), index=True)
    facilitator_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    mode: Mapped[str] = mapped_column(String(10), default="live")
    join_code: Mapped[str | None] = mapped_column(String(12), unique=True)
    code_expires_at: Mapped[datetime | None] = mapped_column(DateTime)
    phase: Mapped[int] = mapped_column(Integer, default=0)
    schedule: Mapped[list] = mapped_column(JSON, default=list)  # ISO dates, one a phase
    solo_seat: Mapped[str | None] = mapped_column(String(40))
    revision: Mapped[int] = mapped_column(Integer, default=1)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    version: Mapped[ExerciseVersion] = relationship()
    participants: Mapped[list[ExerciseParticipant]] = relationship(
        back_populates="session", order_by="ExerciseParticipant.id"
    )


class ExerciseParticipant(db.Model):
    """A person in a seat. Several people may share a seat; a person has one seat a session."""

    __tablename__ = "exercise_participants"
    __table_args__ = (UniqueConstraint("session_id", "user_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exercise_sessions.id"), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    seat: Mapped[str | None] = mapped_column(String(40))
    joined_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    session: Mapped[ExerciseSession] = relationship(back_populates="participants")
    user = relationship("User")


class ExerciseShare(db.Model):
    """A sharing act: a fragment, the seats it went to, the basis and the reason."""

    __tablename__ = "exercise_shares"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exercise_sessions.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    fragment: Mapped[str] = mapped_column(String(100))
    by_seat: Mapped[str] = mapped_column(String(40))
    to_seats: Mapped[str] = mapped_column(String(400), default="")  # comma-separated
    basis: Mapped[str] = mapped_column(String(20))
    why: Mapped[str] = mapped_column(Text, default="")
    phase: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ExerciseChoice(db.Model):
    """An answer to a seat's decision; the newest for a decision counts."""

    __tablename__ = "exercise_choices"
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exercise_sessions.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    seat: Mapped[str] = mapped_column(String(40))
    decision: Mapped[str] = mapped_column(String(100))
    option: Mapped[int] = mapped_column(Integer)
    why: Mapped[str] = mapped_column(Text, default="")
    phase: Mapped[int] = mapped_column(Integer)
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class ExerciseRelease(db.Model):
    __tablename__ = "exercise_releases"
    __table_args__ = (UniqueConstraint("session_id", "fragment"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    session_id: Mapped[int] = mapped_column(ForeignKey("exercise_sessions.id"), index=True)
    fragment: Mapped[str] = mapped_column(String(100))
    released_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
