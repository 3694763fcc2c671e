"""The facilitator's side: who has joined, every seat's progress, every fragment, injects,
moving phases, the join code; and the printable facilitator pack."""

from __future__ import annotations

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from ..authz import can
from ..db import db
from ..exercise import PlayError
from ..models import ExerciseSession
from ..services import exercise_sessions
from ..services.exercise_library import parsed
from ..services.exercise_views import facilitator_view
from .common import bp, code_hours, load_session, now
from .forms import ButtonForm


def _facilitated(session_id: int) -> ExerciseSession:
    sess = load_session(session_id, "facilitate_session")
    return sess


def facilitator_page(sess: ExerciseSession):
    view = facilitator_view(db.session, sess, now())
    link = url_for(".join", code=sess.join_code, _external=True) if sess.join_code else None
    expired = sess.code_expires_at is not None and sess.code_expires_at < now()
    return render_template(
        "exercises/facilitate.html",
        sess=sess,
        view=view,
        link=link,
        expired=expired,
        button=ButtonForm(),
    )


@bp.get("/exercises/sessions/<int:session_id>/facilitator-feed")
def facilitator_feed(session_id: int):
    sess = _facilitated(session_id)
    view = facilitator_view(db.session, sess, now())
    if request.if_none_match.contains(view["etag"]):
        return "", 304, {"ETag": f'"{view["etag"]}"'}
    html = render_template("exercises/_facilitate_live.html", sess=sess, view=view)
    response = jsonify(etag=view["etag"], phase=view["state"].phase, over=view["over"], html=html)
    response.set_etag(view["etag"])
    return response


def _act(session_id: int, action) -> object:
    sess = _facilitated(session_id)
    if not ButtonForm().validate_on_submit():
        abort(400)
    try:
        action(sess)
    except PlayError as error:
        flash(str(error))
        return redirect(url_for(".session", session_id=sess.id))
    db.session.commit()
    return None


@bp.post("/exercises/sessions/<int:session_id>/code")
def rotate(session_id: int):
    refused = _act(
        session_id,
        lambda s: exercise_sessions.rotate_code(db.session, s, current_user, now(), code_hours()),
    )
    if refused:
        return refused
    flash("A new join code is ready. The old one no longer works.", "success")
    return redirect(url_for(".session", session_id=session_id))


@bp.post("/exercises/sessions/<int:session_id>/release/<fragment>")
def release(session_id: int, fragment: str):
    refused = _act(
        session_id,
        lambda s: exercise_sessions.release_inject(db.session, s, current_user, fragment, now()),
    )
    if refused:
        return refused
    flash("Inject released to its seat.", "success")
    return redirect(url_for(".session", session_id=session_id))


@bp.post("/exercises/sessions/<int:session_id>/advance")
def advance(session_id: int):
    """Close the open phase; live sessions by the facilitator, solo sessions by the learner."""
    refused = _act(
        session_id, lambda s: exercise_sessions.next_phase(db.session, s, current_user, now())
    )
    if refused:
        return refused
    sess = db.session.get(ExerciseSession, session_id)
    exercise = parsed(sess.version)
    if sess.phase >= len(exercise.phases):
        flash("The exercise is over. The debrief is ready.", "success")
        return redirect(url_for(".debrief", session_id=session_id))
    flash(f"Phase {sess.phase + 1} is open: {exercise.phases[sess.phase].title}.", "success")
    if sess.mode == "solo":
        return redirect(url_for(".seat", session_id=session_id, seat=sess.solo_seat))
    return redirect(url_for(".session", session_id=session_id))


@bp.get("/exercises/sessions/<int:session_id>/pack")
def pack(session_id: int):
    sess = _facilitated(session_id)
    if not can(current_user, "area:facilitate"):
        abort(404)
    return render_template("exercises/pack.html", sess=sess, exercise=parsed(sess.version))
