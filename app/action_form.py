"""The form behind every one-button change (deactivate, issue a link, delete, archive, request
approval): a CSRF token and a button. One class, used by every blueprint that needs it."""

from __future__ import annotations

from flask import abort
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import SubmitField


class ActionForm(FlaskForm):
    submit = SubmitField("Confirm", widget=GovSubmitInput())


def confirmed(form: FlaskForm | None = None) -> FlaskForm:
    """The posted one-button form (an ActionForm unless given), or 400 when it does not
    validate (a missing or expired CSRF token, a value that was never offered)."""
    form = form or ActionForm()
    if not form.validate_on_submit():
        abort(400)
    return form
