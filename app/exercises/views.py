"""Exercises: the list, starting a session (facilitated or solo), joining, taking a seat."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..authz import can, load_or_refuse, require
from ..db import db
from ..exercise import PlayError
from ..models import StoredExercise
from ..services import exercise_library, exercise_sessions
from ..services.exercise_overview import my_sessions
from .common import bp, code_hours, load_session, now
from .forms import JoinForm, SeatForm, SoloForm, StartForm


def _version(slug: str):
    stored = load_or_refuse(StoredExercise, slug, by=StoredExercise.slug)
    if stored.current_version is None:
        abort(404)
    return stored.current_version


def _solo_form(exercise) -> SoloForm:
    form = SoloForm()
    form.seat.choices = [(s.id, s.name) for s in exercise.seats]
    return form


@bp.get("/exercises")
def index():
    entries = []
    for version in exercise_library.catalogue(db.session):
        exercise = exercise_library.parsed(version)
        entries.append((version, exercise, StartForm(), _solo_form(exercise)))
    return render_template(
        "exercises/index.html",
        entries=entries,
        join_form=JoinForm(),
        sessions=my_sessions(db.session, current_user, now()),
    )


@bp.post("/exercises/<slug>/start")
def start(slug: str):
    require("area:facilitate")
    version = _version(slug)
    form = StartForm()
    if not form.validate_on_submit() or (form.mode.data == "dated" and not form.first_date.data):
        flash("Choose how the partnership will take part, and a first date for a dated session.")
        return redirect(url_for(".index"))
    exercise = exercise_library.parsed(version)
    schedule = None
    if form.mode.data == "dated":
        schedule = [form.first_date.data + timedelta(days=i) for i in range(len(exercise.phases))]
    sess = exercise_sessions.start(
        db.session, version, current_user, form.mode.data, now(), code_hours(), schedule
    )
    db.session.commit()
    return redirect(url_for(".session", session_id=sess.id))


@bp.post("/exercises/<slug>/solo")
def solo(slug: str):
    version = _version(slug)
    form = _solo_form(exercise_library.parsed(version))
    if not form.validate_on_submit():
        flash("Choose the seat you will play.")
        return redirect(url_for(".index"))
    sess = exercise_sessions.start(
        db.session, version, current_user, "solo", now(), code_hours(), solo_seat=form.seat.data
    )
    db.session.commit()
    return redirect(url_for(".seat", session_id=sess.id, seat=form.seat.data))


@bp.route("/exercises/join", methods=["GET", "POST"])
def join():
    form = JoinForm(code=request.args.get("code", ""))
    if form.validate_on_submit():
        sess = exercise_sessions.by_code(db.session, form.code.data, now())
        if sess is None:
            form.code.errors.append(
                "That code does not open a session. Check it, or ask your facilitator for a "
                "new one: codes expire."
            )
        else:
            exercise_sessions.join(db.session, sess, current_user)
            db.session.commit()
            return redirect(url_for(".session", session_id=sess.id))
    return render_template("exercises/join.html", form=form)


@bp.get("/exercises/sessions/<int:session_id>")
def session(session_id: int):
    """Facilitators see the facilitator's view; participants go to their seat (or choose one)."""
    sess = load_session(session_id)
    if can(current_user, "facilitate_session", sess) and sess.mode != "solo":
        from .facilitate import facilitator_page

        return facilitator_page(sess)
    person = exercise_sessions.participant(db.session, sess, current_user)
    if person is not None and person.seat:
        return redirect(url_for(".seat", session_id=sess.id, seat=person.seat))
    exercise = exercise_library.parsed(sess.version)
    form = SeatForm()
    counts = {s.id: sum(1 for p in sess.participants if p.seat == s.id) for s in exercise.seats}
    form.seat.choices = [
        (s.id, f"{s.name} ({counts[s.id]} {'person' if counts[s.id] == 1 else 'people'} here)")
        for s in exercise.seats
    ]
    return render_template("exercises/choose_seat.html", sess=sess, exercise=exercise, form=form)


@bp.post("/exercises/sessions/<int:session_id>/seat")
def take_seat(session_id: int):
    sess = load_session(session_id)
    person = exercise_sessions.participant(db.session, sess, current_user)
    form = SeatForm()
    form.seat.choices = [(s.id, s.name) for s in exercise_library.parsed(sess.version).seats]
    if person is None or not form.validate_on_submit():
        flash("Choose one of the seats.")
        return redirect(url_for(".session", session_id=sess.id))
    try:
        exercise_sessions.take_seat(db.session, sess, person, form.seat.data)
    except PlayError as error:
        flash(str(error))
        return redirect(url_for(".session", session_id=sess.id))
    db.session.commit()
    return redirect(url_for(".seat", session_id=sess.id, seat=person.seat))
