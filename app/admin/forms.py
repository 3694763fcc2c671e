"""Admin forms: create and change accounts, agencies and teams."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import (
    GovCheckboxesInput,
    GovCheckboxInput,
    GovPasswordInput,
    GovSelect,
    GovSubmitInput,
    GovTextInput,
)
from wtforms import (
    BooleanField,
    EmailField,
    PasswordField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
)
from wtforms.validators import DataRequired, Length, ValidationError

from ..engine import AGENCY_KINDS
from ..form_checks import EmailAddress, NoBidiControls
from ..models.accounts import Role


class UserForm(FlaskForm):
    email = EmailField(
        "Email address",
        widget=GovTextInput(),
        validators=[
            DataRequired("Enter an email address"),
            EmailAddress("Enter an email address like name@example.org"),
            Length(max=320),
        ],
    )
    display_name = StringField(
        "Name",
        widget=GovTextInput(),
        validators=[DataRequired("Enter a name"), Length(max=200), NoBidiControls()],
    )
    roles = SelectMultipleField(
        "Roles",
        choices=[(r.value, r.capitalize()) for r in Role],
        widget=GovCheckboxesInput(),
        validators=[DataRequired("Choose at least one role")],
    )
    agency_id = SelectField("Agency", coerce=int, widget=GovSelect())
    team_id = SelectField("Team", coerce=int, widget=GovSelect())
    supervisor_id = SelectField(
        "Supervisor",
        coerce=int,
        widget=GovSelect(),
        description="Their supervisor can read their reflections.",
    )
    submit = SubmitField("Save", widget=GovSubmitInput())

    team_agency: dict[int, int] = {}  # team id -> agency id, set by the view with the choices

    def validate_team_id(self, field: SelectField) -> None:
        agency = self.team_agency.get(field.data)
        if field.data and agency is not None and agency != self.agency_id.data:
            raise ValidationError("Choose a team in the person's agency, or no team")


class AgencyForm(FlaskForm):
    name = StringField(
        "Agency name",
        widget=GovTextInput(),
        validators=[DataRequired("Enter the agency's name"), Length(max=200), NoBidiControls()],
    )
    kind = SelectField("Kind of agency", choices=list(AGENCY_KINDS.items()), widget=GovSelect())
    submit = SubmitField("Add agency", widget=GovSubmitInput())


class TeamForm(FlaskForm):
    agency_id = SelectField("Agency", coerce=int, widget=GovSelect())
    name = StringField(
        "Team name",
        widget=GovTextInput(),
        validators=[DataRequired("Enter the team's name"), Length(max=200), NoBidiControls()],
    )
    submit = SubmitField("Add team", widget=GovSubmitInput())


class EraseForm(FlaskForm):
    """Erasing a person cannot be undone: the admin ticks a box to say they have checked."""

    confirm = BooleanField(
        "I have checked this is the right person and nothing of theirs must be kept",
        widget=GovCheckboxInput(),
        validators=[DataRequired("Tick the box to confirm, or go back")],
    )
    submit = SubmitField("Erase this person's data", widget=GovSubmitInput())


class RecordStoreForm(FlaskForm):
    """The learning record store. The secret is never shown back: blank keeps the one set."""

    endpoint = StringField(
        "Record store address",
        widget=GovTextInput(),
        description="The xAPI endpoint, for example https://lrs.example.org/xapi/. "
        "Leave blank to stop queueing statements.",
        validators=[Length(max=500), NoBidiControls()],
    )
    key = StringField("Key", widget=GovTextInput(), validators=[Length(max=200)])
    secret = PasswordField(
        "Secret",
        widget=GovPasswordInput(),
        description="Leave blank to keep the secret already set.",
        validators=[Length(max=500)],
    )
    include_text = BooleanField(
        "Include reflection text and written reasons in statements",
        widget=GovCheckboxInput(),
        description="Off by default. Every send or download that includes them is written to "
        "the audit log.",
    )
    submit = SubmitField("Save", widget=GovSubmitInput())

    def validate_endpoint(self, field: StringField) -> None:
        value = (field.data or "").strip()
        if value and not value.startswith(("https://", "http://")):
            raise ValidationError("Enter an address starting https://")
