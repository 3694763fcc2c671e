"""Building on the map page: add a step after another, link two steps, and move a step's box
(saved per draft). Plain forms that work without JavaScript; the script in app.js only drags a
box and posts the same "move" form. The drawing itself is app/authoring/svg.py."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_wtf import FlaskForm
from govuk_frontend_wtf.wtforms_widgets import GovSelect, GovSubmitInput, GovTextInput
from markupsafe import Markup
from sqlalchemy import delete, select
from wtforms import HiddenField, IntegerField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, NumberRange, Optional

from ..authoring.layout import layout, moved
from ..authoring.map_edits import AddStepAfter, LinkSteps
from ..authoring.svg import map_rows, render_svg
from ..db import db
from ..engine import NodeKind
from ..models import MapPosition
from ..services import drafts
from . import bp
from .common import draft_or_404, saved, vocab
from .forms import KIND_HINT
from .nodes import save

STEP = 40  # pixels a box moves for each press of a move button
OPTION_HINT = "Needed when the first step is a choice: the words of the option that leads on."


class LinkForm(FlaskForm):
    source = SelectField("From step", widget=GovSelect(), validate_choice=False,
                         description="The step the arrow starts from.")  # fmt: skip
    target = SelectField("To step", widget=GovSelect(), validate_choice=False,
                         description="The step it leads to.")  # fmt: skip
    option_text = StringField("Option text", widget=GovTextInput(), description=OPTION_HINT)
    link = SubmitField("Link the steps", widget=GovSubmitInput())


class AddAfterForm(FlaskForm):
    after = SelectField("After step", widget=GovSelect(), validate_choice=False,
                        description="The new step comes next after this one.")  # fmt: skip
    kind = SelectField("Kind of new step", widget=GovSelect(),
                       choices=[(k.value, k.value.capitalize()) for k in NodeKind],
                       description=KIND_HINT)  # fmt: skip
    node_id = StringField(
        "New step's id", widget=GovTextInput(), validators=[DataRequired("Enter an id")],
        description="Lower-case letters, digits and hyphens, like 'home-visit'.",
    )  # fmt: skip
    option_text = StringField("Option text", widget=GovTextInput(), description=OPTION_HINT)
    add = SubmitField("Add the step", widget=GovSubmitInput())


class MoveForm(FlaskForm):
    node = HiddenField(validators=[DataRequired()])
    direction = HiddenField()
    x = IntegerField(validators=[Optional(), NumberRange(0, 20000)])
    y = IntegerField(validators=[Optional(), NumberRange(0, 20000)])


def positions(draft_id: int) -> dict[str, tuple[int, int]]:
    rows = db.session.scalars(select(MapPosition).where(MapPosition.draft_id == draft_id))
    return {row.node_id: (row.x, row.y) for row in rows}


def render_map(draft_id: int, link_form=None, add_form=None, status: int = 200):
    state = drafts.state(draft_or_404(draft_id), vocab())
    counts = {node: len(found) for node, found in state.by_node.items() if node}
    plan = moved(layout(state.scenario), positions(draft_id))
    svg = render_svg(
        state.scenario,
        plan,
        counts,
        lambda node_id: url_for("author.node", draft_id=draft_id, node_id=node_id),
        title=f"Map of {state.scenario.title or state.draft.slug}",
    )
    steps = [(n, n) for n in state.scenario.nodes]
    link_form, add_form = (
        link_form or LinkForm(formdata=None),
        add_form or AddAfterForm(formdata=None),
    )
    for field in (link_form.source, link_form.target, add_form.after):
        field.choices = steps
    return render_template(
        "author/map.html",
        state=state,
        svg=Markup(svg),  # noqa: S704 - built from escaped parts in app.authoring.svg
        rows=map_rows(state.scenario, counts),
        missing=plan.missing,
        header_problems=len(state.by_node.get(None, [])),
        fit=bool(request.args.get("fit")),
        link_form=link_form,
        add_form=add_form,
        move_form=MoveForm(formdata=None),
        boxes=plan.boxes,
        step=STEP,
    ), status


@bp.post("/drafts/<int:draft_id>/map/link")
def map_link(draft_id: int):
    draft = draft_or_404(draft_id)
    form = LinkForm()
    change = LinkSteps(form.source.data or "", form.target.data or "", form.option_text.data or "")
    if form.validate_on_submit() and save(draft, change, form):
        saved(draft_id, f"a link from '{change.source}' to '{change.target}'")
        return redirect(url_for("author.map_page", draft_id=draft_id, _anchor="map"))
    return render_map(draft_id, link_form=form, status=400)


@bp.post("/drafts/<int:draft_id>/map/add")
def map_add(draft_id: int):
    draft = draft_or_404(draft_id)
    form = AddAfterForm()
    change = AddStepAfter(form.after.data or "", form.kind.data or "", form.node_id.data or "",
                          form.option_text.data or "")  # fmt: skip
    if form.validate_on_submit() and save(draft, change, form):
        saved(draft_id, f"new step '{change.node_id}' after '{change.source}'")
        return redirect(url_for("author.node", draft_id=draft_id, node_id=change.node_id.strip()))
    return render_map(draft_id, add_form=form, status=400)


_MOVES = {"left": (-1, 0), "right": (1, 0), "up": (0, -1), "down": (0, 1)}


@bp.post("/drafts/<int:draft_id>/map/move")
def map_move(draft_id: int):
    """Move one box: by a step in a direction (the buttons), to x, y (a drag), or back to
    where the layout puts it ("reset")."""
    state = drafts.state(draft_or_404(draft_id), vocab())
    form = MoveForm()
    node = form.node.data if form.validate_on_submit() else None
    if node not in state.scenario.nodes:
        flash("Choose a step on this map to move.", "info")
        return redirect(url_for("author.map_page", draft_id=draft_id))
    row = db.session.get(MapPosition, (draft_id, node))
    if form.direction.data == "reset":
        db.session.execute(
            delete(MapPosition).where(MapPosition.draft_id == draft_id, MapPosition.node_id == node)
        )
    else:
        box = moved(layout(state.scenario), positions(draft_id)).boxes[node]
        dx, dy = _MOVES.get(form.direction.data or "", (0, 0))
        x = form.x.data if form.x.data is not None else int(box.x) + dx * STEP
        y = form.y.data if form.y.data is not None else int(box.y) + dy * STEP
        if row is None:
            row = MapPosition(draft_id=draft_id, node_id=node, x=0, y=0)
            db.session.add(row)
        row.x, row.y = max(0, x), max(0, y)
    db.session.commit()
    if request.accept_mimetypes.best == "application/json":
        return {"node": node}
    return redirect(url_for("author.map_page", draft_id=draft_id, _anchor=f"move-{node}"))
