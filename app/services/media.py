"""Images and audio for a scenario's steps: upload (checked by the file's bytes and size, with
alt text or a transcript required), list, delete, and look up for the player and the checker."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..authoring.media_files import MediaFileError, safe_stem, sniff
from ..authoring.media_refs import media_problems
from ..db import utcnow
from ..engine import Problem
from ..models import MediaFile, User

MAX_ALT_CHARS = 250
MAX_TRANSCRIPT_CHARS = 20_000


@dataclass(frozen=True)
class Shown:
    """What the player needs to draw one reference."""

    name: str
    kind: str
    alt: str
    transcript: str


def for_scenario(session: Session, slug: str) -> list[MediaFile]:
    return list(
        session.scalars(
            select(MediaFile).where(MediaFile.scenario_slug == slug).order_by(MediaFile.name)
        )
    )


def kinds(session: Session, slug: str) -> dict[str, str]:
    """Each uploaded file's name -> "image" or "audio", for the checker."""
    rows = session.execute(
        select(MediaFile.name, MediaFile.kind).where(MediaFile.scenario_slug == slug)
    )
    return {name: kind for name, kind in rows}


def problems(session: Session, slug: str, text: str, path: str = "") -> list[Problem]:
    """Every reference in the text that the player could not show, saying why."""
    if "![" not in text and "<" not in text:
        return []
    return media_problems(text, kinds(session, slug), path)


def by_name(session: Session, name: str) -> MediaFile | None:
    return session.scalar(select(MediaFile).where(MediaFile.name == name))


def shown(session: Session, name: str) -> Shown | None:
    row = session.execute(
        select(MediaFile.kind, MediaFile.alt, MediaFile.transcript).where(MediaFile.name == name)
    ).first()
    return None if row is None else Shown(name, row.kind, row.alt, row.transcript)


def _free_name(session: Session, stem: str) -> str:
    taken = set(session.scalars(select(MediaFile.name).where(MediaFile.name.like(f"{stem}%"))))
    if stem not in taken:
        return stem
    number = 2
    while f"{stem}-{number}" in taken:
        number += 1
    return f"{stem}-{number}"


def upload(
    session: Session,
    user: User | None,
    slug: str,
    filename: str,
    data: bytes,
    alt: str,
    transcript: str,
) -> MediaFile:
    """Store a checked file for the scenario `slug`. Raises MediaFileError (nothing stored)
    with a message for the author: wrong type, too big, empty, or missing alt text/transcript."""
    found = sniff(data)
    alt, transcript = " ".join((alt or "").split()), (transcript or "").strip()
    if found.kind == "image" and not alt:
        raise MediaFileError(
            "Write a description of the image (alt text): what someone who cannot see it needs "
            "to know, like 'A pair of muddy work boots by the front door'."
        )
    if found.kind == "audio" and not transcript:
        raise MediaFileError(
            "Write a transcript of the audio: every word spoken, and any sound that matters, so "
            "people who cannot hear it miss nothing."
        )
    if len(alt) > MAX_ALT_CHARS:
        raise MediaFileError(f"Keep the description under {MAX_ALT_CHARS} characters.")
    if len(transcript) > MAX_TRANSCRIPT_CHARS:
        raise MediaFileError(f"Keep the transcript under {MAX_TRANSCRIPT_CHARS:,} characters.")
    stem = safe_stem(filename)
    media = MediaFile(
        name=_free_name(session, stem),
        scenario_slug=slug,
        kind=found.kind,
        content_type=found.content_type,
        filename=f"{stem}.{found.extension}",
        alt=alt,
        transcript=transcript,
        size=len(data),
        sha256=hashlib.sha256(data).hexdigest(),
        data=data,
        uploaded_at=utcnow(),
        uploaded_by_id=user.id if user is not None else None,
    )
    session.add(media)
    session.flush()
    return media


def delete(session: Session, media: MediaFile) -> None:
    session.delete(media)
    session.flush()


def load_shipped(session: Session, folder: Path) -> list[tuple[str, str]]:
    """Images and audio that ship with the scenario files: `folder/<scenario-id>/<name>.<ext>`
    with `<name>.txt` beside it (its first line the alt text or title; for audio, the lines
    after a blank line the transcript). Each becomes the media called `<name>`, checked like an
    upload. Returns (name, what happened) pairs; nothing is stored for a file with a problem."""
    done = []
    for path in sorted(folder.glob("*/*")):
        if path.suffix == ".txt" or not path.is_file():
            continue
        slug, name = path.parent.name, safe_stem(path.name)
        words_file = path.with_suffix(".txt")
        words = words_file.read_text(encoding="utf-8") if words_file.exists() else ""
        alt, _, transcript = words.strip().partition("\n\n")
        data = path.read_bytes()
        existing = by_name(session, name)
        if existing is not None and existing.scenario_slug != slug:
            done.append((name, f"not loaded: the name is used by '{existing.scenario_slug}'"))
            continue
        if existing is not None and existing.sha256 == hashlib.sha256(data).hexdigest():
            done.append((name, "unchanged"))
            continue
        try:
            with session.begin_nested():
                if existing is not None:
                    session.delete(existing)
                    session.flush()
                stored = upload(session, None, slug, path.name, data, alt, transcript)
                if stored.name != name:
                    raise MediaFileError(f"the name '{name}' is taken")
        except MediaFileError as error:
            done.append((name, f"not loaded: {error}"))
            continue
        done.append((name, "updated" if existing is not None else "added"))
    return done
