"""Two authors, one draft: a save is refused when the draft changed after the form was drawn.

Every editing form carries the text it was drawn from (base64 in a hidden field, so no line
ending is altered on the way). If the draft's text is no longer that text, another author (or
the same author in another tab) has saved since: the save is refused, what they changed is shown
as a diff, and everything typed stays in the form. The form now carries the current text, so
saving again, after a look at the changes, goes through.
"""

from __future__ import annotations

import base64
import binascii

from ..authoring.diff import Section, diff
from ..db import db
from ..models import Draft, User


def _encode(text: str) -> str:
    return base64.b64encode(text.encode("utf-8")).decode("ascii")


def _decode(value: str | None) -> str | None:
    if not value:
        return None
    try:
        return base64.b64decode(value, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        return None


def draw(form, draft: Draft) -> None:
    """Before rendering: a new form (or one just refused as stale) carries the draft's text now;
    a form sent back with other errors keeps the text it was first drawn from."""
    if not hasattr(form, "loaded"):
        return
    if not form.is_submitted() or getattr(form, "stale_changes", None) or not form.loaded.data:
        form.loaded.data = _encode(draft.text)


def refused(form, draft: Draft) -> bool:
    """True (with a form error and `form.stale_changes`) when the draft changed after the form
    was drawn. A form without the field (an old page) is let through."""
    if not hasattr(form, "loaded"):  # a one-button form (delete): nothing typed to keep
        return False
    loaded = _decode(form.loaded.data)
    if loaded is None or loaded == draft.text:
        return False
    who = db.session.get(User, draft.updated_by_id) if draft.updated_by_id else None
    name = who.display_name if who else "Another author"
    when = f" at {draft.updated_at:%H:%M}" if draft.updated_at else ""
    form.stale_changes = diff(loaded, draft.text) or [Section(None, "The draft", "changed", [])]
    form.form_errors.append(
        f"{name} saved changes to this draft{when}, after you opened this page, so your changes "
        "were not saved. They are still in the form: check what changed (shown below), then "
        "save again."
    )
    form.loaded.data = _encode(draft.text)
    return True
