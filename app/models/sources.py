"""Learning sources written in the browser: a review, thematic report or policy, with its
findings, the competencies and tags it adds, and its briefing pages (Markdown).

The source that ships with the product is read from content/sources/ instead (the files stay the
record for what ships); these tables hold the sources a partnership adds.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import DateTime, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import db, utcnow


class LearningSource(db.Model):
    __tablename__ = "learning_sources"
    id: Mapped[int] = mapped_column(primary_key=True)
    slug: Mapped[str] = mapped_column(String(100), unique=True)
    title: Mapped[str] = mapped_column(String(300))
    kind: Mapped[str] = mapped_column(String(40), default="review")
    summary: Mapped[str] = mapped_column(Text, default="")
    updated_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    findings: Mapped[list[SourceFinding]] = relationship(
        order_by="SourceFinding.number", cascade="all, delete-orphan"
    )
    competencies: Mapped[list[SourceCompetency]] = relationship(
        order_by="SourceCompetency.id", cascade="all, delete-orphan"
    )
    tags: Mapped[list[SourceTag]] = relationship(
        order_by="SourceTag.id", cascade="all, delete-orphan"
    )
    pages: Mapped[list[SourcePage]] = relationship(
        order_by="SourcePage.id", cascade="all, delete-orphan"
    )
    rules: Mapped[list[SourceRule]] = relationship(
        order_by="SourceRule.id", cascade="all, delete-orphan"
    )


class SourceFinding(db.Model):
    __tablename__ = "source_findings"
    __table_args__ = (UniqueConstraint("source_id", "number"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("learning_sources.id"), index=True)
    number: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    page: Mapped[str] = mapped_column(String(100), default="")  # a SourcePage slug


class SourceCompetency(db.Model):
    __tablename__ = "source_competencies"
    __table_args__ = (UniqueConstraint("source_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("learning_sources.id"), index=True)
    key: Mapped[str] = mapped_column(String(100))
    name: Mapped[str] = mapped_column(String(300))
    findings: Mapped[str] = mapped_column(String(100), default="")  # "1, 2"
    briefing: Mapped[str] = mapped_column(String(100), default="")  # a SourcePage slug
    good: Mapped[str] = mapped_column(Text, default="")


class SourceTag(db.Model):
    __tablename__ = "source_tags"
    __table_args__ = (UniqueConstraint("source_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("learning_sources.id"), index=True)
    key: Mapped[str] = mapped_column(String(100))
    label: Mapped[str] = mapped_column(String(300))


class SourcePage(db.Model):
    __tablename__ = "source_pages"
    __table_args__ = (UniqueConstraint("source_id", "slug"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("learning_sources.id"), index=True)
    slug: Mapped[str] = mapped_column(String(100))
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text, default="")  # Markdown, rendered by app/markdown.py


class SourceRule(db.Model):
    """A supervision rule the source carries: "when a learner's choices carry (or pass over) tag
    X in N+ scenarios, ask the supervisor ...". It looks only at scenarios naming the source."""

    __tablename__ = "source_rules"
    __table_args__ = (UniqueConstraint("source_id", "key"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    source_id: Mapped[int] = mapped_column(ForeignKey("learning_sources.id"), index=True)
    key: Mapped[str] = mapped_column(String(100))
    kind: Mapped[str] = mapped_column(String(20), default="concern")  # or "strength"
    pattern: Mapped[str] = mapped_column(String(20), default="chose")  # chose, missed, ended
    tag: Mapped[str] = mapped_column(String(100))
    scenarios: Mapped[int] = mapped_column(Integer, default=1)  # in N+ scenarios
    stage: Mapped[str] = mapped_column(String(20))
    prompt: Mapped[str] = mapped_column(Text)
    attention: Mapped[str] = mapped_column(String(300), default="")

    @property
    def when(self) -> str:
        return f"{self.pattern} {self.tag} in {self.scenarios}+ scenarios"
