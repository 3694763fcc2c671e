"""What each screen of a session shows, built from the engine's rules, so a page, the update
feed and the facilitator's view all ask `visible()` and never disagree."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.orm import Session

from ..exercise import (
    Basis,
    Exercise,
    Fragment,
    PlayState,
    board,
    held,
    latest_choices,
    share_feedback,
    share_status,
    visible,
)
from ..models import ExerciseSession
from . import exercise_sessions as sessions
from .exercise_library import parsed


@dataclass
class SeatView:
    exercise: Exercise
    state: PlayState
    seat: str
    phase: int
    over: bool
    own: list[Fragment]
    shared_with_me: list[tuple[Fragment, str, str]]  # fragment, from seat name, basis label
    board: list
    my_acts: dict[str, list]  # fragment id -> acts by this seat
    choices: dict
    etag: str


def seat_view(session: Session, sess: ExerciseSession, seat: str, now: datetime) -> SeatView:
    exercise = parsed(sess.version)
    state = sessions.state(session, sess, now)
    names = {s.id: s.name for s in exercise.seats}
    mine = {f.id for f in held(exercise, state, seat)}
    shared = []
    for fragment in visible(exercise, state, seat):
        if fragment.id in mine:
            continue
        act = next(a for a in state.shares if a.fragment == fragment.id and seat in a.to)
        shared.append((fragment, names[act.by_seat], act.basis.label))
    acts: dict[str, list] = {}
    for act in state.shares:
        if act.by_seat == seat:
            acts.setdefault(act.fragment, []).append((act, share_feedback(exercise, act)))
    return SeatView(
        exercise=exercise,
        state=state,
        seat=seat,
        phase=state.phase,
        over=state.over(exercise),
        own=[f for f in exercise.fragments if f.id in mine],
        shared_with_me=shared,
        board=board(exercise, state, seat),
        my_acts=acts,
        choices=latest_choices(state),
        etag=sessions.etag(sess, exercise, now),
    )


@dataclass
class SeatProgress:
    seat: str
    name: str
    people: list[str]
    decided: int
    decisions: int
    shared: int
    held_alone: int


def facilitator_view(session: Session, sess: ExerciseSession, now: datetime) -> dict:
    """Every seat's progress, every fragment (the facilitator alone sees them all), injects."""
    exercise = parsed(sess.version)
    state = sessions.state(session, sess, now)
    choices = latest_choices(state)
    progress = []
    for seat in exercise.seats:
        mine = held(exercise, state, seat.id)
        reached = [f for f in mine if share_status(state, f.id)[0]]
        open_decisions = (
            []
            if state.over(exercise)
            else exercise.decisions_for(exercise.phases[state.phase].id, seat.id)
        )
        progress.append(
            SeatProgress(
                seat.id,
                seat.name,
                [p.user.display_name for p in sess.participants if p.seat == seat.id],
                sum(1 for d in open_decisions if d.id in choices),
                len(open_decisions),
                len(reached),
                len(mine) - len(reached),
            )
        )
    fragments = []
    for fragment in exercise.fragments:
        if exercise.phase_index(fragment.phase) > state.phase:
            continue
        reached, acts = share_status(state, fragment.id)
        released = not fragment.inject or fragment.id in state.released
        fragments.append((fragment, released, sorted(reached), acts))
    return {
        "exercise": exercise,
        "state": state,
        "over": state.over(exercise),
        "progress": progress,
        "fragments": fragments,
        "board": board(exercise, state, None),
        "unseated": [p.user.display_name for p in sess.participants if p.seat is None],
        "etag": sessions.etag(sess, exercise, now),
        "names": {s.id: s.name for s in exercise.seats},
        "basis": Basis,
    }
