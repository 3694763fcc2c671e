"""Demo activity: the six demo learners play real scenarios (every answer goes through
player.submit, so the data is exactly what a learner would leave), write reflections of varied
quality, and some have had supervision. Enough for a supervisor's dashboard and agenda to show
what they are for. The wider workforce (demo_people) plays too, leaning the way their agency
does, so the insights show patterns. Added once: a person who has an attempt gets no more.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..engine import Answer, NodeKind, Option
from ..models import Attempt, StoredScenario, User
from . import player
from . import supervision as pages
from . import supervision_records as records
from .demo import demo_email
from .demo_people import workforce
from .demo_texts import BRIEF, MIDDLING, THOUGHTFUL

WEAK = ("relied-on-self-report", "consent-barrier", "parent-not-seen-as-parent",
        "network-not-heard", "child-not-seen", "presenting-issue-only")  # fmt: skip


@dataclass(frozen=True)
class Persona:
    """How a demo learner plays: which options they lean to and how they write."""

    leans_to: tuple[str, ...] = ()  # tags they choose when offered; otherwise the best option
    writing: str = "middling"  # "thoughtful", "middling" or "brief"
    skips_optional: bool = True
    every_other: bool = False  # only lean at every other choice


PERSONAS = {
    "learner.social": Persona(
        leans_to=("relied-on-self-report", "consent-barrier"), every_other=True
    ),
    "learner.mash": Persona(writing="thoughtful", skips_optional=False),
    "learner.recovery": Persona(leans_to=WEAK, writing="brief", every_other=True),
    "learner.nurse": Persona(leans_to=("presenting-issue-only", "parent-not-seen-as-parent")),
    "learner.police": Persona(writing="thoughtful", skips_optional=False),
    "learner.school": Persona(leans_to=("child-not-seen",), every_other=True),
}
# learner, scenario, days before today it started, finished?
PLAYS = [
    ("learner.social", "telephone-review", 38, True),
    ("learner.social", "consent-conversation", 34, True),
    ("learner.social", "when-the-family-calls", 6, True),
    ("learner.social", "how-the-child-communicates", 2, False),
    ("learner.mash", "the-missing-history", 20, True),
    ("learner.mash", "consent-conversation", 15, True),
    ("learner.mash", "telephone-review", 9, True),
    ("learner.recovery", "behind-the-drug-use", 12, True),
    ("learner.recovery", "telephone-review", 5, True),
    ("learner.nurse", "behind-the-drug-use", 16, True),
    ("learner.nurse", "consent-conversation", 8, True),
    ("learner.police", "when-the-family-calls", 14, True),
    ("learner.police", "the-missing-history", 7, True),
    ("learner.school", "how-the-child-communicates", 11, True),
    ("learner.school", "the-missing-history", 3, False),
]


def _pick(options: tuple[Option, ...], persona: Persona, turn: int) -> Option:
    leaning = persona.leans_to and not (persona.every_other and turn % 2)
    if leaning:
        for tag in persona.leans_to:
            tagged = [o for o in options if tag in o.tags]
            if tagged:
                return tagged[0]
    return max(options, key=lambda o: (sum(o.scores.values()), -o.index))


def _write(node, persona: Persona, count: int) -> str | None:
    if node.optional and (persona.skips_optional or persona.writing == "brief"):
        return None
    if persona.writing == "thoughtful" and node.id in THOUGHTFUL:
        return THOUGHTFUL[node.id]
    pool = BRIEF if persona.writing == "brief" else MIDDLING
    return pool[count % len(pool)]


def play(session: Session, user: User, stored: StoredScenario, persona: Persona,
         start: datetime, finish: bool, written: list[int]) -> Attempt:  # fmt: skip
    """Step through one attempt as the persona would; stop half-way if not `finish`."""
    attempt = Attempt(user_id=user.id, version_id=stored.current_version_id, started_at=start)
    session.add(attempt)
    session.flush()
    position, when, turn = player.load_play(attempt).position, start, 0
    while not position.finished and (finish or position.step_number < 4):
        node = position.node
        when += timedelta(seconds=50 + 37 * (position.step_number % 5))
        if node.kind == NodeKind.CHOICE:
            answer = Answer.choose(_pick(position.offered_options(), persona, turn).index)
            turn += 1
        elif node.kind == NodeKind.REFLECTION:
            answer = Answer.reflect(_write(node, persona, written[0]))
            written[0] += 1
        else:
            answer = Answer.continue_()
        position = player.submit(session, attempt, position.step_number, answer, when).position
    return attempt


def has_activity(session: Session) -> bool:
    emails = [demo_email(local) for local in PERSONAS]
    return bool(
        session.scalar(
            select(func.count()).select_from(Attempt).join(User).where(User.email.in_(emails))
        )
    )


def add_activity(session: Session, now: datetime, rules, vocab) -> int:
    """Play every demo attempt and hold the past supervision sessions; returns attempts added."""
    people = {u.email: u for u in session.scalars(select(User))}
    scenarios = {r.slug: r for r in session.scalars(select(StoredScenario))}
    played = set(session.scalars(select(Attempt.user_id).distinct()))
    added = _workforce_plays(session, now, people, scenarios, played)
    if has_activity(session):
        return added
    counters = {local: [0] for local in PERSONAS}
    for local, slug, days_ago, finish in PLAYS:
        user, stored = people.get(demo_email(local)), scenarios.get(slug)
        if user is None or stored is None or stored.current_version_id is None:
            continue
        start = (now - timedelta(days=days_ago)).replace(hour=10, minute=0, second=0, microsecond=0)
        play(session, user, stored, PERSONAS[local], start, finish, counters[local])
        added += 1
        if (local, slug) in SESSIONS_AFTER and user.supervisor is not None:
            _hold_session(session, user, SESSIONS_AFTER[(local, slug)], now, rules, vocab)
    return added


def _workforce_plays(session: Session, now: datetime, people, scenarios, played) -> int:
    added = 0
    for n, person in enumerate(workforce()):
        user = people.get(demo_email(person.local))
        if user is None or user.id in played:
            continue
        persona = Persona(person.leans_to, ("middling", "brief", "thoughtful")[n % 3],
                          every_other=person.every_other)  # fmt: skip
        written = [n]
        for slug, days_ago, finish in person.plays:
            stored = scenarios.get(slug)
            if stored is None or stored.current_version_id is None:
                continue
            start = (now - timedelta(days=days_ago)).replace(hour=9 + n % 8, minute=0, second=0,
                                                              microsecond=0)  # fmt: skip
            play(session, user, stored, persona, start, finish, written)
            added += 1
    return added


@dataclass(frozen=True)
class PastSession:
    days_ago: int
    notes: str
    actions: tuple[tuple[str, int, bool], ...]  # text, due (days after the session), done?
    comment: str  # on the learner's first reflection


# a session is held just after these attempts
SESSIONS_AFTER = {
    ("learner.social", "consent-conversation"): PastSession(
        27,
        "Talked through the phone review and the consent scenario. Jo said a full caseload makes "
        "the checklist feel like enough, and that she worries about seeming suspicious. We agreed "
        "that checking with others is routine, not an accusation, and practised how to say so.",
        (
            ("Read the briefing on testing self-report (Finding 3)", 7, True),
            (
                "Bring one family where you rely on a parent's account to our next session",
                32,
                False,
            ),
        ),
        "Thank you for being honest about relying on the phone call. Let's use one of your "
        "families as our example next time: who else could you hear from?",
    ),
    ("learner.police", "when-the-family-calls"): PastSession(
        10,
        "Aisha gave weight to the grandmother's call and explained her reasons well. We talked "
        "about recording what relatives tell us so it is not lost between shifts.",
        (("Share the relative-contact approach at the next team meeting", 12, False),),
        "A clear, honest reflection. The point about where relatives' calls get recorded is one "
        "for the whole team.",
    ),
}


def _hold_session(session: Session, learner: User, past: PastSession, now, rules, vocab) -> None:
    """Record a past session covering the top prompts of that day, as a supervisor would."""
    held = (now - timedelta(days=past.days_ago)).date()
    that_day = datetime.combine(held, time(17, 0))
    summary = pages.learner(session, learner, rules, vocab, that_day)
    made = [records.NewAction(text, held + timedelta(days=due)) for text, due, _ in past.actions]
    supervisor = learner.supervisor
    record = records.record_session(
        session, supervisor, learner, held, past.notes, list(summary.prompts.prompts[:3]), made
    )
    record.created_at = that_day
    for action, (_, _, done) in zip(record.actions, past.actions, strict=True):
        action.created_at = that_day
        if done:
            records.set_done(action, True, that_day + timedelta(days=4))
    quotes = summary.data.quotes
    if quotes:
        reflection = quotes[min(quotes)].reflection
        comment = records.add_comment(session, supervisor, reflection, past.comment)
        comment.created_at = that_day
