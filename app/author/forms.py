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
from markupsafe import Markup
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

ID_HINT = "Lower-case letters, digits and hyphens, like 'home-visit'"
ID_CHECK = Regexp(ID_RE, message=ID_HINT)
KIND_HINTS = {  # one for every NodeKind, in its order
    NodeKind.SCENE: "Scene: some prose and a Continue button",
    NodeKind.CHOICE: "Choice: a question and options",
    NodeKind.REFLECTION: "Reflection: a question and a box to write in",
    NodeKind.ENDING: "Ending: the outcome and a debrief",
}
KINDS = [(kind.value, KIND_HINTS[kind]) for kind in NodeKind]
CONDITION_HINT = "Optional. A flag, 'not' a flag, or several joined by 'and'"
PROMPT_HINT = (
    "Optional. One question for the learner's supervisor per line. Start a line with "
    "(experience), (reflection), (analysis) or (action) to place it under that heading of the "
    "supervisor's agenda."
)
MAX_UPLOAD = 1024 * 1024


def guided(text: str, section: str, words: str = "More in the guide") -> Markup:
    """Hint text with a link to the section of the authoring guide (/author/format) that explains
    the field. It opens in a new tab, so nothing typed on the form is lost."""
    return Markup(  # noqa: S704 - the arguments are escaped by format()
        '{} <a class="govuk-link" href="/author/format#{}" target="_blank" rel="noopener">{} '
        "(opens in a new tab)</a>."
    ).format(text, section, words)


TITLE_HINT = "What learners see in the catalogue and at the top of each page."
SLUG_HINT = guided(
    ID_HINT + ". It names the scenario for good, so choose it with care", "the-header"
)
SUMMARY_HINT = guided("Shown in the catalogue: one or two sentences on what happens", "the-header")
ROLE_HINT = guided("Who the learner plays, for example 'School safeguarding lead'", "the-header")
AGENCIES_HINT = "The agencies whose staff should take it; the catalogue can be filtered by these."
COMPETENCIES_HINT = guided(
    "What it teaches. Each option can score -2 to +2 on each of these, and the learner's profile "
    "at the end shows how they did",
    "scores-and-the-competency-profile",
)
MINUTES_HINT = "Roughly how long one play-through takes, in whole minutes."
FLAGS_HINT = guided(
    "Flags remember what the learner did, such as 'visited-home'. An option can set a flag, and "
    "a later step or option can appear only if it is set. List every flag, separated by commas; "
    "this catches typing mistakes",
    "flags-and-conditions",
)
CONTENT_NOTE_HINT = guided(
    "Optional. Shown before the scenario starts, with links to support: say what difficult "
    "subjects it covers",
    "the-header",
)
START_HINT = "The step the learner sees first."
KIND_HINT = guided(
    "A scene tells; a choice asks and offers options; a reflection asks the learner to write; "
    "an ending closes the story with an outcome and a debrief",
    "nodes",
)
NODE_ID_HINT = guided(ID_HINT + ". Other steps use it to lead here; learners never see it", "nodes")
TEXT_HINT = guided(
    "Markdown: **bold**, *italic*, blank lines between paragraphs, '- ' for a list. Add a "
    "picture or sound with the reference from the Images and audio page",
    "images-and-audio",
)
GO_TO_HINT = guided("The step that comes next", "nodes")
ELSE_HINT = guided(
    "Where the learner goes instead when this step's condition does not hold",
    "flags-and-conditions",
)
OPTIONAL_HINT = "Learners must write something unless you tick this."
OUTCOME_HINT = guided("One line, shown as the ending's heading", "nodes")
TAGS_HINT = guided(
    "Name the habit this choice shows, such as relying on a parent's account. The supervisor's "
    "agenda counts tags across a learner's decisions to spot patterns",
    "choices-and-options",
)
CONDITION_GUIDE = guided(CONDITION_HINT + ", like 'visited-home and not spoke-to-school'",
                         "flags-and-conditions")  # fmt: skip
PROMPT_GUIDE = guided(
    PROMPT_HINT.removesuffix(".") + ". Experience is what happened, reflection how it felt, "
    "analysis why it happened, action what to do next time",
    "choices-and-options",
)
OPTION_TEXT_HINT = guided(
    "What the learner chooses, in the worker's own words. Keep the best option no longer than "
    "the others and free of words such as 'calmly' that give it away",
    "options-that-cannot-be-gamed",
)
TARGET_HINT = guided("The step the learner goes to after the feedback", "choices-and-options")
FEEDBACK_HINT = guided(
    "Shown after the choice: what it gains and what it risks, without blame. Markdown",
    "choices-and-options",
)
SAY_HINT = guided(
    "The words a practitioner could use, shown to the learner after the feedback. Markdown",
    "choices-and-options",
)
SETS_HINT = guided(
    "Turn these flags on when the learner picks this option; later steps can depend on them",
    "flags-and-conditions",
)
SCORE_HINT = guided(
    "+2 shows the competency well, -2 works against it, no score: it does not apply",
    "scores-and-the-competency-profile",
)
SCENARIO_TEXT_HINT = guided("The whole draft in the scenario text format", "the-header",
                            "Read the guide to the format")  # fmt: skip


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


class NodeForm(LoadedForm):
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


class OptionForm(LoadedForm):
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
    submit = SubmitField("Save settings", widget=GovSubmitInput())
