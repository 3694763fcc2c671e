"""The partnership's learning sources: the shipped ones from content/sources/ and those written
in the browser (app.models.sources), as the engine's SourceSet. Built per request: small."""

from __future__ import annotations

from functools import lru_cache

from sqlalchemy import inspect, select
from sqlalchemy.orm import Session, selectinload

from ..engine import Competency, Finding, Scenario, Source, SourceSet, Vocabulary
from ..engine.source_files import load_shipped_sources
from ..models import LearningSource


@lru_cache(maxsize=8)
def shipped(content_dir: str) -> SourceSet:
    return load_shipped_sources(content_dir)


def finding_numbers(text: str) -> tuple[int, ...]:
    """'1, 2' -> (1, 2); anything that is not a whole number is left out."""
    return tuple(int(p) for p in text.replace(",", " ").split() if p.isdigit())


def as_source(row: LearningSource) -> Source:
    competencies = {
        c.key: Competency(
            key=c.key,
            name=c.name,
            findings=finding_numbers(c.findings),
            briefing=c.briefing,
            good=c.good,
            source=row.slug,
        )
        for c in row.competencies
    }
    return Source(
        id=row.slug,
        title=row.title,
        kind=row.kind,
        findings=tuple(Finding(f.number, f.title, f.page) for f in row.findings),
        vocabulary=Vocabulary(competencies=competencies, tags={t.key: t.label for t in row.tags}),
    )


def source_set(session: Session, content_dir: str) -> SourceSet:
    """Shipped sources first; a browser source never replaces a shipped one of the same id."""
    base = shipped(content_dir)
    sources = dict(base.sources)
    rows = session.scalars(
        select(LearningSource)
        .order_by(LearningSource.title)
        .options(
            selectinload(LearningSource.findings),
            selectinload(LearningSource.competencies),
            selectinload(LearningSource.tags),
        )
    )
    for row in rows:
        sources.setdefault(row.slug, as_source(row))
    return SourceSet(default=base.default, sources=sources)


def for_checking(session: Session, content_dir: str) -> SourceSet:
    """The sources a file check on the command line names: the shipped ones from content/,
    with those written in the browser when this database has them. A fresh clone, whose
    database has no tables yet, checks against content/ alone (no upgrade needed)."""
    if not inspect(session.get_bind()).has_table(LearningSource.__tablename__):
        return shipped(content_dir)
    return source_set(session, content_dir)


def everything(session: Session, content_dir: str) -> Vocabulary:
    """Every source's competencies and tags: for pages across scenarios (profiles, rules)."""
    return source_set(session, content_dir).everything


def vocabulary_for(session: Session, content_dir: str, scenario: Scenario) -> Vocabulary:
    """The words a scenario may use: those of its sources, or the default source's."""
    found = source_set(session, content_dir)
    return found.vocabulary_for(found.ids_for(scenario))
