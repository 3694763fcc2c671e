"""The state of a played exercise and the rules of play: phases, injects, sharing, deciding.

The state is values only (the database keeps the acts and hands them back here), so one rule
decides what every page, URL and update feed shows a seat: `visible()`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from .model import Basis, Exercise, Fragment


class PlayError(ValueError):
    """An act the rules do not allow (sharing what the seat does not hold, a closed phase)."""


@dataclass(frozen=True)
class ShareAct:
    fragment: str
    by_seat: str
    to: frozenset[str]
    basis: Basis
    why: str = ""
    phase: int = 0  # the phase open when it was shared
    at: datetime | None = field(default=None, compare=False)  # when, if stored


@dataclass(frozen=True)
class Choice:
    decision: str
    seat: str
    option: int
    why: str = ""


@dataclass(frozen=True)
class PlayState:
    phase: int = 0  # index of the open phase; len(phases) once the exercise is over
    released: frozenset[str] = frozenset()  # injects released so far
    shares: tuple[ShareAct, ...] = ()
    choices: tuple[Choice, ...] = field(default=())  # in order made; the last per decision counts

    def over(self, exercise: Exercise) -> bool:
        return self.phase >= len(exercise.phases)


def available(exercise: Exercise, state: PlayState, fragment: Fragment) -> bool:
    """Has the story reached this fragment (its phase has opened and, for an inject, it has
    been released)?"""
    if exercise.phase_index(fragment.phase) > state.phase:
        return False
    return not fragment.inject or fragment.id in state.released


def held(exercise: Exercise, state: PlayState, seat: str) -> list[Fragment]:
    """The fragments a seat holds itself, so far."""
    return [f for f in exercise.fragments if f.seat == seat and available(exercise, state, f)]


def visible(exercise: Exercise, state: PlayState, seat: str) -> list[Fragment]:
    """Everything a seat may read: what it holds, and what was shared with it. The one rule."""
    shared = {
        act.fragment for act in state.shares if seat in act.to and act.basis != Basis.NOT_SHARED
    }
    return [
        f
        for f in exercise.fragments
        if available(exercise, state, f) and (f.seat == seat or f.id in shared)
    ]


def share(exercise: Exercise, state: PlayState, act: ShareAct) -> PlayState:
    """The state after a seat shares (or records not sharing) one of its own fragments."""
    if state.over(exercise):
        raise PlayError("The exercise is over.")
    try:
        fragment = exercise.fragment(act.fragment)
    except StopIteration:
        raise PlayError("There is no such piece of information.") from None
    if fragment.seat != act.by_seat or not available(exercise, state, fragment):
        raise PlayError("Only the seat that holds a piece of information can share it.")
    seats = {s.id for s in exercise.seats}
    to = frozenset(act.to) - {act.by_seat}
    if not to <= seats:
        raise PlayError("Choose seats from this exercise.")
    if act.basis != Basis.NOT_SHARED and not to:
        raise PlayError("Choose at least one seat to share with.")
    if act.basis == Basis.NOT_SHARED:
        to = frozenset()
        if not act.why.strip():
            raise PlayError("Say why you are not sharing it.")
    made = ShareAct(act.fragment, act.by_seat, to, act.basis, act.why.strip(), state.phase)
    return PlayState(state.phase, state.released, state.shares + (made,), state.choices)


def decide(exercise: Exercise, state: PlayState, choice: Choice) -> PlayState:
    """The state after a seat chooses (or changes) its answer to a decision of the open phase."""
    try:
        decision = exercise.decision(choice.decision)
    except StopIteration:
        raise PlayError("There is no such decision.") from None
    if decision.seat != choice.seat:
        raise PlayError("That decision belongs to another seat.")
    if state.over(exercise) or exercise.phase_index(decision.phase) != state.phase:
        raise PlayError("That phase is closed, so the decision can no longer change.")
    if not 0 <= choice.option < len(decision.options):
        raise PlayError("Choose one of the options.")
    return PlayState(state.phase, state.released, state.shares, state.choices + (choice,))


def release(exercise: Exercise, state: PlayState, fragment_id: str) -> PlayState:
    fragment = exercise.fragment(fragment_id)
    if not fragment.inject or exercise.phase_index(fragment.phase) != state.phase:
        raise PlayError("Only an inject of the open phase can be released.")
    return PlayState(state.phase, state.released | {fragment_id}, state.shares, state.choices)


def advance(exercise: Exercise, state: PlayState) -> PlayState:
    """Close the open phase and open the next (or end the exercise)."""
    if state.over(exercise):
        raise PlayError("The exercise is already over.")
    return PlayState(state.phase + 1, state.released, state.shares, state.choices)


def latest_choices(state: PlayState) -> dict[str, Choice]:
    """decision id -> the answer that counts (the last one made)."""
    return {choice.decision: choice for choice in state.choices}


def share_status(state: PlayState, fragment_id: str) -> tuple[frozenset[str], list[ShareAct]]:
    """Every seat a fragment has reached by sharing, and the acts about it in order."""
    acts = [a for a in state.shares if a.fragment == fragment_id]
    reached = frozenset().union(*(a.to for a in acts)) if acts else frozenset()
    return reached, acts
