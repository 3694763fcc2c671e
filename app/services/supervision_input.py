"""Read learners' attempts, reflections and supervision sessions in a fixed number of queries,
and turn them into the pure inputs of app.supervision (and the rows the pages show).

Loading is per list of learners, so a team dashboard costs the same handful of queries for two
supervisees or twenty: attempts, their versions, answers, reflections, sessions and actions.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..engine import NodeKind, Scenario, replay
from ..models import (
    Attempt,
    AttemptAnswer,
    Reflection,
    ScenarioVersion,
    SupervisionSession,
    User,
)
from ..supervision import (
    ChoiceMade,
    EndingReached,
    History,
    PastAttempt,
    PastSession,
    ReflectionMade,
    Score,
)
from .exercise_record import supervision_history
from .library import parsed
from .paths import PathRow, path_rows
from .player import Play
from .player import _answer as stored_answer


@dataclass(frozen=True)
class Quote:
    reflection: Reflection
    question: str
    title: str


@dataclass(frozen=True)
class AttemptView:
    attempt: Attempt
    scenario: Scenario
    past: PastAttempt
    play: Play

    @cached_property
    def rows(self) -> tuple[PathRow, ...]:
        """The path's rows, built only by the pages that show them (not the team dashboard)."""
        return path_rows(self.play)


@dataclass
class LearnerData:
    """Everything the supervision pages know about one learner."""

    learner: User
    attempts: list[AttemptView] = field(default_factory=list)
    sessions: list[SupervisionSession] = field(default_factory=list)
    exercises: list[PastAttempt] = field(default_factory=list)  # exercise decisions and whys

    @property
    def history(self) -> History:
        return History(
            attempts=tuple(a.past for a in self.attempts) + tuple(self.exercises),
            sessions=tuple(PastSession(s.held_on, s.covered_keys) for s in self.sessions),
        )

    @property
    def reflections(self) -> dict[int, Reflection]:
        return {
            r.reflection.id: r.reflection for a in self.attempts for r in a.rows if r.reflection
        }

    @property
    def quotes(self) -> dict[int, Quote]:
        """Each written reflection with the question it answered and the scenario's title."""
        return self.quotes_for(None)

    def quotes_for(self, ids) -> dict[int, Quote]:
        """The quotes of the reflections `ids` (all if None), building path rows only for the
        attempts that hold one of them."""
        wanted = None if ids is None else set(ids)
        return {
            r.reflection.id: Quote(r.reflection, r.node.text, a.attempt.version.title)
            for a in self.attempts
            if wanted is None or any(m.id in wanted for m in a.past.reflections)
            for r in a.rows
            if r.reflection and (wanted is None or r.reflection.id in wanted)
        }


@dataclass(frozen=True)
class StoredAnswer:
    """An answer's columns as replaying needs them: read as plain rows, not ORM objects, since a
    team's history holds thousands (building and tracking those was a third of the dashboard)."""

    id: int
    number: int
    kind: str
    option_index: int | None
    skipped: bool
    created_at: datetime
    reflection: Reflection | None = None


@dataclass(frozen=True)
class _Replayed:
    """What `Play` and `path_rows` read of an attempt: its id (the options' order) and answers."""

    id: int
    answers: tuple[StoredAnswer, ...]


def _view(attempt: Attempt, answers: tuple[StoredAnswer, ...]) -> AttemptView:
    """Replay the attempt through the engine: what was offered, chosen and written, in order."""
    scenario = parsed(attempt.version)
    position = replay(scenario, [stored_answer(s) for s in answers])
    play = Play(_Replayed(attempt.id, answers), scenario, position)  # type: ignore[arg-type]
    title = attempt.version.title
    choices, reflections = [], []
    for number, (stored, step) in enumerate(zip(answers, play.position.path, strict=False)):
        node = step.node
        if node.kind == NodeKind.CHOICE and step.option is not None:
            offered = node.offered_options(step.flags_before)
            option = step.option
            choices.append(
                ChoiceMade(
                    number=number,
                    node_id=node.id,
                    option_text=option.text,
                    tags=option.tags,
                    scores=dict(option.scores),
                    prompts=option.supervision,
                    at=stored.created_at,
                    offered_tags=frozenset(t for o in offered for t in o.tags),
                )
            )
        elif node.kind == NodeKind.REFLECTION:
            written = stored.reflection
            reflections.append(
                ReflectionMade(
                    number=number,
                    node_id=node.id,
                    question=node.text,
                    text=written.text if written else None,
                    at=stored.created_at,
                    id=written.id if written else None,
                )
            )
    ending, profile = None, {}
    if play.position.finished and attempt.completed_at is not None:
        node = play.position.node
        ending = EndingReached(
            node.id, node.outcome, node.tags, node.supervision, attempt.completed_at
        )
        profile = {k: Score(r.won, r.best) for k, r in play.profile.items()}
    past = PastAttempt(
        id=attempt.id,
        scenario_id=play.scenario.id,
        scenario_title=title,
        started_at=attempt.started_at,
        completed_at=attempt.completed_at,
        choices=tuple(choices),
        reflections=tuple(reflections),
        ending=ending,
        profile=profile,
    )
    return AttemptView(attempt, play.scenario, past, play)


_ANSWER_COLUMNS = ("attempt_id", "id", "number", "kind", "option_index", "skipped", "created_at")


def load_learners(session: Session, learners: Sequence[User]) -> dict[int, LearnerData]:
    """Each learner's attempts (oldest first), sessions (newest first) and exercise decisions,
    in eight queries."""
    data = {u.id: LearnerData(u) for u in learners}
    if not data:
        return data
    attempts = session.scalars(
        select(Attempt)
        .where(Attempt.user_id.in_(data))
        .order_by(Attempt.started_at, Attempt.id)
        # the version without its text: `parsed` reads it only if not parsed yet
        .options(selectinload(Attempt.version).defer(ScenarioVersion.source))
    ).all()
    # The learners' reflections in one query by person (ix_reflections_user_id), not by every
    # answer's id: an IN list of thousands of ids, 500 a query, cost more than the query itself
    # (and a join made PostgreSQL hash the whole table: EXPLAIN at 100,000 reflections).
    written = {
        r.answer_id: r
        for r in session.scalars(select(Reflection).where(Reflection.user_id.in_(data)))
    }
    answers: dict[int, list[StoredAnswer]] = {a.id: [] for a in attempts}
    if answers:
        rows = session.execute(
            select(*(getattr(AttemptAnswer, c) for c in _ANSWER_COLUMNS))
            .join(Attempt, Attempt.id == AttemptAnswer.attempt_id)
            .where(Attempt.user_id.in_(data))
            .order_by(AttemptAnswer.attempt_id, AttemptAnswer.number)
        )
        for attempt_id, *columns in rows:
            answers[attempt_id].append(StoredAnswer(*columns, written.get(columns[0])))
    for attempt in attempts:
        data[attempt.user_id].attempts.append(_view(attempt, tuple(answers[attempt.id])))
    sessions = session.scalars(
        select(SupervisionSession)
        .where(SupervisionSession.learner_id.in_(data), SupervisionSession.withdrawn_at.is_(None))
        .order_by(SupervisionSession.held_on.desc(), SupervisionSession.id.desc())
        .options(
            selectinload(SupervisionSession.actions), selectinload(SupervisionSession.supervisor)
        )
    )
    for record in sessions:
        data[record.learner_id].sessions.append(record)
    for user_id, past in supervision_history(session, list(data)).items():
        data[user_id].exercises.extend(past)
    return data
