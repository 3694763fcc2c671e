"""Scenario versions in the database: loading files, and the parsed scenario of a version.

A version's text never changes, so its parsed form is cached by content hash. The cache is
derived from the database, so any number of app servers can each keep one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..engine import Problem, Scenario, Vocabulary, check_text, load_vocabulary, parse
from ..models import ScenarioRecord, ScenarioVersion


@lru_cache(maxsize=8)
def vocabulary(content_dir: str) -> Vocabulary:
    return load_vocabulary(content_dir)


@lru_cache(maxsize=256)
def _parsed(content_hash: str, source: str, path: str) -> Scenario:
    scenario, _ = parse(source, path)
    assert scenario is not None
    return scenario


def parsed(version: ScenarioVersion) -> Scenario:
    """The engine's Scenario for a stored version."""
    return _parsed(version.content_hash, version.source, version.source_path or version.title)


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def check_files(paths: list[Path], vocab: Vocabulary) -> dict[Path, list[Problem]]:
    """Every problem in every file (an empty list for a clean file)."""
    results = {}
    for path in paths:
        _, problems = check_text(path.read_text(encoding="utf-8"), str(path), vocab)
        results[path] = problems
    return results


def scenario_files(paths: list[str | Path]) -> list[Path]:
    """Expand folders to the .scenario files inside them, sorted."""
    found: list[Path] = []
    for entry in map(Path, paths):
        found += sorted(entry.glob("*.scenario")) if entry.is_dir() else [entry]
    return found


@dataclass(frozen=True)
class LoadResult:
    path: Path
    slug: str | None
    status: str  # "added", "unchanged", "invalid"
    problems: tuple[Problem, ...] = ()


def load_file(
    session: Session, path: Path, vocab: Vocabulary, label: str | None = None
) -> LoadResult:
    """Store a valid file as a new immutable version; the same text again adds nothing."""
    text = path.read_text(encoding="utf-8")
    shown = label or str(path)
    scenario, problems = check_text(text, shown, vocab)
    if problems or scenario is None:
        return LoadResult(path, scenario.id if scenario else None, "invalid", tuple(problems))
    digest = content_hash(text)
    record = session.scalar(select(ScenarioRecord).where(ScenarioRecord.slug == scenario.id))
    if record is None:
        record = ScenarioRecord(slug=scenario.id)
        session.add(record)
        session.flush()
    existing = session.scalar(
        select(ScenarioVersion).where(
            ScenarioVersion.scenario_id == record.id, ScenarioVersion.content_hash == digest
        )
    )
    if existing is not None:
        return LoadResult(path, scenario.id, "unchanged")
    number = (
        session.scalar(
            select(func.max(ScenarioVersion.number)).where(ScenarioVersion.scenario_id == record.id)
        )
        or 0
    ) + 1
    version = ScenarioVersion(
        scenario_id=record.id,
        number=number,
        content_hash=digest,
        source=text,
        source_path=shown,
        title=scenario.title,
        summary=scenario.summary,
        minutes=scenario.minutes,
    )
    session.add(version)
    session.flush()
    record.current_version_id = version.id
    return LoadResult(path, scenario.id, "added")


def catalogue(session: Session) -> list[ScenarioRecord]:
    """Scenarios learners can start: not archived, with a current version, by title."""
    rows = session.scalars(
        select(ScenarioRecord)
        .join(ScenarioVersion, ScenarioRecord.current_version_id == ScenarioVersion.id)
        .where(ScenarioRecord.archived.is_(False))
        .order_by(ScenarioVersion.title)
    )
    return list(rows)
