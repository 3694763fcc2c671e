"""Authoring forms. Field names match the editing operations in app.authoring, and choices
(node ids, flags, competencies, tags) are filled in by the views from the draft itself."""

from flask_wtf import FlaskForm
from flask_wtf.file import FileField, FileRequired, FileSize
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovFileInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    FieldList,
    Form,
    FormField,
    HiddenField,
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, Optional, Regexp

from ..engine import AGENCY_KINDS, NodeKind
from ..engine.parser import ID_RE
from ..form_checks import NoBidiControls
from ..services.drafts import MAX_DRAFT_CHARS
from .field_hints import (
    AGENCIES_HINT,
    COMPETENCIES_HINT,
    CONDITION_GUIDE,
    CONTENT_NOTE_HINT,
    ELSE_HINT,
    FEEDBACK_HINT,
    FLAGS_HINT,
    GO_TO_HINT,
    ID_HINT,
    KIND_HINT,
    MINUTES_HINT,
    NODE_ID_HINT,
    OPTION_TEXT_HINT,
    OPTIONAL_HINT,
    OUTCOME_HINT,
    PROMPT_GUIDE,
    ROLE_HINT,
    SAY_HINT,
    SCENARIO_TEXT_HINT,
    SCORE_HINT,
    SETS_HINT,
    SLUG_HINT,
    START_HINT,
    SUMMARY_HINT,
    TAGS_HINT,
    TARGET_HINT,
    TEXT_HINT,
    TITLE_HINT,
    guided,
)

ID_CHECK = Regexp(ID_RE, message=ID_HINT)
KIND_HINTS = {  # one for every NodeKind, in its order
    NodeKind.SCENE: "Scene: some prose and a Continue button",
    NodeKind.CHOICE: "Choice: a question and options",
    NodeKind.REFLECTION: "Reflection: a question and a box to write in",
    NodeKind.ENDING: "Ending: the outcome and a debrief",
}
KINDS = [(kind.value, KIND_HINTS[kind]) for kind in NodeKind]
MAX_UPLOAD = 1024 * 1024


def limit(chars: int) -> Length:
    """A length limit that says what it is (the drafts service also caps the whole text)."""
    return Length(max=chars, message=f"Keep this to {chars:,} characters")


class NewDraftForm(FlaskForm):
    title = StringField(
        "Title",
        widget=GovTextInput(),
        description=TITLE_HINT,
        validators=[DataRequired("Enter a title"), Length(max=300), NoBidiControls()],
    )
    slug = StringField(
        "Scenario id",
        widget=GovTextInput(),
        description=SLUG_HINT,
        validators=[DataRequired("Enter an id"), ID_CHECK, Length(max=100)],
    )
    submit = SubmitField("Create draft", widget=GovSubmitInput())


class LoadedForm(FlaskForm):
    """A form that edits a draft carries the draft's text as it was when the page was drawn, so
    a save made after another author's is refused with their changes shown (app/author/stale.py)
    instead of silently overwriting them."""

    loaded = HiddenField()


NEW_STEP = "__new__"  # "A new step..." in a Leads to or Go to list


class NewStepFields:
    """The new step's title and kind, asked for when "A new step..." is chosen (shown by the
    editor's script at once, or after a first save without JavaScript)."""

    new_title = StringField(
        "Title of the new step",
        widget=GovTextInput(),
        description="For example 'Clinic visit'. It names the step in the editor's lists.",
        validators=[Length(max=200), NoBidiControls()],
    )
    new_kind = RadioField(
        "Kind of the new step",
        choices=KINDS,
        default=NodeKind.SCENE.value,
        widget=GovRadioInput(),
        description="A scene tells, a choice asks, a reflection gives a box to write in, an "
        "ending closes the story. You can change it on the step's own page.",
    )


