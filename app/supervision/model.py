"""Values in and out of prompt generation. Frozen, built by the caller from whatever store it
uses, so `generate()` can be tested with a handful of literals and no database."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime

from ..engine import SupervisionPrompt
from ..engine.scoring import share

# A reflection with fewer words than this counts as not written ("n/a", "ok", "see above").
WRITTEN_WORDS = 3


@dataclass(frozen=True)
class ChoiceMade:
    """An option the learner chose, with what the scenario author attached to it."""

    number: int  # the step number in its attempt: orders choices and reflections
    node_id: str
    option_text: str
    tags: tuple[str, ...]
    scores: Mapping[str, int]
    prompts: tuple[SupervisionPrompt, ...]
    at: datetime
    offered_tags: frozenset[str] = frozenset()  # tags of every option on offer at this choice


@dataclass(frozen=True)
class ReflectionMade:
    """A reflection step: `text` is None when the learner skipped it. `id` is the stored
    reflection's id (None when skipped: there is nothing to show)."""

    number: int
    node_id: str
    question: str
    text: str | None
    at: datetime
    id: int | None = None

    @property
    def words(self) -> int:
        return len(self.text.split()) if self.text else 0

    @property
    def written(self) -> bool:
        return self.words >= WRITTEN_WORDS


@dataclass(frozen=True)
class EndingReached:
    node_id: str
    outcome: str
    tags: tuple[str, ...]
    prompts: tuple[SupervisionPrompt, ...]
    at: datetime


@dataclass(frozen=True)
class Score:
    """Points won against the best on offer, for one competency in one attempt."""

    won: int
    best: int

    @property
    def share(self) -> float | None:
        return share(self.won, self.best)


@dataclass(frozen=True)
class PastAttempt:
    """One attempt at one scenario, in the order things happened."""

    id: int
    scenario_id: str
    scenario_title: str
    started_at: datetime
    completed_at: datetime | None = None
    choices: tuple[ChoiceMade, ...] = ()
    reflections: tuple[ReflectionMade, ...] = ()
    ending: EndingReached | None = None
    profile: Mapping[str, Score] = field(default_factory=dict)


@dataclass(frozen=True)
class PastSession:
    """A past supervision session: when it was held and which prompt keys it covered."""

    held_on: date
    covered: frozenset[str] = frozenset()


@dataclass(frozen=True)
class History:
    """Everything generation looks at for one learner."""

    attempts: tuple[PastAttempt, ...] = ()
    sessions: tuple[PastSession, ...] = ()

    @property
    def completed(self) -> tuple[PastAttempt, ...]:
        return tuple(a for a in self.attempts if a.completed_at is not None)

    @property
    def last_session(self) -> date | None:
        return max((s.held_on for s in self.sessions), default=None)


@dataclass(frozen=True)
class Prompt:
    """A question for supervision, with what triggered it so a supervisor can explain it.

    `key` is stable across page views and scenario versions (it names the rule, or the scenario,
    node and text of an authored prompt), so a session can record it as covered."""

    key: str
    stage: str
    text: str
    trigger: str
    source: str  # "choice", "ending", "reflection" or "pattern"
    competency: str | None = None
    findings: tuple[int, ...] = ()
    reflection_ids: tuple[int, ...] = ()
    evidence_at: datetime | None = None
    strength: bool = False
    attention: str | None = None  # a short line for the team dashboard (pattern concerns)
    priority: int = 0  # lower comes first: a rule's place in the file, then authored prompts
    returning: date | None = None  # covered on this date, back because it happened again


@dataclass(frozen=True)
class Generated:
    """The prompts for one learner, most useful first; strengths kept apart to be named."""

    prompts: tuple[Prompt, ...] = ()
    strengths: tuple[Prompt, ...] = ()

    @property
    def attention(self) -> tuple[str, ...]:
        """What a supervisor should notice first: each pattern concern's short line."""
        return tuple(p.attention for p in self.prompts if p.attention)

    def by_key(self) -> dict[str, Prompt]:
        return {p.key: p for p in self.prompts + self.strengths}
