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


STAGE_CHOICES = [
    ("experience", "What happened (experience)"),
    ("reflection", "How it felt and what they noticed (reflection)"),
    ("analysis", "Why it went that way (analysis)"),
    ("action", "What they will do next time (action)"),
]
PLACEHOLDER_HINT = (
    "Write to the learner, as the supervisor will ask it. You may use {scenarios} (the "
    "scenarios' titles), {count} and {of} (how many times, out of how many chances) and {tag} "
    "(the tag's label)."
)


class RuleForm(FlaskForm):
    key = StringField("Rule id", widget=GovTextInput(), description=FIXED,
                      validators=[DataRequired("Enter an id"), ID_CHECK])  # fmt: skip
    kind = RadioField("What the rule finds", widget=GovRadioInput(), default="concern",
                      choices=[("concern", "Something to explore with the learner"),
                               ("strength", "A strength to name")])  # fmt: skip
    pattern = RadioField("When", widget=GovRadioInput(), default="chose", choices=[
        ("chose", "Their choices carry the tag"),
        ("missed", "They passed over an option with the tag when it was on offer"),
        ("ended", "Their endings carry the tag")])  # fmt: skip
    tag = SelectField("Tag", widget=GovSelect(), validate_choice=False,
                      description="One of this source's tags: add it under Tags first",
                      validators=[DataRequired("Choose a tag")])  # fmt: skip
    scenarios = IntegerField("In how many different scenarios", widget=GovTextInput(), default=1,
                             description="1 asks after the first scenario; 2 or more waits "
                             "for a pattern across scenarios",
                             validators=[DataRequired("Enter a number from 1 to 20"),
                                         NumberRange(1, 20, "Enter a number from 1 to 20")])  # fmt: skip
    stage = RadioField("Stage of the supervision conversation", widget=GovRadioInput(),
                       choices=STAGE_CHOICES, default="analysis",
                       description="Where the question sits on the supervisor's agenda")  # fmt: skip
    prompt = TextAreaField("Ask the supervisor", widget=GovTextArea(), description=PLACEHOLDER_HINT,
                           validators=[DataRequired("Write the question"), Length(max=2000)])  # fmt: skip
    attention = StringField("Short line for the team dashboard (optional)", widget=GovTextInput(),
                            description="For something to explore only, like 'Passed over asking "
                            "alone at {count} of {of} decisions'", validators=[Length(max=300)])  # fmt: skip
    preview = SubmitField("Preview the wording", widget=GovSubmitInput())
    submit = SubmitField("Add rule", widget=GovSubmitInput())
