"""The pattern page's one form: the scenario's details, then a plain question for every step
of the chosen shape (app/authoring/patterns.py), each with a hint and a worked example; the
fields are named by `pattern_draft.field_name`, so the brief is read back without guessing."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovRadioInput,
    GovSelect,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import (
    RadioField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import Length

from ..authoring import pattern_bank as bank
from ..authoring.pattern_draft import field_name
from ..authoring.patterns import Pattern, Step
from ..engine import AGENCY_KINDS, NodeKind
from ..form_checks import NoBidiControls
from .field_hints import COMPETENCIES_HINT, CONTENT_NOTE_HINT, guided
from .forms import limit

EXAMPLES = {
    "title": "The boots by the door",
    "summary": "A health visitor notices signs that a new mother may not be safe at home.",
    "role": "Health visitor",
    "content_note": "This scenario mentions domestic abuse and a baby at risk.",
    "option_text": "Offer to see Leah on her own at the clinic on Thursday.",
    "feedback": "Seeing Leah on her own gives her a safe chance to talk. Asking with her partner "
    "nearby could put her at risk.",
    "outcome": "Leah tells you, in a safe place",
    "debrief": "Leah needed a time and a place where she could speak freely. Routine enquiry "
    "works when it is asked alone, and when the answer is heard without judgement.",
}


@dataclass(frozen=True)
class Section:
    """A fieldset of the page: its legend, its fields (names) and the sections inside it."""

    legend: str
    fields: tuple[str, ...]
    inner: tuple[Section, ...] = ()


class PatternForm(FlaskForm):
    title = StringField(
        "Title",
        widget=GovTextInput(),
        description="What learners see in the catalogue. The scenario's id is made from it.",
        validators=[Length(max=300), NoBidiControls()],
    )
    summary = TextAreaField("In a sentence or two, what happens?", widget=GovTextArea(),
                            description="Shown in the catalogue.",
                            validators=[limit(2_000)])  # fmt: skip
    role = StringField("Who does the learner play?", widget=GovTextInput(),
                       description="Their job, for example 'School safeguarding lead'.",
                       validators=[limit(300)])  # fmt: skip
    agencies = SelectMultipleField("Who it is for", choices=list(AGENCY_KINDS.items()),
                                   widget=GovCheckboxesInput(),
                                   description="Tick every agency whose staff should take it.")  # fmt: skip
    competencies = SelectMultipleField("What should it teach?", widget=GovCheckboxesInput(),
                                       description=COMPETENCIES_HINT)  # fmt: skip
    content_note = TextAreaField("Content note (optional)", widget=GovTextArea(),
                                 description=CONTENT_NOTE_HINT, validators=[limit(2_000)])  # fmt: skip
    suggest = SubmitField("Suggest tags and questions", widget=GovSubmitInput())
    create = SubmitField("Create the draft", widget=GovSubmitInput())


def _text(label: str, hint: str, chars: int = 10_000) -> TextAreaField:
    return TextAreaField(label, widget=GovTextArea(), description=hint,
                         validators=[limit(chars), NoBidiControls()])  # fmt: skip


def _line(label: str, hint: str) -> StringField:
    return StringField(label, widget=GovTextInput(), description=hint,
                       validators=[limit(1_000), NoBidiControls()])  # fmt: skip


def _ticks(label: str, hint: str, choices: Iterable[tuple[str, str]]) -> SelectMultipleField:
    return SelectMultipleField(label, choices=list(choices), widget=GovCheckboxesInput(),
                               description=hint, validate_choice=False)  # fmt: skip


QUESTIONS_HINT = (
    "Tick the questions the learner's supervisor should ask. You can change them on the "
    "draft's pages afterwards."
)
OWN_HINT = guided(
    "Optional. Any question of your own, one a line; start it with (experience), "
    "(reflection), (analysis) or (action) to place it on the supervisor's agenda",
    "choices-and-options",
)


def _step_fields(step: Step, comps: list[str]) -> dict[str, object]:
    name = step.id
    if step.kind == NodeKind.ENDING:
        offered = bank.questions("ending", comps).items()
        return {
            field_name(name, "outcome"): _line("How does it end, in one line?",
                                               "Shown as the ending's heading."),
            field_name(name, "starter"): SelectField(
                "Open the debrief with", choices=list(bank.DEBRIEF_STARTERS.items()),
                widget=GovSelect(), validate_choice=False,
                description="Optional. A first sentence to write on from."),
            field_name(name, "text"): _text("What should the learner take from this ending?",
                                            "The debrief: what happened and why it matters."),
            field_name(name, "questions"): _ticks("Questions for supervision", QUESTIONS_HINT,
                                                  offered),
            field_name(name, "own"): _text("Your own questions for supervision", OWN_HINT, 5_000),
        }  # fmt: skip
    fields: dict[str, object] = {field_name(name, "text"): _text(step.question, _kind_hint(step))}
    for i in range(len(step.options)):
        fields |= _option_fields(name, i, comps)
    return fields


def _kind_hint(step: Step) -> str:
    return {
        NodeKind.SCENE: "Some short paragraphs. The learner reads them, then goes on.",
        NodeKind.REFLECTION: "The learner writes an answer, which their supervisor can see.",
        NodeKind.CHOICE: "The learner reads this, then picks one of the options below.",
    }[step.kind]


def _option_fields(name: str, i: int, comps: list[str]) -> dict[str, object]:
    strengths = [(k, label) for k, (label, _) in bank.STRENGTHS.items()]
    offered = bank.questions("option", comps).items()
    return {
        field_name(name, "text", i): _line("What do they do?",
                                           "The option, in the practitioner's own words."),
        field_name(name, "feedback", i): _text(
            "Why is this strong or weak?",
            "The feedback shown after the choice: what it gains and what it risks, without blame."),
        field_name(name, "strength", i): RadioField(
            "How strong is this option?", choices=strengths, widget=GovRadioInput(),
            validate_choice=False,
            description="Sets its scores on each competency: +2, +1 or -1. You can change "
            "them afterwards."),
        field_name(name, "tags", i): _ticks("Tags", "What this choice shows, counted on the "
                                            "supervisor's agenda. Press 'Suggest tags and "
                                            "questions' to have some ticked for you.", ()),
        field_name(name, "questions", i): _ticks("Questions for supervision", QUESTIONS_HINT,
                                                 offered),
        field_name(name, "own", i): _text("Your own questions for supervision", OWN_HINT, 5_000),
    }  # fmt: skip


def pattern_form(pattern: Pattern, competencies: list[tuple[str, str]],
                 tags: Mapping[str, str], chosen: list[str], **kwargs) -> FlaskForm:  # fmt: skip
    """The form for `pattern`, offering the questions for the `chosen` competencies."""

    class Filled(PatternForm):
        pass

    for step in pattern.steps:
        for name, field in _step_fields(step, chosen).items():
            setattr(Filled, name, field)
    form = Filled(**kwargs)
    form.competencies.choices = competencies
    for step in pattern.steps:
        for i in range(len(step.options)):
            form[field_name(step.id, "tags", i)].choices = list(tags.items())
    return form


def sections(pattern: Pattern) -> list[Section]:
    """The page's fieldsets in story order: each option holds the steps only it leads to."""

    def of(step_id: str) -> Section:
        step = pattern.step(step_id)
        names = tuple(
            field_name(step.id, part)
            for part in (("outcome", "starter", "text", "questions", "own")
                         if step.kind == NodeKind.ENDING else ("text",))
        )  # fmt: skip
        inner = tuple(
            Section(
                f"Option {i + 1}",
                tuple(
                    field_name(step.id, part, i)
                    for part in ("text", "feedback", "strength", "tags", "questions", "own")
                ),
                tuple(of(s) for s in branch.under),
            )  # fmt: skip
            for i, branch in enumerate(step.options)
        )
        return Section(step.heading, names, inner)

    return [of(step_id) for step_id in pattern.order]


def example_for(name: str, pattern: Pattern) -> str:
    """The worked example shown beside a field."""
    part = name.rsplit("__", 1)[-1]
    step = next((s for s in pattern.steps if name.startswith(s.id.replace("-", "_") + "__")), None)
    if part == "text" and "__o" in name:
        return EXAMPLES["option_text"]
    if part == "text" and step is not None:
        return EXAMPLES["debrief"] if step.kind == NodeKind.ENDING else step.example
    return EXAMPLES.get(part, "")
