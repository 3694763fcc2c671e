"""Editing nodes: add, change, delete (a delete asks first, then POSTs)."""

from __future__ import annotations

from flask import abort, render_template, request, url_for
from flask import redirect as go

from ..action_form import ActionForm
from ..authoring import (
    AddNode,
    Chain,
    DeleteNode,
    EditNode,
    SetRoutes,
)
from ..authoring.normalise import prompt_line
from ..authoring.steps import step_label
from ..db import db
from ..engine.model import Node, NodeKind
from ..services import drafts, revisions
from . import autosave, bp, forwards, stale
from .common import (
    draft_or_404,
    edited,
    problem_links,
    save_draft,
    saved,
    stored,
    vocab,
    with_unknown,
)
from .forms import NEW_STEP, AddNodeForm, NodeForm


def add_node_form() -> AddNodeForm:
    return AddNodeForm()


def save(draft, change, form, what: str = "") -> bool:
    """Apply one change (`what` names it in the history); on EditError, or when another author
    saved since the form was drawn, show why on the form and store nothing."""
    return stored(draft, form, edited(draft, change, what))


def node_or_404(state: drafts.DraftState, node_id: str) -> Node:
    node = state.scenario.nodes.get(node_id)
    if node is None:
        abort(404)
    return node


@bp.post("/drafts/<int:draft_id>/nodes")
def add_node(draft_id: int):
    draft = draft_or_404(draft_id)
    form = AddNodeForm()
    if form.validate_on_submit() and save(
        draft, AddNode(form.kind.data, form.node_id.data), form, f"new step '{form.node_id.data}'"
    ):
        saved(draft_id, f"new node '{form.node_id.data}'")
        return go(url_for("author.node", draft_id=draft_id, node_id=form.node_id.data))
    state = drafts.state(draft, vocab())
    return render_template(
        "author/draft.html",
        state=state,
        problems=problem_links(state),
        stored=drafts.stored_scenario(db.session, draft.slug),
        requests=[],
        add_form=form,
        action=ActionForm(),
    ), 400


def _node_form(state: drafts.DraftState, node: Node) -> NodeForm:
    data = None
    if request.method != "POST":
        data = {
            "new_id": node.id, "kind": node.kind, "text": node.text,
            "condition": str(node.condition or ""), "else_target": node.else_target or "",
            "optional": node.optional, "outcome": node.outcome, "tags": list(node.tags),
            "supervision": "\n".join(prompt_line(p) for p in node.supervision),
            "routes": [{"target": r.target, "condition": str(r.condition or "")}
                       for r in node.routes] + [{"target": "", "condition": ""}]
                      * max(1, 2 - len(node.routes)),
        }  # fmt: skip
    form = NodeForm(data=data)
    form.else_target.choices = [("", "Nowhere")] + [
        (n.id, step_label(n)) for n in state.scenario.nodes.values()
    ]
    targets = forwards.targets(state.scenario, "Nowhere")
    form.tags.choices = with_unknown(list(vocab().tags.items()), node.tags)
    for entry in form.routes:
        entry.target.choices = targets
    return form


@bp.route("/drafts/<int:draft_id>/nodes/<node_id>", methods=["GET", "POST"])
def node(draft_id: int, node_id: str):
    draft = draft_or_404(draft_id)
    state = drafts.state(draft, vocab())
    current = node_or_404(state, node_id)
    form = _node_form(state, current)
    if form.validate_on_submit():
        new_id = form.new_id.data.strip()
        edit = EditNode(node_id, new_id, form.kind.data, form.text.data or "",
                        form.condition.data or "", form.else_target.data or "",
                        form.optional.data, form.outcome.data or "", tuple(form.tags.data),
                        form.supervision.data or "")  # fmt: skip
        changes: list = [edit]
        chosen = sum(r.target.data == NEW_STEP for r in form.routes) if current.kind.routed else 0
        step = forwards.new_step(form, state.scenario, chosen, node_id)
        if current.kind.routed:
            # Arrows first, so clearing them and changing the kind can be one save.
            routes = tuple(
                (step.node_id if r.target.data == NEW_STEP else r.target.data or "",
                 r.condition.data or "") for r in form.routes
            )  # fmt: skip
            new_kind = NodeKind.named(form.kind.data or "")
            if not (new_kind and new_kind.routed) and not any(t for t, _ in routes):
                routes = ()
            changes.insert(0, SetRoutes(node_id, routes))
        if step.add:
            changes.insert(0, step.add)
        if step.ok:
            here = url_for("author.node", draft_id=draft_id, node_id=new_id)
            change = edited(draft, Chain(tuple(changes)), f"step '{node_id}'")
            reply = save_draft(draft, form, change, here, f"node '{new_id}'",
                               then=lambda: forwards.go_on(step, draft_id))  # fmt: skip
            if reply is not None:
                return reply
    if autosave.wanted():
        return autosave.refused(form)
    mine = [p for p in problem_links(state) if p.where == f"node {node_id}" or
            p.where.startswith(f"{node_id}, option")]  # fmt: skip
    stale.draw(form, draft)
    return render_template(
        "author/node.html",
        state=state,
        node=current,
        form=form,
        problems=mine,
        new_chosen=any(r.target.data == NEW_STEP for r in form.routes),
    ), (400 if form.errors else 200)


def undo_offer(state: drafts.DraftState) -> dict | None:
    """After a delete, the overview offers it back: the step and the save that deleted it."""
    node_id, revision_id = request.args.get("deleted", ""), request.args.get("save", "")
    if not node_id or not revision_id.isdigit() or node_id in state.scenario.nodes:
        return None
    revision = revisions.revision_of(db.session, state.draft, int(revision_id))
    if revision is None:
        return None
    return {"node_id": node_id, "revision": revision}


def confirm(heading: str, body: str, button: str, back: str):
    return render_template(
        "author/confirm.html", form=ActionForm(), heading=heading, body=body, button=button,
        back=back,
    )  # fmt: skip


@bp.route("/drafts/<int:draft_id>/nodes/<node_id>/delete", methods=["GET", "POST"])
def delete_node(draft_id: int, node_id: str):
    draft = draft_or_404(draft_id)
    state = drafts.state(draft, vocab())
    node_or_404(state, node_id)
    form = ActionForm()
    back = url_for("author.node", draft_id=draft_id, node_id=node_id)
    if form.validate_on_submit() and save(
        draft, DeleteNode(node_id), form, f"deleted step '{node_id}'"
    ):
        revision = draft.revisions[-1]
        return go(url_for("author.draft", draft_id=draft_id, deleted=node_id, save=revision.id))
    pointing = sorted({n.id for n in state.scenario.nodes.values() if n.id != node_id and (
        node_id in [o.target for o in n.options] + [r.target for r in n.routes]
        or n.else_target == node_id)})  # fmt: skip
    body = f"Node '{node_id}' and everything in it will be deleted."
    if pointing:
        body += (
            f" Arrows from {', '.join(pointing)} lead here: they will show as problems "
            "until you point them somewhere else."
        )
    return confirm(f"Delete node '{node_id}'?", body, "Delete node", back)
