"""Forms for a learning source and the things it holds. Ids follow the scenario format's rule."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import IntegerField, RadioField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Regexp

from ..engine.parser import ID_RE

ID_HINT = "Lower-case letters, digits and hyphens, like 'domestic-abuse-review'"
ID_CHECK = Regexp(ID_RE, message=ID_HINT)
FIXED = ID_HINT + ". It cannot be changed later: scenarios and supervision rules name it."
KINDS = [
    ("review", "A practice review"),
    ("thematic", "A thematic report"),
    ("policy", "A policy or guidance"),
]


def _title(label: str = "Title") -> StringField:
    return StringField(
        label,
        widget=GovTextInput(),
        validators=[DataRequired(f"Enter the {label.lower()}"), Length(max=300)],
    )


class SourceForm(FlaskForm):
    slug = StringField("Source id", widget=GovTextInput(), description=ID_HINT,
                       validators=[DataRequired("Enter an id"), ID_CHECK])  # fmt: skip
    title = _title()
    kind = RadioField("Kind of source", choices=KINDS, default="review", widget=GovRadioInput())
    summary = TextAreaField("Summary", widget=GovTextArea(), validators=[Length(max=2000)])
    submit = SubmitField("Save source", widget=GovSubmitInput())


class FindingForm(FlaskForm):
    number = IntegerField("Finding number", widget=GovTextInput(),
                          description="It cannot be changed later: competencies use it",
                          validators=[DataRequired("Enter the finding's number"),
                                      NumberRange(1, 999, "Enter a number from 1 to 999")])  # fmt: skip
    title = _title()
    page = SelectField("Briefing page", widget=GovSelect(), validate_choice=False)
    submit = SubmitField("Add finding", widget=GovSubmitInput())


class CompetencyForm(FlaskForm):
    key = StringField("Competency id", widget=GovTextInput(), description=FIXED,
                      validators=[DataRequired("Enter an id"), ID_CHECK])  # fmt: skip
    name = _title("Name")
    findings = StringField("Findings behind it", widget=GovTextInput(),
                           description="Finding numbers, separated by commas, like '1, 3'",
                           validators=[Regexp(r"^[\d,\s]*$", message="Use numbers and commas")])  # fmt: skip
    briefing = SelectField("Briefing page", widget=GovSelect(), validate_choice=False)
    good = TextAreaField("What good practice looks like", widget=GovTextArea(),
                         validators=[Length(max=2000)])  # fmt: skip
    submit = SubmitField("Add competency", widget=GovSubmitInput())


class TagForm(FlaskForm):
    key = StringField("Tag id", widget=GovTextInput(), description=FIXED,
                      validators=[DataRequired("Enter an id"), ID_CHECK])  # fmt: skip
    label = _title("Label")
    submit = SubmitField("Add tag", widget=GovSubmitInput())


class PageForm(FlaskForm):
    slug = StringField("Page id", widget=GovTextInput(), description=ID_HINT,
                       validators=[DataRequired("Enter an id"), ID_CHECK])  # fmt: skip
    title = _title()
    body = TextAreaField("Briefing (Markdown)", widget=GovTextArea(),
                         validators=[Length(max=50000)])  # fmt: skip
    submit = SubmitField("Save page", widget=GovSubmitInput())
