"""Copying steps and options, and moving options up or down: one-button POST forms."""

from __future__ import annotations

from flask import abort, flash, request, url_for
from flask import redirect as go
from flask_login import current_user

from ..action_form import confirmed
from ..authoring import EditError
from ..authoring.steps import CopyNode, CopyOption, MoveOption
from ..db import db
from ..engine import parse
from ..services import drafts
from . import bp
from .common import draft_or_404


def _apply(draft, change, what: str) -> bool:
    try:
        drafts.edit(db.session, current_user, draft, change, what)
    except EditError as error:
        db.session.rollback()
        flash(error.message, "info")
        return False
    db.session.commit()
    return True


@bp.post("/drafts/<int:draft_id>/nodes/<node_id>/copy")
def copy_node(draft_id: int, node_id: str):
    draft = draft_or_404(draft_id)
    confirmed()
    if not _apply(draft, CopyNode(node_id), f"copied step '{node_id}'"):
        return go(url_for("author.node", draft_id=draft_id, node_id=node_id))
    nodes = list(parse(draft.text)[0].nodes)
    copy = nodes[nodes.index(node_id) + 1] if node_id in nodes else node_id
    flash(f"Copied: this is the copy of ‘{node_id}’. Give it a new id and change what differs.",
          "success")  # fmt: skip
    return go(url_for("author.node", draft_id=draft_id, node_id=copy))


@bp.post("/drafts/<int:draft_id>/nodes/<node_id>/options/<int:index>/copy")
def copy_option(draft_id: int, node_id: str, index: int):
    draft = draft_or_404(draft_id)
    confirmed()
    if _apply(draft, CopyOption(node_id, index), f"copied option {index + 1} of '{node_id}'"):
        flash(f"Option {index + 1} copied: the copy is option {index + 2}.", "success")
        return go(url_for("author.node", draft_id=draft_id, node_id=node_id,
                          _anchor=f"option-{index + 1}"))  # fmt: skip
    return go(url_for("author.node", draft_id=draft_id, node_id=node_id))


@bp.post("/drafts/<int:draft_id>/nodes/<node_id>/options/<int:index>/move")
def move_option(draft_id: int, node_id: str, index: int):
    draft = draft_or_404(draft_id)
    confirmed()
    by = {"up": -1, "down": 1}.get(request.form.get("by", ""))
    if by is None:
        abort(400)
    if _apply(draft, MoveOption(node_id, index, by), f"moved option {index + 1} of '{node_id}'"):
        flash(f"Option moved {'up' if by < 0 else 'down'}.", "success")
    return go(url_for("author.node", draft_id=draft_id, node_id=node_id,
                      _anchor=f"option-{max(0, index + by)}"))  # fmt: skip
