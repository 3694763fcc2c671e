"""Running an exercise: sessions, join codes, seats, and the acts of play, stored as rows.

The engine (app.exercise) decides whether an act is allowed; this module turns rows into its
`PlayState`, stores allowed acts, audits them and bumps the session's `revision` so every
screen polling the update feed notices. The caller commits.
"""

from __future__ import annotations

import secrets
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..exercise import (
    Basis,
    Choice,
    Exercise,
    Feedback,
    PlayError,
    PlayState,
    ShareAct,
    advance,
    decide,
    release,
    share,
    share_feedback,
    with_solo,
)
from ..models import (
    AuditEvent,
    ExerciseChoice,
    ExerciseParticipant,
    ExerciseRelease,
    ExerciseSession,
    ExerciseShare,
    ExerciseVersion,
    User,
)
from .exercise_library import parsed

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I to misread
MODES = ("live", "dated", "solo")


def _audit(session: Session, actor: User | None, action: str, sess: ExerciseSession, **detail):
    session.add(
        AuditEvent(
            actor_id=actor.id if actor else None,
            action=action,
            subject_user_id=detail.pop("subject", actor.id if actor else None),
            detail={"session_id": sess.id, **detail},
        )
    )


def _new_code(session: Session) -> str:
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(6))
        if (
            session.scalar(select(ExerciseSession.id).where(ExerciseSession.join_code == code))
            is None
        ):
            return code


def start(
    session: Session,
    version: ExerciseVersion,
    user: User,
    mode: str,
    now: datetime,
    code_hours: int,
    schedule: list[date] | None = None,
    solo_seat: str | None = None,
) -> ExerciseSession:
    """A new session. Live and dated sessions get a join code and `user` facilitates; a solo
    session has one participant, `user`, in `solo_seat`, and no code."""
    assert mode in MODES
    sess = ExerciseSession(version_id=version.id, mode=mode, phase=0, revision=1)
    sess.schedule = [d.isoformat() for d in schedule or []]
    if mode == "solo":
        sess.solo_seat = solo_seat
        session.add(sess)
        session.flush()
        session.add(ExerciseParticipant(session_id=sess.id, user_id=user.id, seat=solo_seat))
    else:
        sess.facilitator_id = user.id
        sess.join_code = _new_code(session)
        sess.code_expires_at = now + timedelta(hours=code_hours)
        session.add(sess)
        session.flush()
    _audit(session, user, "exercise.start", sess, mode=mode, version_id=version.id)
    return sess


def rotate_code(session: Session, sess: ExerciseSession, user: User, now: datetime, hours: int):
    """A new join code; the old one stops working at once."""
    sess.join_code = _new_code(session)
    sess.code_expires_at = now + timedelta(hours=hours)
    _audit(session, user, "exercise.rotate_code", sess)


def by_code(session: Session, code: str, now: datetime) -> ExerciseSession | None:
    """The session a code opens, unless the code is unknown or has expired."""
    code = code.strip().upper().replace(" ", "")
    if not code:
        return None
    sess = session.scalar(select(ExerciseSession).where(ExerciseSession.join_code == code))
    if sess is None or sess.code_expires_at is None or sess.code_expires_at < now:
        return None
    return sess


def participant(session: Session, sess: ExerciseSession, user: User) -> ExerciseParticipant | None:
    return session.scalar(
        select(ExerciseParticipant).where(
            ExerciseParticipant.session_id == sess.id, ExerciseParticipant.user_id == user.id
        )
    )


def join(session: Session, sess: ExerciseSession, user: User) -> ExerciseParticipant:
    """Join a session (once; joining again returns the same place)."""
    found = participant(session, sess, user)
    if found is None:
        found = ExerciseParticipant(session_id=sess.id, user_id=user.id)
        session.add(found)
        session.flush()
        _audit(session, user, "exercise.join", sess)
        bump(sess)
    return found


def take_seat(session: Session, sess: ExerciseSession, person: ExerciseParticipant, seat: str):
    exercise = parsed(sess.version)
    if seat not in {s.id for s in exercise.seats}:
        raise PlayError("Choose one of the seats.")
    if person.seat is not None:
        raise PlayError("You already have a seat in this session.")
    person.seat = seat
    _audit(session, person.user, "exercise.take_seat", sess, seat=seat)
    bump(sess)


def bump(sess: ExerciseSession) -> None:
    sess.revision = (sess.revision or 0) + 1