class DetailsForm(LoadedForm):
    id = StringField("Scenario id", widget=GovTextInput(), description=SLUG_HINT,
                     validators=[DataRequired("Enter an id"), ID_CHECK])  # fmt: skip
    title = StringField("Title", widget=GovTextInput(), description=TITLE_HINT,
                        validators=[Length(max=300), NoBidiControls()])  # fmt: skip
    summary = TextAreaField("Summary", widget=GovTextArea(), description=SUMMARY_HINT,
                            validators=[limit(2_000)])  # fmt: skip
    role = StringField("The learner's role in the story", widget=GovTextInput(),
                       description=ROLE_HINT,
                       validators=[limit(300)])  # fmt: skip
    agencies = SelectMultipleField("Who it is for", choices=list(AGENCY_KINDS.items()),
                                   widget=GovCheckboxesInput(), description=AGENCIES_HINT)  # fmt: skip
    sources = SelectMultipleField(
        "Learning sources",
        widget=GovCheckboxesInput(),
        description=guided(
            "The reviews, reports or policies it draws on: its competencies, tags and feedback "
            "links come from these. None ticked: the default source",
            "learning-sources",
        ),
    )
    competencies = SelectMultipleField("Competencies it teaches", widget=GovCheckboxesInput(),
                                       description=COMPETENCIES_HINT)  # fmt: skip
    minutes = StringField("Minutes it takes", widget=GovTextInput(), validators=[limit(10)],
                          description=MINUTES_HINT)  # fmt: skip
    flags = StringField(
        "Flags",
        widget=GovTextInput(),
        validators=[limit(2_000)],
        description=FLAGS_HINT,
    )
    content_note = TextAreaField("Content note", widget=GovTextArea(), validators=[limit(2_000)],
                                 description=CONTENT_NOTE_HINT)  # fmt: skip
    start = SelectField("First node", widget=GovSelect(), description=START_HINT)
    submit = SubmitField("Save details", widget=GovSubmitInput())


class AddNodeForm(FlaskForm):
    kind = RadioField(
        "Kind of node",
        choices=KINDS,
        default=NodeKind.SCENE.value,
        widget=GovRadioInput(),
        description=KIND_HINT,
    )
    node_id = StringField("Node id", widget=GovTextInput(), description=NODE_ID_HINT,
                          validators=[DataRequired("Enter an id for the node"), ID_CHECK])  # fmt: skip
    submit = SubmitField("Add node", widget=GovSubmitInput())


class RouteForm(Form):
    target = SelectField("Go to", widget=GovSelect(), validate_choice=False, description=GO_TO_HINT)
    condition = StringField("Only if", widget=GovTextInput(), description=CONDITION_GUIDE,
                            validators=[limit(500)])  # fmt: skip


class NodeForm(NewStepFields, LoadedForm):
    new_id = StringField("Node id", widget=GovTextInput(), description=NODE_ID_HINT,
                         validators=[DataRequired("Enter an id"), ID_CHECK])  # fmt: skip
    kind = SelectField("Kind", choices=[(k, k.capitalize()) for k, _ in KINDS], widget=GovSelect(),
                       description=KIND_HINT)  # fmt: skip
    text = TextAreaField("Text", widget=GovTextArea(), description=TEXT_HINT,
                         validators=[limit(20_000)])  # fmt: skip
    condition = StringField("Show this node only if", widget=GovTextInput(),
                            description=CONDITION_GUIDE, validators=[limit(500)])  # fmt: skip
    else_target = SelectField("Otherwise go to", widget=GovSelect(), validate_choice=False,
                              description=ELSE_HINT)  # fmt: skip
    optional = BooleanField("The learner may skip this reflection", widget=GovCheckboxInput(),
                            description=OPTIONAL_HINT)  # fmt: skip
    outcome = StringField("Outcome", widget=GovTextInput(), validators=[limit(300)],
                          description=OUTCOME_HINT)  # fmt: skip
    tags = SelectMultipleField("Tags", widget=GovCheckboxesInput(), validate_choice=False,
                               description=TAGS_HINT)  # fmt: skip
    supervision = TextAreaField("Questions for supervision", widget=GovTextArea(),
                                description=PROMPT_GUIDE, validators=[limit(5_000)])  # fmt: skip
    routes = FieldList(FormField(RouteForm), label="Where next")
    submit = SubmitField("Save node", widget=GovSubmitInput())


SCORES = [("", "No score"), ("2", "+2"), ("1", "+1"), ("0", "0"), ("-1", "-1"), ("-2", "-2")]


