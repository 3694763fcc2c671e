"""A learner's CPD record: one entry per completed scenario attempt or exercise session.

The fields follow what the two regulators ask practitioners to record:
- Social Work England's CPD record asks for the type of CPD, a short description and why it is
  relevant, the date, what was learnt, the positive impact on practice and, for at least one
  piece, peer reflection: what was learnt from discussing it with a colleague (as summarised by
  Research in Practice, researchinpractice.org.uk, "Record your CPD and apply to renew
  registration", November 2023).
- The NMC's reflective account form asks for the nature of the activity, what was learnt, how
  practice changed or improved, and how it relates to the Code's four themes (prioritise
  people, practise effectively, preserve safety, promote professionalism and trust), and warns
  against recording anything that could identify another person (revalidation.nmc.org.uk,
  "Written reflective accounts").

What the learner writes for the record is kept in CpdEntry; until they write it, it is drafted
from their own reflections and supervision. Their reflections are never changed.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session, joinedload, selectinload

from ..db import utcnow
from ..engine import Vocabulary
from ..models import (
    Attempt,
    CpdEntry,
    ExerciseParticipant,
    SupervisionSession,
    User,
)
from . import exercise_sessions
from .exercise_library import parsed as parsed_exercise
from .library import parsed as parsed_scenario
from .xapi_facts import seat_facts

CODE_THEMES = {
    "people": "Prioritise people",
    "effective": "Practise effectively",
    "safety": "Preserve safety",
    "trust": "Promote professionalism and trust",
}
STEP_CAP = 30 * 60  # a step left open longer than this counts as 30 minutes of learning


@dataclass
class Discussion:
    held_on: date
    with_whom: str
    topics: list[str]


@dataclass
class CpdItem:
    kind: str  # "scenario" or "exercise"
    ref_id: int  # the attempt's id, or the exercise session's
    on: date
    activity: str
    cpd_type: str
    description: str
    minutes: int
    minutes_note: str
    participatory: bool  # learning with others (the NMC counts participatory hours)
    competencies: list[str]
    relevance: str = ""
    learnt: str = ""
    impact: str = ""
    peer: str = ""
    themes: list[str] = field(default_factory=list)
    drafted: bool = True  # not yet written by the learner: drafted from their reflections
    discussions: list[Discussion] = field(default_factory=list)

    @property
    def theme_names(self) -> list[str]:
        return [CODE_THEMES[t] for t in self.themes]


def _discussions(sessions: list[SupervisionSession], source: tuple[str, ...], on: date):
    """Supervision sessions on or after the activity that covered one of its prompts."""
    found = []
    for sess in sessions:
        if sess.withdrawn_at is not None or sess.held_on < on:
            continue
        topics = [
            item["text"]
            for item in sess.covered or ()
            if tuple(item["key"].split(":")[1 : 1 + len(source)]) == source
        ]
        if topics:
            found.append(Discussion(sess.held_on, sess.supervisor.display_name, topics))
    return found


def _draft(item: CpdItem, written: list[str], sessions: list[SupervisionSession]) -> None:
    item.learnt = "\n\n".join(t.strip() for t in written if t and t.strip())
    if item.discussions:
        first = item.discussions[0]
        item.peer = f"In supervision on {first.held_on:%-d %B %Y} we discussed: " + "; ".join(
            first.topics
        )
        held = {d.held_on for d in item.discussions}
        actions = [a.text for d in sessions for a in d.actions if d.held_on in held]
        if actions:
            item.impact = "I agreed to: " + "; ".join(actions)


def _apply(item: CpdItem, entry: CpdEntry | None) -> None:
    if entry is None:
        return
    item.relevance, item.learnt, item.impact, item.peer = (
        entry.relevance,
        entry.learnt,
        entry.impact,
        entry.peer,
    )
    item.themes = [t for t in entry.themes.split(",") if t in CODE_THEMES]
    item.drafted = False


def _attempt_item(attempt: Attempt, vocab: Vocabulary, sessions) -> CpdItem:
    scenario = parsed_scenario(attempt.version)
    seconds = sum(min(a.seconds_spent, STEP_CAP) for a in attempt.answers)
    on = attempt.completed_at.date()
    item = CpdItem(
        kind="scenario",
        ref_id=attempt.id,
        on=on,
        activity=attempt.version.title,
        cpd_type="E-learning: a branching safeguarding scenario",
        description=attempt.version.summary,
        minutes=max(1, round(seconds / 60)),
        minutes_note="time spent on its steps",
        participatory=False,
        competencies=[vocab.name_of(s.competency) for s in attempt.scores],
        discussions=_discussions(sessions, (scenario.id,), on),
    )
    written = [a.reflection.text for a in attempt.answers if a.reflection is not None]
    _draft(item, written, sessions)
    return item


def _exercise_item(session: Session, person: ExerciseParticipant, vocab, sessions) -> CpdItem:
    sess = person.session
    exercise = parsed_exercise(sess.version)
    facts = seat_facts(session, person)
    on = facts.completed_at.date()
    keys = sorted({k for c in facts.choices for k in c.scores})
    item = CpdItem(
        kind="exercise",
        ref_id=sess.id,
        on=on,
        activity=exercise.title,
        cpd_type="Multi-agency safeguarding exercise"
        + (" (with colleagues)" if sess.mode != "solo" else ""),
        description=exercise.summary,
        minutes=exercise.minutes,
        minutes_note="the exercise's planned length",
        participatory=sess.mode != "solo",
        competencies=[vocab.name_of(k) for k in keys],
        discussions=_discussions(sessions, ("exercise", exercise.id), on),
    )
    _draft(item, [c.why for c in facts.choices] + [s.why for s in facts.shares], sessions)
    return item


def record(session: Session, user: User, vocab: Vocabulary) -> list[CpdItem]:
    """The learner's CPD entries, newest first: completed attempts and exercise sessions."""
    sessions = list(
        session.scalars(
            select(SupervisionSession)
            .where(SupervisionSession.learner_id == user.id)
            .order_by(SupervisionSession.held_on)
        )
    )
    entries = {
        (e.kind, e.ref_id): e
        for e in session.scalars(select(CpdEntry).where(CpdEntry.user_id == user.id))
    }
    items = []
    attempts = (
        select(Attempt)
        .where(Attempt.user_id == user.id, Attempt.completed_at.is_not(None))
        .options(  # what each entry reads, in a few queries for the whole record
            joinedload(Attempt.version),
            selectinload(Attempt.answers),
            selectinload(Attempt.scores),
        )
    )
    for attempt in session.scalars(attempts):
        items.append(_attempt_item(attempt, vocab, sessions))
    people = select(ExerciseParticipant).where(ExerciseParticipant.user_id == user.id)
    for person in session.scalars(people):
        if exercise_sessions.is_over(person.session, utcnow()):
            items.append(_exercise_item(session, person, vocab, sessions))
    for item in items:
        _apply(item, entries.get((item.kind, item.ref_id)))
    return sorted(items, key=lambda i: (i.on, i.kind, i.ref_id), reverse=True)


def item_for(session: Session, user: User, vocab: Vocabulary, kind: str, ref_id: int):
    return next(
        (i for i in record(session, user, vocab) if (i.kind, i.ref_id) == (kind, ref_id)), None
    )


def save(session: Session, user: User, kind: str, ref_id: int, **fields) -> CpdEntry:
    """Keep what the learner wrote for the record (their reflections stay as they were)."""
    entry = session.scalar(
        select(CpdEntry).where(
            CpdEntry.user_id == user.id, CpdEntry.kind == kind, CpdEntry.ref_id == ref_id
        )
    )
    if entry is None:
        entry = CpdEntry(user_id=user.id, kind=kind, ref_id=ref_id)
        session.add(entry)
    for name in ("relevance", "learnt", "impact", "peer"):
        setattr(entry, name, (fields.get(name) or "").strip())
    entry.themes = ",".join(t for t in fields.get("themes") or () if t in CODE_THEMES)
    entry.updated_at = utcnow()
    session.flush()
    return entry
