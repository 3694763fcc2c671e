"""Sign-in and set-password forms."""

from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovPasswordInput, GovSubmitInput, GovTextInput
from wtforms import EmailField, HiddenField, PasswordField, SubmitField
from wtforms.validators import DataRequired, EqualTo, Length

from ..services.passwords import MIN_LENGTH


class LoginForm(FlaskForm):
    email = EmailField(
        "Email address",
        widget=GovTextInput(),
        validators=[DataRequired("Enter your email address")],
    )
    password = PasswordField(
        "Password", widget=GovPasswordInput(), validators=[DataRequired("Enter your password")]
    )
    next = HiddenField()
    carry_text = HiddenField()
    carry_step = HiddenField()
    carry_seal = HiddenField()  # see auth/carry.py
    submit = SubmitField("Sign in", widget=GovSubmitInput())


class SetPasswordForm(FlaskForm):
    password = PasswordField(
        "New password",
        widget=GovPasswordInput(),
        description=f"At least {MIN_LENGTH} characters. A few unrelated words work well.",
        validators=[
            DataRequired("Enter a new password"),
            Length(min=MIN_LENGTH, max=200, message=f"Use at least {MIN_LENGTH} characters"),
        ],
    )
    confirm = PasswordField(
        "Type the password again",
        widget=GovPasswordInput(),
        validators=[
            DataRequired("Type the password again"),
            EqualTo("password", "The two passwords are not the same"),
        ],
    )
    submit = SubmitField("Set password", widget=GovSubmitInput())
