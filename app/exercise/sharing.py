"""What a seat is told about sharing: feedback on a basis (after the 2024 information-sharing
advice for practitioners), the partnership board, and the shares solo mode plays for others."""

from __future__ import annotations

from dataclasses import dataclass

from .model import Basis, Exercise
from .play import PlayState, ShareAct, available, visible

# In our own words, after HM Government "Information sharing: advice for practitioners
# providing safeguarding services for children, young people, parents and carers" (May 2024).
BASIS_ADVICE = {
    Basis.CONSENT: (
        "Consent works as a basis only when the person is free to say no and you would respect "
        "their answer. If you would share anyway, do not ask: tell them openly what you will "
        "share and why. That is being open with them, not asking for consent. A statutory "
        "service still needs its own lawful basis to share, usually its public task."
    ),
    Basis.RISK: (
        "You do not need consent to share when a child is at risk of harm, or may be. Share "
        "what is relevant, accurate and necessary with the people who need it, tell the family "
        "where that is safe, and record what you shared, with whom and why."
    ),
    Basis.NOT_SHARED: (
        "Not sharing is a decision too, so record why. Keeping a child safe from harm comes "
        "before privacy, and holding on to information can leave a child at more risk."
    ),
}


@dataclass(frozen=True)
class Feedback:
    good: bool
    general: str
    specific: str


def share_feedback(exercise: Exercise, act: ShareAct) -> Feedback:
    """Feedback on one sharing act: was the basis one the advice supports here, and why."""
    fragment = exercise.fragment(act.fragment)
    return Feedback(act.basis in fragment.best, BASIS_ADVICE[act.basis], fragment.advice)


@dataclass(frozen=True)
class BoardRow:
    """One line of the partnership board. `title` is None when the viewer may not read the
    fragment: the board says something was shared, never what, to a seat it did not reach."""

    by_seat: str
    to: tuple[str, ...]
    basis: Basis
    title: str | None
    fragment: str | None
    phase: int


def board(exercise: Exercise, state: PlayState, seat: str | None) -> list[BoardRow]:
    """Everything shared so far, as `seat` may see it (None: the facilitator sees all)."""
    readable = (
        {f.id for f in exercise.fragments}
        if seat is None
        else {f.id for f in visible(exercise, state, seat)}
    )
    rows = []
    for act in state.shares:
        if act.basis == Basis.NOT_SHARED:
            continue
        shown = act.fragment in readable
        rows.append(
            BoardRow(
                act.by_seat,
                tuple(sorted(act.to)),
                act.basis,
                exercise.fragment(act.fragment).title if shown else None,
                act.fragment if shown else None,
                act.phase,
            )
        )
    return rows


def solo_shares(exercise: Exercise, state: PlayState, learner_seat: str) -> tuple[ShareAct, ...]:
    """The shares a typical partnership made so far, for every seat but the learner's."""
    acts = []
    for fragment in exercise.fragments:
        typical = fragment.typical
        if fragment.seat == learner_seat or typical is None or not typical.to:
            continue
        if available(exercise, state, fragment):
            phase = exercise.phase_index(fragment.phase)
            acts.append(
                ShareAct(
                    fragment.id,
                    fragment.seat,
                    frozenset(typical.to),
                    typical.basis,
                    typical.why,
                    phase,
                )
            )
    return tuple(acts)


def with_solo(exercise: Exercise, state: PlayState, learner_seat: str) -> PlayState:
    """The state a solo learner plays in: their own acts plus the typical partnership's."""
    injects = frozenset(
        f.id
        for f in exercise.fragments
        if f.inject and exercise.phase_index(f.phase) <= state.phase
    )
    opened = PlayState(state.phase, state.released | injects, state.shares, state.choices)
    return PlayState(
        opened.phase,
        opened.released,
        solo_shares(exercise, opened, learner_seat) + opened.shares,
        opened.choices,
    )
