"""A draft's history: every save, what it changed, a comparison of any save with the text now,
and one-click (POST) ways back: a whole save, or one deleted step."""

from __future__ import annotations

from flask import abort, flash, render_template, url_for
from flask import redirect as go
from flask_login import current_user

from ..action_form import ActionForm, confirmed
from ..authoring import EditError
from ..authoring.diff import diff
from ..db import db
from ..services import drafts, revisions
from . import bp
from .common import draft_or_404, vocab


def _revision_or_404(draft, revision_id: int):
    found = revisions.revision_of(db.session, draft, revision_id)
    if found is None:
        abort(404)
    return found


@bp.get("/drafts/<int:draft_id>/history")
def history(draft_id: int):
    draft = draft_or_404(draft_id)
    return render_template(
        "author/history.html",
        state=drafts.state(draft, vocab()),
        entries=revisions.history(draft),
        action=ActionForm(),
    )


@bp.get("/drafts/<int:draft_id>/history/<int:revision_id>")
def compare(draft_id: int, revision_id: int):
    draft = draft_or_404(draft_id)
    revision = _revision_or_404(draft, revision_id)
    return render_template(
        "author/compare.html",
        state=drafts.state(draft, vocab()),
        revision=revision,
        number=revisions.number_of(draft, revision),
        changes=diff(revision.text, draft.text),
        action=ActionForm(),
    )


@bp.post("/drafts/<int:draft_id>/history/<int:revision_id>/restore")
def restore(draft_id: int, revision_id: int):
    draft = draft_or_404(draft_id)
    revision = _revision_or_404(draft, revision_id)
    confirmed()
    number = revisions.number_of(draft, revision)
    try:
        drafts.restore(db.session, current_user, draft, revision)
    except EditError as error:
        db.session.rollback()
        flash(f"Save {number} could not be brought back: {error.message}", "info")
        return go(url_for("author.history", draft_id=draft_id))
    db.session.commit()
    flash(
        f"Brought back the draft as it was at save {number}. The text before that is kept in "
        "the history too.",
        "success",
    )
    return go(url_for("author.draft", draft_id=draft_id))


@bp.post("/drafts/<int:draft_id>/history/<int:revision_id>/bring-back/<node_id>")
def bring_back_step(draft_id: int, revision_id: int, node_id: str):
    draft = draft_or_404(draft_id)
    revision = _revision_or_404(draft, revision_id)
    confirmed()
    try:
        drafts.bring_back_step(db.session, current_user, draft, revision, node_id)
    except EditError as error:
        db.session.rollback()
        flash(f"Step '{node_id}' could not be brought back: {error.message}", "info")
        return go(url_for("author.history", draft_id=draft_id))
    db.session.commit()
    flash(f"Step '{node_id}' is back.", "success")
    return go(url_for("author.node", draft_id=draft_id, node_id=node_id))
