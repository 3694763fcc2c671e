"""The admin's form for a learning platform's registration, and the author's deep-link pick."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import RadioField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, ValidationError

from ..form_checks import NoBidiControls

LOOPBACK = {"localhost", "127.0.0.1", "::1"}


class PlatformAddress:
    """An https address (http only on this machine, for trying a platform out): the platform's
    keys and tokens must not be readable or replaceable on the way."""

    def __call__(self, form, field) -> None:
        parts = urlsplit((field.data or "").strip())
        if parts.scheme == "https" and parts.hostname:
            return
        if parts.scheme == "http" and parts.hostname in LOOPBACK:
            return
        raise ValidationError(f"{field.label.text} must be an address starting https://")


def _address(label: str, hint: str) -> StringField:
    return StringField(
        label,
        widget=GovTextInput(),
        description=hint,
        filters=[lambda v: (v or "").strip()],
        validators=[
            DataRequired(f"Enter the {label.lower()}"),
            Length(max=1000),
            PlatformAddress(),
        ],
    )


class PlatformForm(FlaskForm):
    name = StringField(
        "Name",
        widget=GovTextInput(),
        description="How people here will know it, for example 'Partnership Moodle'.",
        validators=[DataRequired("Enter a name"), Length(max=200), NoBidiControls()],
    )
    issuer = _address("Platform ID (issuer)", "In Moodle: 'Platform ID', the site's address.")
    client_id = StringField(
        "Client ID",
        widget=GovTextInput(),
        description="The platform gives this when the tool is added.",
        filters=[lambda v: (v or "").strip()],
        validators=[DataRequired("Enter the client ID"), Length(max=200)],
    )
    auth_login_url = _address("Authentication request URL", "In Moodle ends /mod/lti/auth.php.")
    token_url = _address("Access token URL", "In Moodle ends /mod/lti/token.php.")
    jwks_url = _address("Public keyset URL", "In Moodle ends /mod/lti/certs.php.")
    deployment_ids = TextAreaField(
        "Deployment IDs",
        widget=GovTextArea(),
        description="One a line. Launches from any other deployment are refused.",
        validators=[DataRequired("Enter at least one deployment ID"), Length(max=4000)],
    )
    submit = SubmitField("Save", widget=GovSubmitInput())


class DeepLinkForm(FlaskForm):
    scenario = RadioField(
        "Which scenario should the course link to?",
        widget=GovRadioInput(),
        validators=[DataRequired("Choose a scenario")],
    )
    submit = SubmitField("Add to the course", widget=GovSubmitInput())
