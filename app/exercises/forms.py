"""The forms of an exercise session. Each form posts to a URL naming what it acts on."""

from __future__ import annotations

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovDateInput,
    GovRadioInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    DateField,
    RadioField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import InputRequired, Length, Optional

from ..exercise import BASIS_ADVICE, Basis

WHY_MAX = 1000


class ButtonForm(FlaskForm):
    """A button that changes something (rotate the code, release an inject, next phase)."""

    submit = SubmitField("Go", widget=GovSubmitInput())


class StartForm(FlaskForm):
    mode = RadioField(
        "How will the partnership take part?",
        choices=[
            ("live", "Live: together, in a room or online; you move the phases"),
            ("dated", "Over several days: each phase opens on a date you set"),
        ],
        default="live",
        widget=GovRadioInput(),
        validators=[InputRequired("Choose how the partnership will take part")],
    )
    first_date = DateField(
        "First phase opens on (for sessions over several days)",
        widget=GovDateInput(),
        format="%d %m %Y",
        validators=[Optional()],
        description="Each later phase opens a day after the one before.",
    )
    submit = SubmitField("Start a session", widget=GovSubmitInput())


class SoloForm(FlaskForm):
    seat = RadioField(
        "Which seat will you play?",
        widget=GovRadioInput(),
        validators=[InputRequired("Choose a seat")],
    )
    submit = SubmitField("Play on my own", widget=GovSubmitInput())


class JoinForm(FlaskForm):
    code = StringField(
        "Join code",
        widget=GovTextInput(),
        validators=[InputRequired("Enter the join code your facilitator gave you"), Length(max=12)],
        description="Six letters and numbers, for example K7P2QX.",
    )
    submit = SubmitField("Join", widget=GovSubmitInput())


class SeatForm(FlaskForm):
    seat = RadioField(
        "Choose your seat", widget=GovRadioInput(), validators=[InputRequired("Choose a seat")]
    )
    submit = SubmitField("Take this seat", widget=GovSubmitInput())


class ShareForm(FlaskForm):
    to = SelectMultipleField("Share with", widget=GovCheckboxesInput(), validate_choice=True)
    basis = RadioField(
        "On what basis?",
        choices=[(b.value, b.label) for b in Basis],
        widget=GovRadioInput(),
        validators=[InputRequired("Choose a basis, or say you are not sharing it")],
    )
    why = TextAreaField(
        "Why? (needed if you do not share)",
        widget=GovTextArea(),
        validators=[Length(max=WHY_MAX)],
    )
    submit = SubmitField("Record", widget=GovSubmitInput())


class DecideForm(FlaskForm):
    option = RadioField(
        "What do you do?",
        coerce=int,
        widget=GovRadioInput(),
        validators=[InputRequired("Choose what you would do")],
    )
    why = TextAreaField(
        "Why? In a sentence or two", widget=GovTextArea(), validators=[Length(max=WHY_MAX)]
    )
    submit = SubmitField("Save my decision", widget=GovSubmitInput())


BASIS_HINTS = {b.value: BASIS_ADVICE[b] for b in Basis}