def phase_now(sess: ExerciseSession, exercise: Exercise, now: datetime) -> int:
    """The open phase: the stored one, or later when a dated session's next date has come."""
    if sess.mode == "dated" and sess.schedule:
        opened = sum(1 for d in sess.schedule if date.fromisoformat(d) <= now.date())
        return max(sess.phase, min(opened, len(exercise.phases)) - 1, 0)
    return sess.phase


def is_over(sess: ExerciseSession, now: datetime) -> bool:
    """Has every phase closed (a dated session's last date passed, or the facilitator closed it)?"""
    exercise = parsed(sess.version)
    return phase_now(sess, exercise, now) >= len(exercise.phases)


def etag(sess: ExerciseSession, exercise: Exercise, now: datetime) -> str:
    """Changes whenever anything a screen shows may have changed."""
    return f"{sess.revision}-{phase_now(sess, exercise, now)}"


def state(session: Session, sess: ExerciseSession, now: datetime) -> PlayState:
    """The session's rows as the engine's PlayState (solo: with the typical partnership)."""
    exercise = parsed(sess.version)
    phase = phase_now(sess, exercise, now)
    released = set(
        session.scalars(
            select(ExerciseRelease.fragment).where(ExerciseRelease.session_id == sess.id)
        )
    )
    if sess.mode != "live":  # no one to release injects: they arrive when their phase opens
        released |= {
            f.id for f in exercise.fragments if f.inject and exercise.phase_index(f.phase) <= phase
        }
    shares = tuple(
        ShareAct(
            r.fragment,
            r.by_seat,
            frozenset(s for s in r.to_seats.split(",") if s),
            Basis(r.basis),
            r.why,
            r.phase,
            r.at,
        )
        for r in session.scalars(
            select(ExerciseShare)
            .where(ExerciseShare.session_id == sess.id)
            .order_by(ExerciseShare.id)
        )
    )
    choices = tuple(
        Choice(r.decision, r.seat, r.option, r.why)
        for r in session.scalars(
            select(ExerciseChoice)
            .where(ExerciseChoice.session_id == sess.id)
            .order_by(ExerciseChoice.id)
        )
    )
    played = PlayState(phase, frozenset(released), shares, choices)
    if sess.mode == "solo" and sess.solo_seat:
        return with_solo(exercise, played, sess.solo_seat)
    return played


def record_share(
    session: Session,
    sess: ExerciseSession,
    user: User,
    act: ShareAct,
    now: datetime,
) -> Feedback:
    """Store a sharing act the rules allow (PlayError otherwise) and return its feedback."""
    exercise = parsed(sess.version)
    current = state(session, sess, now)
    after = share(exercise, current, act)
    made = after.shares[-1]
    session.add(
        ExerciseShare(
            session_id=sess.id,
            user_id=user.id,
            fragment=made.fragment,
            by_seat=made.by_seat,
            to_seats=",".join(sorted(made.to)),
            basis=made.basis.value,
            why=made.why,
            phase=made.phase,
            at=now,
        )
    )
    _audit(session, user, "exercise.share", sess, fragment=made.fragment, to=sorted(made.to))
    bump(sess)
    return share_feedback(exercise, made)


def record_choice(session: Session, sess: ExerciseSession, user: User, choice: Choice, now):
    exercise = parsed(sess.version)
    current = state(session, sess, now)
    decide(exercise, current, choice)
    session.add(
        ExerciseChoice(
            session_id=sess.id,
            user_id=user.id,
            seat=choice.seat,
            decision=choice.decision,
            option=choice.option,
            why=choice.why.strip(),
            phase=current.phase,
            at=now,
        )
    )
    bump(sess)


def release_inject(session: Session, sess: ExerciseSession, user: User, fragment: str, now):
    exercise = parsed(sess.version)
    current = state(session, sess, now)
    if fragment in current.released:
        return
    release(exercise, current, fragment)
    session.add(
        ExerciseRelease(session_id=sess.id, fragment=fragment, released_by_id=user.id, at=now)
    )
    _audit(session, user, "exercise.release", sess, fragment=fragment)
    bump(sess)


def next_phase(session: Session, sess: ExerciseSession, user: User, now: datetime) -> None:
    """Close the open phase (decisions in it can no longer change) and open the next."""
    exercise = parsed(sess.version)
    after = advance(exercise, state(session, sess, now))
    sess.phase = after.phase
    _audit(session, user, "exercise.phase", sess, phase=after.phase)
    bump(sess)
