"""The learner's CPD record: a printable page, Markdown and CSV downloads, and the form that
writes one entry. Only the learner reads it (app.authz `record_cpd`); an admin gets it only in
the person's data export."""

from __future__ import annotations

from flask import Response, abort, flash, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import select

from ..authz import load_or_refuse
from ..db import db
from ..models import Attempt, ExerciseParticipant
from ..services import certificates, cpd, cpd_formats
from .cpd_forms import CpdEntryForm
from .views import _vocab, bp

KINDS = ("scenario", "exercise")


def _items():
    return cpd.record(db.session, current_user, _vocab())


def _finished(kind: str, ref_id: int):
    """The learner's finished attempt or exercise seat, or 404."""
    if kind == "scenario":
        return load_or_refuse(Attempt, ref_id, "record_cpd")
    if kind == "exercise":
        person = db.session.scalar(
            select(ExerciseParticipant.id).where(
                ExerciseParticipant.session_id == ref_id,
                ExerciseParticipant.user_id == current_user.id,
            )
        )
        return load_or_refuse(ExerciseParticipant, person or 0, "record_cpd")
    abort(404)


@bp.get("/my-learning/cpd")
def cpd_record():
    items = _items()
    issued = certificates.issued_to(db.session, current_user)
    return render_template(
        "learn/cpd_record.html",
        items=items,
        issued=issued,
        reminder=cpd_formats.REMINDER,
    )


def _download(body: str, mimetype: str, extension: str) -> Response:
    return Response(
        body,
        mimetype=mimetype,
        headers={"Content-Disposition": f'attachment; filename="cpd-record.{extension}"'},
    )


@bp.get("/my-learning/cpd.md")
def cpd_markdown():
    text = cpd_formats.to_markdown(_items(), current_user.display_name)
    return _download(text, "text/markdown", "md")


@bp.get("/my-learning/cpd.csv")
def cpd_csv():
    return _download(cpd_formats.to_csv(_items()), "text/csv", "csv")


@bp.route("/my-learning/cpd/<kind>/<int:ref_id>", methods=["GET", "POST"])
def cpd_entry(kind: str, ref_id: int):
    _finished(kind, ref_id)
    item = cpd.item_for(db.session, current_user, _vocab(), kind, ref_id)
    if item is None:
        abort(404)
    form = CpdEntryForm()
    if form.validate_on_submit():
        cpd.save(
            db.session,
            current_user,
            kind,
            ref_id,
            relevance=form.relevance.data,
            learnt=form.learnt.data,
            impact=form.impact.data,
            peer=form.peer.data,
            themes=form.themes.data,
        )
        db.session.commit()
        flash("Saved for your CPD record. Your reflections are unchanged.", "success")
        return redirect(url_for("learn.cpd_record", _anchor=f"{kind}-{ref_id}"))
    if not form.is_submitted():
        form.relevance.data, form.learnt.data = item.relevance, item.learnt
        form.impact.data, form.peer.data, form.themes.data = item.impact, item.peer, item.themes
    status = 400 if form.errors else 200
    return render_template("learn/cpd_entry.html", item=item, form=form), status
