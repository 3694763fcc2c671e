"""What every request goes through before a view sees it: ids that fit the database, and form
text without control characters.

- `<int:...>` in a route matches only ids a 64-bit database integer can hold; a longer one is
  a 404, as for any id that does not exist (before, it overflowed into a 500).
- Every submitted form value loses NUL and the other C0 control characters (tab, newline and
  carriage return are kept), in one place, so no field can carry one into storage (PostgreSQL
  refuses NUL, which lost a learner's whole reflection) and the rest of the text is kept.
"""

from __future__ import annotations

import re

from flask import Request
from werkzeug.routing import IntegerConverter

DATABASE_INT_MAX = 2**63 - 1
CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")


def without_controls(text: str) -> str:
    return CONTROL.sub("", text) if isinstance(text, str) else text


class DatabaseInt(IntegerConverter):
    """`int` for routes: 0 to 2**63-1, anything larger is no match (404)."""

    def __init__(self, map, fixed_digits=0, min=None, max=DATABASE_INT_MAX, signed=False):  # noqa: A002
        super().__init__(map, fixed_digits=fixed_digits, min=min, max=max, signed=signed)


class CleanRequest(Request):
    """Form values arrive without control characters (files are left as sent)."""

    def _load_form_data(self) -> None:
        super()._load_form_data()
        form = self.__dict__.get("form")
        if form is not None and form:
            self.__dict__["form"] = self.parameter_storage_class(
                [(key, without_controls(value)) for key, value in form.items(multi=True)]
            )
