"""The debrief of a session: chronology, missed moments, each seat's decisions with feedback,
the partnership's pattern, and questions from the rules in content/."""

from __future__ import annotations

from datetime import datetime
from functools import lru_cache
from pathlib import Path

from sqlalchemy.orm import Session

from ..exercise import latest_choices
from ..exercise.chronology import render
from ..exercise.debrief import facts, lanes, moments, pattern, timeline
from ..exercise.questions import questions, read_rules
from ..models import ExerciseSession
from . import exercise_sessions
from .exercise_library import parsed

RULES_FILE = "exercise-debrief-rules.txt"


@lru_cache(maxsize=4)
def _rules(path: str, mtime: float):
    return read_rules(Path(path).read_text(encoding="utf-8"), path)[0]


def rules(content_dir: str):
    path = Path(content_dir) / RULES_FILE
    return _rules(str(path), path.stat().st_mtime)


def debrief(
    session: Session, sess: ExerciseSession, now: datetime, content_dir: str, cycle: str = "kolb"
) -> dict:
    """Everything the debrief page shows; questions grouped by the supervision agenda's cycle."""
    exercise = parsed(sess.version)
    state = exercise_sessions.state(session, sess, now)
    lane = lanes(exercise, state)
    found = moments(exercise, state)
    chosen = latest_choices(state)
    decisions = []
    for decision in exercise.decisions:
        if exercise.phase_index(decision.phase) > state.phase:
            continue
        choice = chosen.get(decision.id)
        option = decision.options[choice.option] if choice else None
        decisions.append((decision, choice, option))
    return {
        "exercise": exercise,
        "state": state,
        "svg": render(exercise, lane, found),
        "lanes": lane,
        "timeline": timeline(exercise, lane),
        "moments": found,
        "decisions": decisions,
        "pattern": pattern(exercise, state),
        "questions": questions(rules(content_dir), facts(exercise, state), cycle),
        "names": {s.id: s.name for s in exercise.seats},
    }
