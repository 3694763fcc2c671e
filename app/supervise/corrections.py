"""A supervisor corrects or withdraws their own comment on a reflection. Both are audited with the
text as it was; the learner sees the corrected text (marked corrected) or that it was withdrawn,
by whom and when."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from ..action_form import ActionForm, confirmed
from ..authz import load_or_refuse
from ..db import db
from ..models import Reflection, ReflectionComment, SupervisionSession, User
from ..services import supervision_records as records
from .forms import MAX_COMMENT, CommentForm, NotesForm
from .views import bp, reflection_href


def _back(comment: ReflectionComment) -> str:
    return reflection_href(db.session.get(Reflection, comment.reflection_id))


@bp.route("/comments/<int:comment_id>/correct", methods=["GET", "POST"])
def correct_comment(comment_id: int):
    comment = load_or_refuse(ReflectionComment, comment_id, "change_comment")
    if comment.withdrawn_at:
        flash("That comment was withdrawn, so it cannot be corrected.", "info")
        return redirect(_back(comment))
    form = CommentForm(data=None if CommentForm().is_submitted() else {"text": comment.text})
    form.submit.label.text = "Save the correction"
    if form.validate_on_submit():
        records.correct_comment(db.session, current_user, comment, form.text.data)
        db.session.commit()
        flash("Comment corrected. The learner sees the corrected text.", "success")
        return redirect(_back(comment))
    reflection = db.session.get(Reflection, comment.reflection_id)
    return render_template(
        "supervise/comment_correct.html",
        comment=comment,
        reflection=reflection,
        person=db.session.get(User, reflection.user_id),
        form=form,
        withdraw=ActionForm(),
        max_comment=MAX_COMMENT,
    ), 400 if form.errors else 200


@bp.post("/comments/<int:comment_id>/withdraw")
def withdraw_comment(comment_id: int):
    comment = load_or_refuse(ReflectionComment, comment_id, "change_comment")
    confirmed()
    if not comment.withdrawn_at:
        records.withdraw_comment(db.session, current_user, comment)
        db.session.commit()
    flash("Comment withdrawn. The learner sees that you withdrew it, and when.", "success")
    return redirect(_back(comment))


def _history(record: SupervisionSession) -> str:
    return url_for("supervise.learner", learner_id=record.learner_id, _anchor="history")


@bp.route("/records/<int:record_id>/correct", methods=["GET", "POST"])
def correct_record(record_id: int):
    record = load_or_refuse(SupervisionSession, record_id, "change_record")
    if record.withdrawn_at:
        flash("That record was withdrawn, so it cannot be corrected.", "info")
        return redirect(_history(record))
    form = NotesForm(data=None if NotesForm().is_submitted() else {"notes": record.notes})
    if form.validate_on_submit():
        records.correct_notes(db.session, current_user, record, form.notes.data or "")
        db.session.commit()
        flash("Record corrected. The learner sees the corrected notes.", "success")
        return redirect(_history(record))
    return render_template(
        "supervise/record_correct.html",
        record=record,
        person=db.session.get(User, record.learner_id),
        form=form,
        withdraw=ActionForm(),
    ), 400 if form.errors else 200


@bp.post("/records/<int:record_id>/withdraw")
def withdraw_record(record_id: int):
    record = load_or_refuse(SupervisionSession, record_id, "change_record")
    confirmed()
    if not record.withdrawn_at:
        records.withdraw_record(db.session, current_user, record)
        db.session.commit()
    flash(
        "Record withdrawn. The learner sees that you withdrew it, and when; the prompts it "
        "covered are open again.",
        "success",
    )
    return redirect(_history(record))
