"""Read learners' attempts, reflections and supervision sessions in a fixed number of queries,
and turn them into the pure inputs of app.supervision (and the rows the pages show).

Loading is per list of learners, so a team dashboard costs the same handful of queries for two
supervisees or twenty: attempts, their versions, answers, reflections, sessions and actions.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from functools import cached_property

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from ..engine import Scenario, replay
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
from .attempt_summaries import Walk, store, stored_walks, walk_of
from .exercise_record import supervision_history
from .library import parsed
from .paths import PathRow
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
    walk: Walk
    written: Mapping[int, Reflection]  # the learner's reflections by answer id

    @cached_property
    def rows(self) -> tuple[PathRow, ...]:
        """The path's choices and reflections in order, built only by the pages that show them
        (not the team dashboard). `offered` is left empty: no supervision page lists it."""
        rows = []
        for c in self.walk.choices:
            node = self.scenario.node(c.node_id)
            rows.append(PathRow(c.number, node.kind, node, option=node.options[c.option]))
        for r in self.walk.reflections:
            written = self.written.get(r.answer_id)
            node = self.scenario.node(r.node_id)
            rows.append(PathRow(r.number, node.kind, node, reflection=written, skipped=not written))
        return tuple(sorted(rows, key=lambda row: row.number))


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


def replayed_walk(attempt: Attempt, answers: tuple[StoredAnswer, ...]) -> Walk:
    """Replay the attempt's answers through the engine (an unfinished attempt, or a finished
    one whose summary is missing or stale)."""
    scenario = parsed(attempt.version)
    position = replay(scenario, [stored_answer(s) for s in answers])  # type: ignore[arg-type]
    return walk_of(scenario, position, answers)


def _view(attempt: Attempt, walk: Walk, written: Mapping[int, Reflection]) -> AttemptView:
    """What was chosen and written, in order, built from the walk and the scenario."""
    scenario = parsed(attempt.version)
    title = attempt.version.title
    choices, reflections = [], []
    for c in walk.choices:
        node = scenario.node(c.node_id)
        option = node.options[c.option]
        choices.append(
            ChoiceMade(
                number=c.number,
                node_id=node.id,
                option_text=option.text,
                tags=option.tags,
                scores=dict(option.scores),
                prompts=option.supervision,
                at=c.at,
                offered_tags=c.offered_tags,
            )
        )
    for r in walk.reflections:
        node = scenario.node(r.node_id)
        text = written.get(r.answer_id)
        reflections.append(
            ReflectionMade(
                number=r.number,
                node_id=node.id,
                question=node.text,
                text=text.text if text else None,
                at=r.at,
                id=text.id if text else None,
            )
        )
    ending, profile = None, {}
    if walk.ending is not None and attempt.completed_at is not None:
        node = scenario.node(walk.ending)
        ending = EndingReached(
            node.id, node.outcome, node.tags, node.supervision, attempt.completed_at
        )
        profile = {k: Score(won, best) for k, won, best in walk.profile}
    past = PastAttempt(
        id=attempt.id,
        scenario_id=scenario.id,
        scenario_title=title,
        started_at=attempt.started_at,
        completed_at=attempt.completed_at,
        choices=tuple(choices),
        reflections=tuple(reflections),
        ending=ending,
        profile=profile,
    )
    return AttemptView(attempt, scenario, past, walk, written)


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
    walks = stored_walks(session, attempts, list(data))
    missing = [a for a in attempts if a.id not in walks]
    answers: dict[int, list[StoredAnswer]] = {a.id: [] for a in missing}
    if answers:
        rows = session.execute(
            select(*(getattr(AttemptAnswer, c) for c in _ANSWER_COLUMNS))
            .where(AttemptAnswer.attempt_id.in_(list(answers)))
            .order_by(AttemptAnswer.attempt_id, AttemptAnswer.number)
        )
        for attempt_id, *columns in rows:
            answers[attempt_id].append(StoredAnswer(*columns, written.get(columns[0])))
        built = [(a, replayed_walk(a, tuple(answers[a.id]))) for a in missing]
        walks |= {a.id: w for a, w in built}
        store(session, built)  # the finished ones, so the next page need not replay them
    for attempt in attempts:
        data[attempt.user_id].attempts.append(_view(attempt, walks[attempt.id], written))
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
