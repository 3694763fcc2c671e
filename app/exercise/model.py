"""Frozen values for an exercise: seats, phases, fragments, decisions, and the acts played.

An exercise is one family's story told in phases; each seat (an agency, or the family network)
holds fragments of it. What a seat may see is worked out from these values by `visibility.py`.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Basis(StrEnum):
    """The basis a seat gives for sharing a fragment, or for not sharing it."""

    CONSENT = "consent"  # shared with the person's consent
    RISK = "risk"  # shared without consent because a child is at risk of harm
    NOT_SHARED = "not-shared"  # kept, with a reason

    @property
    def label(self) -> str:
        return BASIS_LABELS[self]


BASIS_LABELS = {
    Basis.CONSENT: "Shared with consent",
    Basis.RISK: "Shared without consent because of risk to a child",
    Basis.NOT_SHARED: "Not shared",
}


@dataclass(frozen=True)
class Seat:
    id: str
    name: str
    brief: str
    line: int = 0


@dataclass(frozen=True)
class Phase:
    id: str
    title: str
    when: str  # the story's time, e.g. "Spring, two years earlier"
    minutes: int
    narrative: str
    line: int = 0


@dataclass(frozen=True)
class Typical:
    """How a typical partnership shared a fragment (solo mode plays it for the other seats)."""

    to: tuple[str, ...]
    basis: Basis
    why: str = ""


@dataclass(frozen=True)
class Fragment:
    """What one seat knows at first. An inject arrives only when released (by the facilitator,
    or when its phase opens in solo and date-driven sessions)."""

    id: str
    phase: str
    seat: str
    title: str
    text: str
    inject: bool = False
    best: tuple[Basis, ...] = ()  # the bases the 2024 advice supports here
    advice: str = ""  # feedback on the sharing choice, in the file's words
    changes: tuple[str, ...] = ()  # decision ids this fragment would change if seen in time
    changes_why: str = ""
    typical: Typical | None = None
    line: int = 0


@dataclass(frozen=True)
class Option:
    text: str
    feedback: str
    scores: tuple[tuple[str, int], ...] = ()
    tags: tuple[str, ...] = ()
    line: int = 0


@dataclass(frozen=True)
class Decision:
    id: str
    phase: str
    seat: str
    question: str
    options: tuple[Option, ...]
    typical: int | None = None  # the option a typical partnership chose (0-based)
    line: int = 0


@dataclass(frozen=True)
class Exercise:
    id: str
    title: str
    summary: str
    minutes: int
    content_note: str
    seats: tuple[Seat, ...]
    phases: tuple[Phase, ...]
    fragments: tuple[Fragment, ...]
    decisions: tuple[Decision, ...]
    path: str = ""

    def seat(self, seat_id: str) -> Seat:
        return next(s for s in self.seats if s.id == seat_id)

    def phase_index(self, phase_id: str) -> int:
        return next(i for i, p in enumerate(self.phases) if p.id == phase_id)

    def fragment(self, fragment_id: str) -> Fragment:
        return next(f for f in self.fragments if f.id == fragment_id)

    def decision(self, decision_id: str) -> Decision:
        return next(d for d in self.decisions if d.id == decision_id)

    def decisions_for(self, phase_id: str, seat_id: str) -> list[Decision]:
        return [d for d in self.decisions if d.phase == phase_id and d.seat == seat_id]
