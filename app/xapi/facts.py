"""What the statement builders need, as plain values: the caller reads them from its store."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Site:
    """The site the statements come from. `home` is an absolute http(s) address without a
    trailing slash: the actors' account homePage and the root of every activity IRI."""

    home: str
    include_text: bool = False  # reflection text and written reasons; off unless an admin says
    language: str = "en-GB"


@dataclass(frozen=True)
class StepFacts:
    """One answered step of an attempt. `kind` is the node's kind: scene, choice, reflection."""

    number: int
    node_id: str
    kind: str
    shown_at: datetime  # when the step appeared (the previous answer, or the start)
    answered_at: datetime
    seconds: int
    prompt: str = ""  # a choice's question or a reflection's prompt, shortened
    options: tuple[tuple[int, str], ...] = ()  # a choice's options: (index in file, text)
    chosen: int | None = None  # the chosen option's index in file
    scores: Mapping[str, int] = field(default_factory=dict)  # the chosen option's scores
    text: str | None = None  # the reflection written; None when skipped


@dataclass(frozen=True)
class AttemptFacts:
    key: str  # stable and unique on the site, e.g. "attempt:42": names the registration
    account: str  # the learner's opaque stable id (never their email)
    scenario: str  # the scenario's slug
    title: str
    version: int
    started_at: datetime
    steps: tuple[StepFacts, ...] = ()
    completed_at: datetime | None = None
    ending: str | None = None  # the ending node's id
    outcome: str = ""
    competencies: Mapping[str, tuple[int, int]] = field(default_factory=dict)  # key: (won, best)


@dataclass(frozen=True)
class ExerciseChoiceFacts:
    event: str  # stable and unique within the session, e.g. "choice:17" (the stored row)
    decision: str
    question: str
    options: tuple[str, ...]
    chosen: int
    scores: Mapping[str, int]
    at: datetime
    why: str = ""


@dataclass(frozen=True)
class ShareFacts:
    event: str  # e.g. "share:9"
    fragment: str
    title: str
    to_seats: tuple[str, ...]
    basis: str  # consent, risk or not-shared
    at: datetime
    why: str = ""


@dataclass(frozen=True)
class ExerciseFacts:
    key: str  # e.g. "exercise-session:3:participant:8": one registration a person a session
    account: str
    exercise: str  # the exercise's slug
    title: str
    seat: str
    joined_at: datetime
    choices: tuple[ExerciseChoiceFacts, ...] = ()
    shares: tuple[ShareFacts, ...] = ()
    completed_at: datetime | None = None
