"""A finished attempt's path, kept so the supervision pages read it instead of replaying the
attempt's answers through the engine.

`walk_of` derives a `Walk` from a replayed position (the engine decides what was offered and
scored); the supervision pages build everything they show from a `Walk` plus the scenario and
the learner's reflections, whether the walk was just replayed or read back from the table. A
summary is stored when an attempt finishes, and built and stored by the first page that finds
a finished attempt without a valid one (older attempts, or a new `FORMAT`). It holds no
reflection text: only the answers' ids, whose reflections are read (and erased) on their own.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from sqlalchemy import delete, insert, select
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Session

from ..db import utcnow
from ..engine import NodeKind, Position, Scenario, profile
from ..models import Attempt, AttemptSummary

FORMAT = 1  # raise when a Walk's layout or meaning changes: older summaries are then rebuilt


class _Answered(Protocol):
    id: int
    created_at: datetime


@dataclass(frozen=True)
class ChoiceStep:
    number: int
    node_id: str
    option: int  # index into the node's options
    at: datetime
    offered_tags: frozenset[str]  # tags of every option on offer at this choice


@dataclass(frozen=True)
class ReflectionStep:
    number: int
    node_id: str
    answer_id: int  # the stored answer; its reflection (if written) is read separately
    at: datetime


@dataclass(frozen=True)
class Walk:
    """The choices and reflections of an attempt's path, in order, with its ending and profile
    (both only when the attempt finished)."""

    choices: tuple[ChoiceStep, ...]
    reflections: tuple[ReflectionStep, ...]
    ending: str | None = None
    profile: tuple[tuple[str, int, int], ...] = ()  # (competency, won, best), engine order


def walk_of(scenario: Scenario, position: Position, answers: Sequence[_Answered]) -> Walk:
    """The walk of a replayed attempt: `answers` are its stored answers in order."""
    choices, reflections = [], []
    for number, (stored, step) in enumerate(zip(answers, position.path, strict=False)):
        node = step.node
        if node.kind == NodeKind.CHOICE and step.option is not None:
            offered = node.offered_options(step.flags_before)
            tags = frozenset(t for o in offered for t in o.tags)
            choices.append(ChoiceStep(number, node.id, step.option.index, stored.created_at, tags))
        elif node.kind == NodeKind.REFLECTION:
            reflections.append(ReflectionStep(number, node.id, stored.id, stored.created_at))
    if not position.finished:
        return Walk(tuple(choices), tuple(reflections))
    scores = tuple((k, r.won, r.best) for k, r in profile(scenario, position.path).items())
    return Walk(tuple(choices), tuple(reflections), position.node.id, scores)


def encode(walk: Walk) -> dict:
    return {
        "choices": [
            [c.number, c.node_id, c.option, c.at.isoformat(), sorted(c.offered_tags)]
            for c in walk.choices
        ],
        "reflections": [
            [r.number, r.node_id, r.answer_id, r.at.isoformat()] for r in walk.reflections
        ],
        "ending": walk.ending,
        "profile": [list(p) for p in walk.profile],  # a list: JSON objects may lose their order
    }


def decode(body: dict) -> Walk:
    at = datetime.fromisoformat
    return Walk(
        tuple(
            ChoiceStep(n, node, o, at(t), frozenset(tags))
            for n, node, o, t, tags in body["choices"]
        ),
        tuple(ReflectionStep(n, node, a, at(t)) for n, node, a, t in body["reflections"]),
        body["ending"],
        tuple((k, won, best) for k, won, best in body["profile"]),
    )


def row(attempt: Attempt, walk: Walk) -> dict:
    return {
        "attempt_id": attempt.id,
        "content_hash": attempt.version.content_hash,
        "format": FORMAT,
        "body": encode(walk),
        "built_at": utcnow(),
    }


def stored_walks(
    session: Session, attempts: Iterable[Attempt], owners: Sequence[int]
) -> dict[int, Walk]:
    """The valid stored walks of the finished `attempts` (all of the people `owners`), in one
    query by person rather than by thousands of attempt ids."""
    wanted = {a.id: a for a in attempts if a.completed_at is not None}
    if not wanted:
        return {}
    rows = session.execute(
        select(AttemptSummary.attempt_id, AttemptSummary.content_hash, AttemptSummary.format,
               AttemptSummary.body)
        .join(Attempt, Attempt.id == AttemptSummary.attempt_id)
        .where(Attempt.user_id.in_(owners))
    )  # fmt: skip
    found = {}
    for attempt_id, content_hash, layout, body in rows:
        attempt = wanted.get(attempt_id)
        if (
            attempt is not None
            and layout == FORMAT
            and content_hash == attempt.version.content_hash
        ):
            found[attempt_id] = decode(body)
    return found


def store(session: Session, built: list[tuple[Attempt, Walk]], replace: bool = True) -> None:
    """Keep the walks of finished attempts. With `replace`, a stale row (another version text
    or format) is dropped first; a row another request stored meanwhile is left as it is (two
    servers may build the same summary at once: the same content)."""
    rows = [row(a, w) for a, w in built if a.completed_at is not None]
    if not rows:
        return
    if replace:
        ids = [r["attempt_id"] for r in rows]
        session.execute(delete(AttemptSummary).where(AttemptSummary.attempt_id.in_(ids)))
    dialect = session.get_bind().dialect.name
    if dialect == "postgresql":
        statement = pg_insert(AttemptSummary).on_conflict_do_nothing()
    elif dialect == "sqlite":
        statement = sqlite_insert(AttemptSummary).on_conflict_do_nothing()
    else:  # pragma: no cover - the app runs on SQLite or PostgreSQL
        statement = insert(AttemptSummary)
    session.execute(statement, rows)
