"""The blueprint and what its views share: loading a session or seat the one authz way."""

from __future__ import annotations

from flask import Blueprint, abort, current_app
from flask_login import current_user, login_required

from ..authz import SeatRef, can, load_or_refuse, require
from ..db import utcnow
from ..models import ExerciseSession
from ..services.exercise_library import parsed

bp = Blueprint("exercises", __name__)


@bp.before_request
@login_required
def _signed_in() -> None:
    require("area:learn")


def load_session(session_id: int, action: str = "view_session") -> ExerciseSession:
    """A session the signed-in person may see (404 otherwise: a guessed id reveals nothing)."""
    return load_or_refuse(ExerciseSession, session_id, action)


def load_seat(session_id: int, seat: str) -> ExerciseSession:
    """A session and one of its seats that the signed-in person may play, or 404."""
    sess = load_session(session_id)
    if seat not in {s.id for s in parsed(sess.version).seats}:
        abort(404)
    if not can(current_user, "play_seat", SeatRef(sess, seat)):
        abort(404)
    return sess


def now():
    return utcnow()


def code_hours() -> int:
    return current_app.config["EXERCISE_CODE_HOURS"]
