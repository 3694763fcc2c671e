"""Every piece of text a participant reads, for the content checks (reading ease, originality)."""

from __future__ import annotations

import textstat

from ..engine.stats import plain
from .model import Exercise


def participant_prose(exercise: Exercise) -> list[str]:
    parts = [exercise.title, exercise.summary, exercise.content_note]
    parts += [s.brief for s in exercise.seats]
    parts += [p.narrative for p in exercise.phases]
    for f in exercise.fragments:
        parts += [f.title, f.text, f.advice, f.changes_why]
    for d in exercise.decisions:
        parts.append(d.question)
        for option in d.options:
            parts += [option.text, option.feedback]
    return [p for p in parts if p]


def reading_ease(exercise: Exercise) -> float:
    """Flesch reading ease of all participant-facing prose (60+ is plain English)."""
    sentences = []
    for part in participant_prose(exercise):
        part = plain(part).strip()
        sentences.append(part if part[-1] in ".!?" else part + ".")
    return round(float(textstat.flesch_reading_ease(" ".join(sentences))), 1)
