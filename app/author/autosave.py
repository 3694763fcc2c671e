"""Saving as the author types, and keeping what they typed when a form cannot be saved.

The editor's script (app/static/editor.js) posts a form to its own address with the header
`X-Autosave: 1`; the view saves it exactly as if the button had been pressed and answers in
JSON instead of redirecting: the text the form now carries (so the next save is not mistaken for
another author's) and the address the form now belongs to (a new option, a renamed step). A save
refused because another author saved since is answered 409: the script stops saving and says so,
so it never overwrites their work.

When a form's CSRF token has expired, or the session has ended, the author's words are not
thrown away: `resend_page` shows them with a button that sends them again (after signing in
again in another tab, if need be). Only for posts made from this site's own pages.
"""

from __future__ import annotations

from flask import jsonify, render_template, request

from ..auth.loader import _from_this_site
from ..models import Draft
from . import stale


def wanted() -> bool:
    return request.headers.get("X-Autosave") == "1"


def saved(draft: Draft, action: str):
    return jsonify(loaded=stale._encode(draft.text), action=action)


def refused(form):
    """Why the typed form was not saved: another author's save (stop), or a field to fix."""
    if getattr(form, "stale_changes", None):
        who = form.form_errors[-1].split(" saved changes", 1)[0]
        message = (
            f"Not saved: {who} saved this draft after you opened this page. Saving as you type "
            "has stopped so their work is not overwritten. Press the save button to see what "
            "they changed; your text stays in the form."
        )
        return jsonify(stale=True, message=message), 409
    errors = [e for errors in form.errors.values() for e in errors if isinstance(e, str)]
    errors += list(form.form_errors)
    first = errors[0] if errors else "Something in the form needs fixing"
    return jsonify(message=f"Not saved yet: {first}."), 422


def resend_page(signed_in: bool):
    """The posted fields again, in a form with a new token, for an author's page whose token
    expired. None when the post did not come from this site's own authoring pages."""
    if request.method != "POST" or request.blueprint != "author" or not _from_this_site():
        return None
    if wanted():
        return jsonify(message="Not saved: this page has expired. Press the save button."), 400
    fields = [(k, v) for k, v in request.form.items(multi=True) if k != "csrf_token"]
    return render_template(
        "author/resend.html", fields=fields, action=request.path, signed_in=signed_in
    ), 400
