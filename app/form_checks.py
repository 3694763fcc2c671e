"""Validators shared by the forms: email addresses (demo and special-use domains included) and
names free of hidden direction-changing characters."""

from __future__ import annotations

import re

from email_validator import EmailNotValidError, validate_email
from wtforms.validators import ValidationError

BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


class EmailAddress:
    """A well-formed address. Deliverability is not checked and special-use domains such as
    `.test` are allowed: the demo accounts live at demo.wholepicture.test, and the service sends
    no email."""

    def __init__(self, message: str) -> None:
        self.message = message

    def __call__(self, form, field) -> None:
        try:
            validate_email(field.data or "", check_deliverability=False, test_environment=True)
        except EmailNotValidError:
            raise ValidationError(self.message) from None


class NoBidiControls:
    """Refuse the invisible characters that reverse how text runs (U+202A-202E, U+2066-2069):
    in a name they can make it read as someone else's in a list."""

    def __call__(self, form, field) -> None:
        if BIDI_CONTROLS.search(field.data or ""):
            raise ValidationError(
                f"{field.label.text} contains hidden characters that change the direction of "
                "text. Type it again without them"
            )
