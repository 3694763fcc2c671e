"""Exercise versions in the database: loading files (one immutable version per content hash,
as for scenarios), and the parsed exercise of a version, cached by hash."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..engine import Problem, Vocabulary
from ..exercise import Exercise, check_text, parse
from ..models import ExerciseVersion, StoredExercise
from .library import content_hash


@lru_cache(maxsize=32)
def _parsed(digest: str, source: str, path: str) -> Exercise:
    exercise, _ = parse(source, path)
    assert exercise is not None
    return exercise


def parsed(version: ExerciseVersion) -> Exercise:
    """The engine's Exercise for a stored version."""
    return _parsed(version.content_hash, version.source, version.source_path or version.title)


def exercise_files(paths: list[str | Path]) -> list[Path]:
    """Expand folders to the .exercise files inside them, sorted."""
    found: list[Path] = []
    for entry in map(Path, paths):
        found += sorted(entry.glob("*.exercise")) if entry.is_dir() else [entry]
    return found


def check_files(paths: list[Path], vocab: Vocabulary) -> dict[Path, list[Problem]]:
    return {p: check_text(p.read_text(encoding="utf-8"), str(p), vocab)[1] for p in paths}


@dataclass(frozen=True)
class Loaded:
    path: Path
    slug: str | None
    status: str  # "added", "unchanged" or "invalid"
    problems: tuple[Problem, ...] = ()


def load_file(session: Session, path: Path, vocab: Vocabulary) -> Loaded:
    """Store a valid file as the exercise's newest version; the same text again adds nothing."""
    text = path.read_text(encoding="utf-8")
    exercise, problems = check_text(text, str(path), vocab)
    if problems or exercise is None:
        return Loaded(path, exercise.id if exercise else None, "invalid", tuple(problems))
    stored = session.scalar(select(StoredExercise).where(StoredExercise.slug == exercise.id))
    if stored is None:
        stored = StoredExercise(slug=exercise.id)
        session.add(stored)
        session.flush()
    digest = content_hash(text)
    known = session.scalar(
        select(ExerciseVersion).where(
            ExerciseVersion.exercise_id == stored.id, ExerciseVersion.content_hash == digest
        )
    )
    if known is not None:
        return Loaded(path, exercise.id, "unchanged")
    number = session.scalar(
        select(func.max(ExerciseVersion.number)).where(ExerciseVersion.exercise_id == stored.id)
    )
    version = ExerciseVersion(
        exercise_id=stored.id,
        number=(number or 0) + 1,
        content_hash=digest,
        source=text,
        source_path=str(path),
        title=exercise.title,
        summary=exercise.summary,
        minutes=exercise.minutes,
    )
    session.add(version)
    session.flush()
    stored.current_version_id = version.id
    return Loaded(path, exercise.id, "added")


def catalogue(session: Session) -> list[ExerciseVersion]:
    """The current version of every exercise, by title."""
    return list(
        session.scalars(
            select(ExerciseVersion)
            .join(StoredExercise, StoredExercise.current_version_id == ExerciseVersion.id)
            .order_by(ExerciseVersion.title)
        )
    )
