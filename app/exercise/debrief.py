"""The whole picture afterwards: each seat's lane of fragments, the moments where sharing would
have changed another seat's decision, the partnership's pattern in words, and the facts the
debrief question rules match on."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from .model import Basis, Exercise, Fragment
from .play import PlayState, latest_choices, share_status


@dataclass(frozen=True)
class LaneItem:
    fragment: Fragment
    phase: int  # when the seat came to hold it
    reached: tuple[str, ...]  # seats it was shared with
    first_shared: int | None  # the phase of the first share
    bases: tuple[Basis, ...]
    reasons: tuple[str, ...]  # the seat's "why", including why not shared
    first_shared_at: datetime | None = None  # when it was first shared, if the time is stored

    def when(self) -> tuple:
        """Sort key placing it in time: its phase, then shared ones by share time, then the rest."""
        return (self.phase, self.first_shared_at is None, self.first_shared_at or datetime.min)


@dataclass(frozen=True)
class Moment:
    """A fragment that would have changed another seat's decision, and whether it got there."""

    fragment: Fragment
    decision: str
    seat: str
    phase: int
    in_time: bool
    why: str


def lanes(exercise: Exercise, state: PlayState) -> dict[str, list[LaneItem]]:
    """Seat id -> its fragments in time order (phase, then when first shared; story order for
    ties), each marked shared (when, with whom, basis) or held alone. Injects never released are
    left out: no seat ever held them."""
    found: dict[str, list[LaneItem]] = {s.id: [] for s in exercise.seats}
    for fragment in exercise.fragments:
        phase = exercise.phase_index(fragment.phase)
        if phase > state.phase or (fragment.inject and fragment.id not in state.released):
            continue
        reached, acts = share_status(state, fragment.id)
        shares = [a for a in acts if a.basis != Basis.NOT_SHARED]
        found[fragment.seat].append(
            LaneItem(
                fragment,
                phase,
                tuple(sorted(reached)),
                shares[0].phase if shares else None,
                tuple(dict.fromkeys(a.basis for a in acts)),
                tuple(a.why for a in acts if a.why),
                shares[0].at if shares else None,
            )
        )
    return {seat: sorted(items, key=LaneItem.when) for seat, items in found.items()}


def timeline(exercise: Exercise, lane: dict[str, list[LaneItem]]) -> list[tuple[str, LaneItem]]:
    """Every (seat id, item) across lanes in time order: the chronology's table twin."""
    order = {s.id: n for n, s in enumerate(exercise.seats)}
    rows = [(seat, item) for seat, items in lane.items() for item in items]
    return sorted(rows, key=lambda row: (*row[1].when(), order[row[0]]))


def moments(exercise: Exercise, state: PlayState) -> list[Moment]:
    """Every declared moment (a fragment's `changes:`), reached in time or missed."""
    found = []
    for fragment in exercise.fragments:
        for name in fragment.changes:
            decision = exercise.decision(name)
            deadline = exercise.phase_index(decision.phase)
            in_time = any(
                decision.seat in act.to and act.phase <= deadline and act.basis != Basis.NOT_SHARED
                for act in state.shares
                if act.fragment == fragment.id
            )
            found.append(
                Moment(fragment, name, decision.seat, deadline, in_time, fragment.changes_why)
            )
    return found


def facts(exercise: Exercise, state: PlayState) -> dict[str, int]:
    """Counts the debrief question rules match on (see content/exercise-debrief-rules.txt)."""
    lane = lanes(exercise, state)
    sharers = {a.by_seat for a in state.shares if a.basis != Basis.NOT_SHARED}
    received = {s for a in state.shares if a.basis != Basis.NOT_SHARED for s in a.to}
    found = moments(exercise, state)
    consent_over_risk = sum(
        1
        for a in state.shares
        if a.basis == Basis.CONSENT and exercise.fragment(a.fragment).best == (Basis.RISK,)
    )
    family = [s.id for s in exercise.seats if "family" in s.name.lower()]
    return {
        "seats-never-shared": sum(1 for s in exercise.seats if s.id not in sharers),
        "held-alone": sum(1 for items in lane.values() for i in items if not i.reached),
        "shared": sum(1 for items in lane.values() for i in items if i.reached),
        "missed-moments": sum(1 for m in found if not m.in_time),
        "moments-in-time": sum(1 for m in found if m.in_time),
        "not-shared-with-reason": sum(1 for a in state.shares if a.basis == Basis.NOT_SHARED),
        "consent-where-risk": consent_over_risk,
        "family-never-asked": sum(1 for s in family if s in sharers and s not in received),
        "decisions-without-why": sum(1 for c in latest_choices(state).values() if not c.why),
    }


def pattern(exercise: Exercise, state: PlayState) -> list[str]:
    """The partnership's pattern in a few plain sentences."""
    names = {s.id: s.name for s in exercise.seats}
    lane = lanes(exercise, state)
    sharers = {a.by_seat for a in state.shares if a.basis != Basis.NOT_SHARED}
    received = {s for a in state.shares if a.basis != Basis.NOT_SHARED for s in a.to}
    silent = [names[s.id] for s in exercise.seats if s.id not in sharers]
    total = len(exercise.seats)
    lines = []
    if silent:
        lines.append(f"{len(silent)} of {total} seats never shared: {', '.join(silent)}.")
    else:
        lines.append(f"All {total} seats shared something.")
    for seat in exercise.seats:
        items = lane[seat.id]
        if items and all(i.reached for i in items) and seat.id not in received:
            lines.append(f"{seat.name} shared everything it held, and no one shared with it.")
    alone = sum(1 for items in lane.values() for i in items if not i.reached)
    held = sum(len(items) for items in lane.values())
    lines.append(f"{alone} of {held} pieces of information stayed with the seat that held them.")
    found = moments(exercise, state)
    if found:
        missed = sum(1 for m in found if not m.in_time)
        lines.append(
            f"{missed} of {len(found)} moments where sharing would have changed another seat's "
            "decision were missed."
        )
    return lines
