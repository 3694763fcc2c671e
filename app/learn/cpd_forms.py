"""The form a learner writes a CPD entry with: four answers and the NMC Code's themes."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovSubmitInput,
)
from wtforms import SelectMultipleField, SubmitField, TextAreaField
from wtforms.validators import Length

from ..form_checks import NoBidiControls
from ..services.cpd import CODE_THEMES

LIMIT = 5000


def _answer(label: str, hint: str) -> TextAreaField:
    return TextAreaField(
        label,
        description=hint,
        widget=GovCharacterCount(),
        validators=[
            Length(max=LIMIT, message=f"Write at most {LIMIT:,} characters"),
            NoBidiControls(),
        ],
    )


class CpdEntryForm(FlaskForm):
    relevance = _answer(
        "Why is it relevant to your practice?", "For example, the families or settings you work in."
    )
    learnt = _answer("What did you learn?", "Drafted from your reflections: make it your own.")
    impact = _answer(
        "What impact has it had, or will it have, on your practice?",
        "What you do differently now, and what that means for the children and families you "
        "work with.",
    )
    peer = _answer(
        "Peer reflection: what did you learn from discussing it with a colleague?",
        "For example, in supervision or a team meeting.",
    )
    themes = SelectMultipleField(
        "Which themes of the NMC Code does it relate to?",
        description="Nurses and midwives: choose any that apply. Others can leave these.",
        choices=list(CODE_THEMES.items()),
        widget=GovCheckboxesInput(),
    )
    submit = SubmitField("Save for my CPD record", widget=GovSubmitInput())
