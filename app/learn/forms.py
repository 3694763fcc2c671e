"""The forms of the player. Every one carries the step number it was drawn for."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovCharacterCount
from wtforms import HiddenField, RadioField, SubmitField, TextAreaField
from wtforms.validators import AnyOf, InputRequired

from ..engine import MAX_REFLECTION_CHARS
from ..kept_widgets import GovRadioInput, GovSubmitInput


class StepForm(FlaskForm):
    step = HiddenField()
    submit = SubmitField("Continue", widget=GovSubmitInput())


class ChoiceForm(StepForm):
    option = RadioField(
        "What do you do?",
        coerce=int,
        widget=GovRadioInput(),
        validators=[InputRequired("Choose what you would do")],
    )
    submit = SubmitField("Choose", widget=GovSubmitInput())


REFLECTION_HINT = (
    f"Write up to {MAX_REFLECTION_CHARS:,} characters. Only you and your supervisor can read it. "
    "If you think of a family you work with, leave out anything that could identify them, such "
    "as names, ages, addresses or schools."
)


class ReflectionForm(StepForm):
    reflection = TextAreaField(
        "Your reflection",
        widget=GovCharacterCount(),
        description=REFLECTION_HINT,
    )
    submit = SubmitField("Save and continue", widget=GovSubmitInput())
    skip = SubmitField("Skip this reflection", widget=GovSubmitInput())


class StartForm(FlaskForm):
    submit = SubmitField("Start", widget=GovSubmitInput())


class ActionDoneForm(FlaskForm):
    """Mark an agreed action done ("1") or not done ("0"): the value is explicit, so a double
    click cannot undo itself."""

    done = HiddenField(validators=[AnyOf(["0", "1"])])
