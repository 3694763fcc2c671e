"""Supervisor forms: record a session (date, notes, covered prompts, agreed actions) and comment
on a reflection. Dates use the GOV.UK day-month-year pattern."""

from __future__ import annotations

import re
from datetime import date

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCharacterCount,
    GovCheckboxesInput,
    GovDateInput,
    GovSubmitInput,
    GovTextArea,
    GovTextInput,
)
from wtforms import Field, FieldList, Form, FormField, SelectMultipleField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, StopValidation, ValidationError

MAX_ACTIONS = 3
MAX_COMMENT = 2000


class DayField(Field):
    """A date typed as day, month and year; all three blank means no date (None)."""

    widget = GovDateInput()

    def __init__(self, label: str = "", required: str | None = None, **kwargs) -> None:
        super().__init__(label, **kwargs)
        self.required_message = required

    def _value(self) -> str:
        return self.data.isoformat() if self.data else ""  # the widget shows day, month, year

    def process_formdata(self, valuelist: list[str]) -> None:
        parts = ([v.strip() for v in valuelist] + ["", "", ""])[:3]
        self.raw_data = parts
        self.data = None
        if not any(parts):
            return
        try:
            self.data = date(int(parts[2]), int(parts[1]), int(parts[0]))
        except (ValueError, OverflowError):  # a 30-digit year overflows, it is not a date
            raise ValueError(f"{self.which()} must be a real date, for example 27 3 2026") from None

    def which(self) -> str:
        """The date named in an error: 'The date of the session', 'The due date for action 2'."""
        found = re.fullmatch(r"actions-(\d+)-due_on", self.name)
        if found:
            return f"The due date for action {int(found.group(1)) + 1}"
        return f"The {self.label.text[0].lower()}{self.label.text[1:]}"

    def pre_validate(self, form) -> None:
        if self.required_message and self.data is None and not self.process_errors:
            raise StopValidation(self.required_message)


class ActionEntry(Form):
    """One agreed action. Rows left blank are ignored."""

    text = StringField("Action", widget=GovTextInput(), validators=[Length(max=500)])
    due_on = DayField("Due by", description="For example, 27 3 2026. Leave blank if no date.")

    def validate_due_on(self, field: DayField) -> None:
        if field.data and not (self.text.data or "").strip():
            raise ValidationError(f"Describe action {self._number()}, or clear its due date")

    def _number(self) -> int:
        found = re.search(r"actions-(\d+)-", self.text.name)
        return int(found.group(1)) + 1 if found else 1


class SessionForm(FlaskForm):
    held_on = DayField(
        "Date of the session",
        required="Enter the date of the session",
        description="For example, 27 3 2026",
    )
    covered = SelectMultipleField(
        "Which prompts did you cover?",
        widget=GovCheckboxesInput(),
        description="Covered prompts leave the agenda unless the pattern happens again.",
        choices=[],
    )
    notes = StringField(
        "Discussion notes",
        widget=GovTextArea(),
        description="The learner can read these notes. Do not name families or children.",
        validators=[Length(max=10000)],
    )
    actions = FieldList(FormField(ActionEntry), min_entries=MAX_ACTIONS, max_entries=MAX_ACTIONS)
    submit = SubmitField("Save the record", widget=GovSubmitInput())

    def validate_held_on(self, field: DayField) -> None:
        if field.data and field.data > self.today:
            raise ValidationError("The date of the session must be today or in the past")

    def validate_notes(self, field: StringField) -> None:
        """A record with no notes, no prompts covered and no actions says nothing: refuse it
        rather than clear the learner's 'needs attention' list by accident."""
        has_action = any((entry.form.text.data or "").strip() for entry in self.actions)
        if not (field.data or "").strip() and not self.covered.data and not has_action:
            raise ValidationError(
                "Write some notes, tick the prompts you covered or add an agreed action"
            )

    today: date = date.max  # set by the view, so the form never reads the clock itself


class CommentForm(FlaskForm):
    text = StringField(
        "Your comment",
        widget=GovCharacterCount(),
        description="The learner sees this beside their reflection.",
        validators=[
            DataRequired("Write your comment"),
            Length(max=MAX_COMMENT, message=f"Keep your comment to {MAX_COMMENT:,} characters"),
        ],
    )
    submit = SubmitField("Save comment", widget=GovSubmitInput())


class NotesForm(FlaskForm):
    """Correcting a record's notes."""

    notes = StringField(
        "Discussion notes",
        widget=GovTextArea(),
        description="The learner can read these notes. Do not name families or children.",
        validators=[Length(max=10000)],
    )
    submit = SubmitField("Save the correction", widget=GovSubmitInput())