class OptionForm(NewStepFields, LoadedForm):
    """Scores get one select per competency, added by `option_form()`."""

    text = StringField("Option text", widget=GovTextInput(), description=OPTION_TEXT_HINT,
                       validators=[DataRequired("Enter the option's text"), limit(1_000)])  # fmt: skip
    target = SelectField("Leads to", widget=GovSelect(), validate_choice=False,
                         description=TARGET_HINT)  # fmt: skip
    feedback = TextAreaField(
        "Feedback",
        widget=GovTextArea(),
        description=FEEDBACK_HINT,
        validators=[limit(10_000)],
    )
    say = TextAreaField(
        "What you might say (optional)",
        widget=GovTextArea(),
        description=SAY_HINT,
    )
    condition = StringField("Offer this option only if", widget=GovTextInput(),
                            description=CONDITION_GUIDE, validators=[limit(500)])  # fmt: skip
    sets = SelectMultipleField("Flags this option sets", widget=GovCheckboxesInput(),
                               validate_choice=False, description=SETS_HINT)  # fmt: skip
    tags = SelectMultipleField("Tags", widget=GovCheckboxesInput(), validate_choice=False,
                               description=TAGS_HINT)  # fmt: skip
    supervision = TextAreaField("Questions for supervision", widget=GovTextArea(),
                                description=PROMPT_GUIDE, validators=[limit(5_000)])  # fmt: skip
    keep_last = BooleanField(
        "Keep this option last",
        widget=GovCheckboxInput(),
        description="Learners see the options in an order shuffled for each attempt. Tick this "
        "for an option that reads best at the end, such as 'Something else'.",
    )
    submit = SubmitField("Save option", widget=GovSubmitInput())


def score_field_name(competency: str) -> str:
    return "score_" + competency.replace("-", "_")


def option_form(competencies: list[tuple[str, str]], **kwargs) -> OptionForm:
    """An OptionForm with a score select for each of the scenario's competencies."""

    class ScoredOptionForm(OptionForm):
        pass

    for key, name in competencies:
        setattr(ScoredOptionForm, score_field_name(key),
                SelectField(f"Score for {name}", choices=SCORES, widget=GovSelect(),
                            description=SCORE_HINT))  # fmt: skip
    return ScoredOptionForm(**kwargs)


class TextForm(LoadedForm):
    text = TextAreaField("Scenario text", widget=GovTextArea(), validators=[limit(MAX_DRAFT_CHARS)],
                         description=SCENARIO_TEXT_HINT)  # fmt: skip
    submit = SubmitField("Save text", widget=GovSubmitInput())


class PublishForm(FlaskForm):
    replace_newer = BooleanField(
        "I have checked the differences and want to replace the newer version",
        widget=GovCheckboxInput(),
    )
    submit = SubmitField("Publish", widget=GovSubmitInput())


class TestersForm(FlaskForm):
    testers = TextAreaField(
        "Email addresses of the people who test it first",
        widget=GovTextArea(),
        description="One a line. They see it in their list of scenarios marked 'Test version'. "
        "Nobody else sees it until you publish it to everyone.",
        validators=[limit(5_000)],
    )
    submit = SubmitField("Publish to these testers", widget=GovSubmitInput())


class DecisionForm(FlaskForm):
    comment = TextAreaField("Comment for the author", widget=GovTextArea(),
                            validators=[Optional(), Length(max=2000)])  # fmt: skip
    approve = SubmitField("Approve and publish", widget=GovSubmitInput())
    send_back = SubmitField("Send back", widget=GovSubmitInput())


class UploadForm(FlaskForm):
    file = FileField(
        "Choose a file",
        widget=GovFileInput(),
        validators=[FileRequired("Choose a file to upload"),
                    FileSize(MAX_UPLOAD, message="The file must be smaller than 1 MB")],
    )  # fmt: skip
    submit = SubmitField("Upload", widget=GovSubmitInput())


class SettingsForm(FlaskForm):
    approval_required = BooleanField(
        "A second author must approve each version before it is published",
        widget=GovCheckboxInput(),
    )
    back = HiddenField()  # the publish page offers the setting too, and returns there
    submit = SubmitField("Save settings", widget=GovSubmitInput())
