"""Scenario versions in the database: loading files, and the parsed scenario of a version.

A version's text never changes, so its parsed form is cached by content hash. The cache is
derived from the database, so any number of app servers can each keep one.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, contains_eager

from ..db import utcnow
from ..engine import Problem, Scenario, Vocabulary, check_text, load_vocabulary, parse
from ..models import Draft, Origin, ScenarioVersion, StoredScenario
from . import settings


@lru_cache(maxsize=8)
def vocabulary(content_dir: str) -> Vocabulary:
    return load_vocabulary(content_dir)


@lru_cache(maxsize=256)
def _parsed(content_hash: str, source: str, path: str) -> Scenario:
    scenario, _ = parse(source, path)
    return scenario


_by_hash: dict[tuple[str, str], Scenario] = {}


def parsed(version: ScenarioVersion) -> Scenario:
    """The engine's Scenario for a stored version. Found by content hash first, so a version
    loaded without its text (the player defers it) reads the text only when not yet parsed."""
    key = (version.content_hash, version.source_path or version.title)
    scenario = _by_hash.get(key)
    if scenario is None:
        scenario = _parsed(version.content_hash, version.source, key[1])
        if len(_by_hash) >= 256:
            _by_hash.clear()
        _by_hash[key] = scenario
    return scenario


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


class LoadStatus(StrEnum):
    """What loading one file did."""

    ADDED = "added"  # published as a new version
    UNCHANGED = "unchanged"  # this text is already a version (or already waiting as a draft)
    INVALID = "invalid"  # has problems: nothing stored
    CONFLICT = "conflict"  # kept as a draft: the newest version came from the browser
    DRAFT = "draft"  # kept as a draft: a second author must approve each version


@dataclass(frozen=True)
class LoadResult:
    path: Path
    slug: str | None
    status: LoadStatus
    problems: tuple[Problem, ...] = ()
    message: str = ""


def _next_number(session: Session, stored: StoredScenario) -> int:
    latest = session.scalar(
        select(func.max(ScenarioVersion.number)).where(ScenarioVersion.scenario_id == stored.id)
    )
    return (latest or 0) + 1


def publish_text(
    session: Session,
    scenario: Scenario,
    text: str,
    label: str | None,
    origin: Origin = Origin.FILE,
    user_id: int | None = None,
) -> tuple[ScenarioVersion, bool]:
    """Store checked text as the scenario's newest version and make it current. The same text
    again adds nothing. The one way any version is made, from a file or from the browser.
    Returns the version and whether it is new."""
    digest = content_hash(text)
    stored = session.scalar(select(StoredScenario).where(StoredScenario.slug == scenario.id))
    if stored is None:
        stored = StoredScenario(slug=scenario.id)
        session.add(stored)
        session.flush()
    existing = session.scalar(
        select(ScenarioVersion).where(
            ScenarioVersion.scenario_id == stored.id, ScenarioVersion.content_hash == digest
        )
    )
    if existing is not None:
        return existing, False
    version = ScenarioVersion(
        scenario_id=stored.id,
        number=_next_number(session, stored),
        content_hash=digest,
        source=text,
        source_path=label,
        title=scenario.title,
        summary=scenario.summary,
        minutes=scenario.minutes,
        origin=origin,
        published_by_id=user_id,
    )
    session.add(version)
    session.flush()
    stored.current_version_id = version.id
    return version, True


def _file_draft(
    session: Session, path: Path, scenario: Scenario, text: str, status: LoadStatus, why: str
) -> LoadResult:
    """Keep a changed file as a draft instead of publishing it (one file draft per scenario,
    refreshed when the file changes again), and say where it is."""
    stored = session.scalar(select(StoredScenario).where(StoredScenario.slug == scenario.id))
    draft = session.scalar(
        select(Draft).where(Draft.slug == scenario.id, Draft.origin == Origin.FILE).limit(1)
    )
    if draft is not None and content_hash(draft.text) == content_hash(text):
        return LoadResult(
            path,
            scenario.id,
            LoadStatus.UNCHANGED,
            message=f"already waiting as /author/drafts/{draft.id}",
        )
    if draft is None:
        draft = Draft(slug=scenario.id, origin=Origin.FILE, text=text)
        session.add(draft)
    draft.text, draft.notes, draft.updated_at = text, f"Loaded from {path.name}: {why}", utcnow()
    draft.base_version_id = stored.current_version_id if stored else None
    session.flush()
    return LoadResult(path, scenario.id, status, message=f"{why} See /author/drafts/{draft.id}")


def load_file(
    session: Session, path: Path, vocab: Vocabulary, label: str | None = None
) -> LoadResult:
    """Store a valid file as a new immutable version; the same text again adds nothing.

    A changed file is kept as a draft instead, and reported, when the scenario's newest version
    was published from the browser (so neither side silently replaces the other) or when a
    second author must approve every version.
    """
    text = path.read_text(encoding="utf-8")
    shown = label or str(path)
    scenario, problems = check_text(text, shown, vocab)
    if problems:
        return LoadResult(path, scenario.id or None, LoadStatus.INVALID, tuple(problems))
    stored = session.scalar(select(StoredScenario).where(StoredScenario.slug == scenario.id))
    if stored is not None:
        known = session.scalar(
            select(ScenarioVersion.id).where(
                ScenarioVersion.scenario_id == stored.id,
                ScenarioVersion.content_hash == content_hash(text),
            )
        )
        if known is not None:
            return LoadResult(path, scenario.id, LoadStatus.UNCHANGED)
        newest = stored.current_version
        if newest is not None and newest.origin == Origin.BROWSER:
            why = (
                f"the newest version ({newest.number}) was published from the browser, so "
                "this file was not published over it. Compare the two and publish the draft, "
                "or export the browser version into the file."
            )
            return _file_draft(session, path, scenario, text, LoadStatus.CONFLICT, why)
    if settings.approval_required(session):
        why = "a second author must approve each version before it is published."
        return _file_draft(session, path, scenario, text, LoadStatus.DRAFT, why)
    publish_text(session, scenario, text, shown, origin=Origin.FILE)
    return LoadResult(path, scenario.id, LoadStatus.ADDED)


def playable(stored: StoredScenario) -> bool:
    """May a learner start it? Published and not archived: the catalogue's rule for one row."""
    return not stored.archived and stored.current_version_id is not None


def catalogue(session: Session) -> list[StoredScenario]:
    """Scenarios learners can start: not archived, with a current version, by title."""
    rows = session.scalars(
        select(StoredScenario)
        .join(ScenarioVersion, StoredScenario.current_version_id == ScenarioVersion.id)
        .where(StoredScenario.archived.is_(False))
        .order_by(ScenarioVersion.title)
        .options(contains_eager(StoredScenario.current_version))  # one query, not one a row
    )
    return list(rows)
