"""Playing a scenario: start or resume an attempt, and store each answer exactly once, in order.

The stored answers are the attempt's state: `load_play` replays them through the engine. Every
submitted form carries the step number it was drawn for; a form for any other number is stale.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from ..db import utcnow
from ..engine import (
    MAX_REFLECTION_CHARS,
    Answer,
    AnswerKind,
    NodeKind,
    Option,
    Position,
    Scenario,
    advance,
    profile,
    replay,
)
from ..engine.ordering import attempt_seed, shown_order
from ..engine.scoring import CompetencyResult
from ..models import (
    Attempt,
    AttemptAnswer,
    AttemptScore,
    Reflection,
    ReflectionDraft,
    ScenarioVersion,
    StoredScenario,
    User,
)
from . import attempt_summaries
from .library import parsed


@dataclass(frozen=True)
class Play:
    attempt: Attempt
    scenario: Scenario
    position: Position

    @property
    def profile(self) -> dict[str, CompetencyResult]:
        return profile(self.scenario, self.position.path)

    def shown_options(self, node_id: str, offered: tuple[Option, ...]) -> tuple[Option, ...]:
        """A choice's options in this attempt's order: the same on every page that lists them."""
        return shown_order(offered, attempt_seed(self.attempt.id, node_id))

    def current_options(self) -> tuple[Option, ...]:
        return self.shown_options(self.position.node.id, self.position.offered_options())


class StaleStep(Exception):
    """The form was drawn for a step that is no longer current (reload, back, double click,
    another tab). The learner is shown the current step; nothing was stored."""


def _answer(stored: AttemptAnswer) -> Answer:
    if stored.kind == AnswerKind.CHOOSE:
        return Answer.choose(stored.option_index or 0)
    if stored.kind == AnswerKind.REFLECT:
        return Answer.reflect(
            None if stored.skipped or stored.reflection is None else stored.reflection.text
        )
    return Answer.continue_()


# Loader options for an attempt about to be replayed: its version (without the text, which
# `parsed` reads only when that version is not parsed yet), its answers and their reflections,
# all in the one query that loads the attempt.
PLAY_LOAD = (
    joinedload(Attempt.version).defer(ScenarioVersion.source),
    joinedload(Attempt.answers).joinedload(AttemptAnswer.reflection),
)


def load_play(attempt: Attempt) -> Play:
    scenario = parsed(attempt.version)
    position = replay(scenario, [_answer(s) for s in attempt.answers])
    return Play(attempt, scenario, position)


def _attempts_at(user: User, stored: StoredScenario):
    """The learner's attempts at a scenario, on any of its versions."""
    return (
        select(Attempt)
        .join(ScenarioVersion)
        .where(Attempt.user_id == user.id, ScenarioVersion.scenario_id == stored.id)
    )


def open_attempt(session: Session, user: User, stored: StoredScenario) -> Attempt | None:
    """The learner's unfinished attempt at this scenario, on whichever version it started."""
    return session.scalar(
        _attempts_at(user, stored)
        .where(Attempt.completed_at.is_(None))
        .order_by(Attempt.started_at.desc())
        .limit(1)
    )


def last_completed(session: Session, user: User, stored: StoredScenario) -> Attempt | None:
    """The learner's most recently finished attempt at this scenario, on any version."""
    return session.scalar(
        _attempts_at(user, stored)
        .where(Attempt.completed_at.is_not(None))
        .order_by(Attempt.completed_at.desc())
        .limit(1)
    )


def start_attempt(
    session: Session, user: User, stored: StoredScenario, version: ScenarioVersion | None = None
) -> Attempt:
    """Resume the open attempt if there is one; otherwise start on the current version (or the
    test version `version` given to this person: app/services/trials.py). The
    database allows one open attempt per learner and version, so of parallel starts (a double
    click, two tabs) one inserts and the others resume it."""
    attempt = open_attempt(session, user, stored)
    if attempt is None:
        try:
            with session.begin_nested():
                version_id = version.id if version is not None else stored.current_version_id
                attempt = Attempt(user_id=user.id, version_id=version_id)
                session.add(attempt)
                session.flush()
        except IntegrityError:
            attempt = open_attempt(session, user, stored)
            if attempt is None:
                raise
    return attempt


