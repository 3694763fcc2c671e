"""A seat's page: the phase's story, the seat's fragments, what others shared with it, the
partnership board; sharing and deciding; and the update feed the page polls."""

from __future__ import annotations

from flask import flash, jsonify, redirect, render_template, request, url_for
from flask_login import current_user

from ..db import db
from ..exercise import Basis, Choice, PlayError, ShareAct
from ..services import exercise_sessions, xapi_queue
from ..services.exercise_views import seat_view
from .common import bp, load_seat, now
from .forms import BASIS_HINTS, DecideForm, ShareForm


def _share_form(view, fragment_id: str, formdata=None) -> ShareForm:
    form = ShareForm(prefix=fragment_id, formdata=formdata)
    form.to.choices = [(s.id, s.name) for s in view.exercise.seats if s.id != view.seat]
    return form


def _decide_form(decision, formdata=None) -> DecideForm:
    form = DecideForm(prefix=decision.id, formdata=formdata)
    form.option.choices = [(i, o.text) for i, o in enumerate(decision.options)]
    return form


def _open_decisions(view):
    if view.over:
        return []
    return view.exercise.decisions_for(view.exercise.phases[view.phase].id, view.seat)


@bp.get("/exercises/sessions/<int:session_id>/seats/<seat>")
def seat(session_id: int, seat: str):
    sess = load_seat(session_id, seat)
    view = seat_view(db.session, sess, seat, now())
    share_forms = {f.id: _share_form(view, f.id, formdata=None) for f in view.own}
    decide_forms = [(d, _decide_form(d, formdata=None)) for d in _open_decisions(view)]
    return render_template(
        "exercises/seat.html",
        sess=sess,
        view=view,
        share_forms=share_forms,
        decide_forms=decide_forms,
        basis_hints=BASIS_HINTS,
    )


@bp.get("/exercises/sessions/<int:session_id>/seats/<seat>/feed")
def seat_feed(session_id: int, seat: str):
    """The live part of the seat's page as HTML, with the session's revision as ETag: a poll
    with a matching If-None-Match costs one small query and returns 304."""
    sess = load_seat(session_id, seat)
    view = seat_view(db.session, sess, seat, now())
    if request.if_none_match.contains(view.etag):
        return "", 304, {"ETag": f'"{view.etag}"'}
    html = render_template("exercises/_seat_live.html", sess=sess, view=view)
    response = jsonify(etag=view.etag, phase=view.phase, over=view.over, html=html)
    response.set_etag(view.etag)
    return response


@bp.post("/exercises/sessions/<int:session_id>/seats/<seat>/share/<fragment>")
def share(session_id: int, seat: str, fragment: str):
    sess = load_seat(session_id, seat)
    view = seat_view(db.session, sess, seat, now())
    form = _share_form(view, fragment, formdata=request.form)
    back = redirect(url_for(".seat", session_id=sess.id, seat=seat) + f"#fragment-{fragment}")
    if not form.validate_on_submit():
        flash("Choose a basis, and the seats you share with (or say why you are not sharing).")
        return back
    act = ShareAct(
        fragment, seat, frozenset(form.to.data or ()), Basis(form.basis.data), form.why.data or ""
    )
    try:
        feedback = exercise_sessions.record_share(db.session, sess, current_user, act, now())
    except PlayError as error:
        flash(str(error))
        return back
    _queue_statements(sess)
    db.session.commit()
    verdict = "That basis fits here." if feedback.good else "Think again about that basis."
    flash(f"Recorded. {verdict} {feedback.specific}", "success")
    return back


@bp.post("/exercises/sessions/<int:session_id>/seats/<seat>/decide/<decision>")
def decide(session_id: int, seat: str, decision: str):
    sess = load_seat(session_id, seat)
    view = seat_view(db.session, sess, seat, now())
    found = next((d for d in _open_decisions(view) if d.id == decision), None)
    back = redirect(url_for(".seat", session_id=sess.id, seat=seat) + f"#decision-{decision}")
    if found is None:
        flash("That phase is closed, so the decision can no longer change.")
        return back
    form = _decide_form(found, formdata=request.form)
    if not form.validate_on_submit():
        flash("Choose what you would do.")
        return back
    choice = Choice(decision, seat, form.option.data, form.why.data or "")
    try:
        exercise_sessions.record_choice(db.session, sess, current_user, choice, now())
    except PlayError as error:
        flash(str(error))
        return back
    _queue_statements(sess)
    db.session.commit()
    flash("Decision saved. You can change it until the phase closes.", "success")
    return back


def _queue_statements(sess) -> None:
    """Queue the person's new xAPI statements, when a record store is set."""
    db.session.flush()
    xapi_queue.after_seat_change(
        db.session, exercise_sessions.participant(db.session, sess, current_user)
    )
