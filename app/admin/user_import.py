"""Admins import accounts from a CSV file: every row checked, problems listed by row and column,
nothing added unless every row is valid (app.services.user_import)."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user
from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired, FileSize
from govuk_frontend_wtf.wtforms_widgets import GovFileInput, GovSubmitInput
from wtforms import SubmitField

from ..db import db
from ..services import user_import
from .views import bp


class ImportForm(FlaskForm):
    file = FileField(
        "CSV file",
        widget=GovFileInput(),
        validators=[
            FileRequired("Choose a CSV file"),
            FileSize(user_import.MAX_BYTES, message="The file must be smaller than 512 KB"),
        ],
    )
    submit = SubmitField("Check and import", widget=GovSubmitInput())


@bp.route("/users/import", methods=["GET", "POST"])
def import_users():
    form = ImportForm()
    errors: list = []
    if form.validate_on_submit():
        rows, errors = user_import.read(form.file.data.read(user_import.MAX_BYTES + 1))
        planned, more = user_import.check(db.session, rows) if not errors else ([], [])
        errors += more
        if not errors and not planned:
            errors = [user_import.RowError(2, "file", "The file has no one in it")]
        if not errors:
            made = user_import.apply(db.session, planned, actor=current_user)
            db.session.commit()
            flash(f"Imported {len(made)} accounts. Issue each a set-password link from their page.")
            return redirect(url_for("admin.users"))
        db.session.rollback()
    return render_template(
        "admin/import.html", form=form, errors=errors, columns=user_import.COLUMNS
    )
