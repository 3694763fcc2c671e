"""The form behind every one-button change (deactivate, issue a link, delete, archive, request
approval): a CSRF token and a button. One class, used by every blueprint that needs it."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSubmitInput
from wtforms import SubmitField


class ActionForm(FlaskForm):
    submit = SubmitField("Confirm", widget=GovSubmitInput())