def submit(
    session: Session,
    attempt: Attempt,
    step_number: int,
    answer: Answer,
    now: datetime | None = None,
) -> Play:
    """Store one answer. Raises StaleStep for an out-of-date form and engine StepError for an
    answer that breaks a rule (nothing is stored in either case)."""
    now = now or utcnow()
    play = load_play(attempt)
    position = play.position
    if position.finished or step_number != position.step_number:
        raise StaleStep()
    after = advance(play.scenario, position, answer)
    given = after.path[-1].answer
    previous = attempt.answers[-1].created_at if attempt.answers else attempt.started_at
    stored = AttemptAnswer(
        attempt_id=attempt.id,
        number=step_number,
        node_id=position.node.id,
        kind=answer.kind,
        option_index=answer.option,
        skipped=answer.kind == AnswerKind.REFLECT and given.text is None,
        created_at=now,
        seconds_spent=max(0, int((now - previous).total_seconds())),
    )
    if given.kind == AnswerKind.REFLECT and given.text is not None:
        stored.reflection = Reflection(user_id=attempt.user_id, text=given.text, created_at=now)
    try:
        with session.begin_nested():
            attempt.answers.append(stored)  # in order: the new answer has the next number
            session.flush()
    except IntegrityError:
        session.expire(attempt)
        raise StaleStep() from None
    if after.finished:
        _finish(session, attempt, play.scenario, after, now)
    return Play(attempt, play.scenario, after)


def _finish(
    session: Session, attempt: Attempt, scenario: Scenario, position: Position, now: datetime
) -> None:
    attempt.completed_at = now
    attempt.ending_node = position.node.id
    attempt.ending_outcome = position.node.outcome
    attempt.seconds_total = sum(a.seconds_spent for a in attempt.answers)
    for key, result in profile(scenario, position.path).items():
        session.add(
            AttemptScore(attempt_id=attempt.id, competency=key, won=result.won, best=result.best)
        )
    session.flush()
    # the path as the supervision pages read it, so they need not replay this attempt
    attempt_summaries.store(
        session, [(attempt, attempt_summaries.walk_of(scenario, position, attempt.answers))], False
    )


def attempts_of(session: Session, user: User) -> list[Attempt]:
    return list(
        session.scalars(
            select(Attempt)
            .where(Attempt.user_id == user.id)
            .order_by(Attempt.started_at.desc())
            .options(joinedload(Attempt.version).defer(ScenarioVersion.source))
        )
    )


_ATTEMPT_PATH = re.compile(r"^/attempts/(\d{1,18})$")


def keep_carried_reflection(
    session: Session, user: User, next_path: str | None, step: str | None, text: str | None
) -> bool:
    """After signing in again, keep a reflection that was posted with an expired session as a
    draft on the learner's own attempt, so the step page can show it back."""
    match = _ATTEMPT_PATH.match(next_path or "")
    if not (match and text and (step or "").isdigit()):
        return False
    attempt = session.get(Attempt, int(match.group(1)))
    if attempt is None or attempt.user_id != user.id:
        return False
    position = load_play(attempt).position
    if (
        position.finished
        or step != str(position.step_number)
        or position.node.kind != NodeKind.REFLECTION
    ):
        return False  # only the step the learner is on, and only a reflection step
    text = text[:MAX_REFLECTION_CHARS]
    draft = session.get(ReflectionDraft, (attempt.id, int(step)))
    if draft is None:
        session.add(
            ReflectionDraft(
                attempt_id=attempt.id, step_number=int(step), user_id=user.id, text=text
            )
        )
    else:
        draft.text = text
    return True


def draft_for(session: Session, attempt: Attempt, step_number: int) -> str | None:
    draft = session.get(ReflectionDraft, (attempt.id, step_number))
    return draft.text if draft else None


def drop_draft(session: Session, attempt: Attempt, step_number: int) -> None:
    draft = session.get(ReflectionDraft, (attempt.id, step_number))
    if draft is not None:
        session.delete(draft)


def reflections_of(session: Session, user: User) -> list[Reflection]:
    """The learner's own reflections, newest first (their own page: no audit entry needed)."""
    return list(
        session.scalars(
            select(Reflection)
            .where(Reflection.user_id == user.id)
            .order_by(Reflection.created_at.desc())
            .options(  # the page names each one's scenario
                joinedload(Reflection.answer)
                .joinedload(AttemptAnswer.attempt)
                .joinedload(Attempt.version)
                .defer(ScenarioVersion.source)
            )
        )
    )
