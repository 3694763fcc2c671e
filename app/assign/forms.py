"""The form to set a scenario or exercise for someone, with a due date."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovSubmitInput
from wtforms import SelectField, SubmitField
from wtforms.validators import InputRequired

from ..supervise.forms import DayField


class AssignForm(FlaskForm):
    activity = SelectField(
        "Scenario or exercise", widget=GovSelect(), validators=[InputRequired("Choose what to set")]
    )
    audience = SelectField(
        "Who it is for", widget=GovSelect(), validators=[InputRequired("Choose who it is for")]
    )
    due_on = DayField(
        "Due date", required="Enter the due date", description="For example, 31 1 2027"
    )
    submit = SubmitField("Set it", widget=GovSubmitInput())
