"""Editing a choice's options: add, change, delete (a delete asks first, then POSTs)."""

from __future__ import annotations

from dataclasses import replace

from flask import abort, render_template, request, url_for
from flask import redirect as go

from ..action_form import ActionForm
from ..authoring import AddOption, Chain, DeleteOption, EditOption, OptionFields
from ..authoring.normalise import prompt_line
from ..engine import NodeKind
from ..engine.model import Option
from ..services import drafts
from . import autosave, bp, forwards, stale
from .common import draft_or_404, edited, problem_links, save_draft, saved, vocab, with_unknown
from .forms import NEW_STEP, option_form, score_field_name
from .nodes import confirm, node_or_404, save


def _option_form(state: drafts.DraftState, option: Option | None):
    known = vocab()
    comps = [(k, known.name_of(k)) for k in state.scenario.competencies]
    data = None
    if request.method != "POST" and option is not None:
        data = {
            "text": option.text, "target": option.target, "feedback": option.feedback,
            "say": option.say, "keep_last": option.keep_last,
            "condition": str(option.condition or ""), "sets": list(option.sets),
            "tags": list(option.tags),
            "supervision": "\n".join(prompt_line(p) for p in option.supervision),
            **{score_field_name(k): str(v) for k, v in option.scores.items()},
        }  # fmt: skip
    form = option_form(comps, data=data)
    form.target.choices = forwards.targets(state.scenario, "Choose a step")
    form.sets.choices = with_unknown([(f, f) for f in state.scenario.flags], option and option.sets)
    form.tags.choices = with_unknown(list(vocab().tags.items()), option and option.tags)
    return form, comps


def _fields(form, comps) -> OptionFields:
    return OptionFields(
        text=form.text.data or "",
        target=form.target.data or "",
        feedback=form.feedback.data or "",
        scores={k: form[score_field_name(k)].data or "" for k, _ in comps},
        sets=tuple(form.sets.data),
        condition=form.condition.data or "",
        tags=tuple(form.tags.data),
        supervision=form.supervision.data or "",
        say=form.say.data or "",
        keep_last=bool(form.keep_last.data),
    )


def _option_page(draft_id: int, node_id: str, index: int | None):
    draft = draft_or_404(draft_id)
    state = drafts.state(draft, vocab())
    current = node_or_404(state, node_id)
    if current.kind != NodeKind.CHOICE or (
        index is not None and not 0 <= index < len(current.options)
    ):
        abort(404)
    option = current.options[index] if index is not None else None
    form, comps = _option_form(state, option)
    step = forwards.NewStep(None)
    if form.validate_on_submit():
        fields = _fields(form, comps)
        step = forwards.new_step(form, state.scenario, form.target.data == NEW_STEP, node_id)
        if step.node_id:
            fields = replace(fields, target=step.node_id)
        change = AddOption(node_id, fields) if index is None else EditOption(node_id, index, fields)
        if step.add:
            change = Chain((step.add, change))
        what = f"option {len(current.options) + 1 if index is None else index + 1} of '{node_id}'"
        if step.ok:
            at = len(current.options) if index is None else index
            here = url_for("author.option", draft_id=draft_id, node_id=node_id, index=at)
            after = url_for("author.node", draft_id=draft_id, node_id=node_id)
            reply = save_draft(draft, form, edited(draft, change, what), here,
                               f"the option in '{node_id}'", after,
                               then=lambda: forwards.go_on(step, draft_id))  # fmt: skip
            if reply is not None:
                return reply
    if autosave.wanted():
        return autosave.refused(form)
    where = f"{node_id}, option {index + 1}" if index is not None else None
    problems = [p for p in problem_links(state) if p.where == where]
    stale.draw(form, draft)
    return render_template(
        "author/option.html", state=state, node=current, index=index, form=form,
        new_chosen=form.target.data == NEW_STEP,
        scores=[form[score_field_name(k)] for k, _ in comps], problems=problems,
    ), (400 if form.errors else 200)  # fmt: skip


@bp.route("/drafts/<int:draft_id>/nodes/<node_id>/options/new", methods=["GET", "POST"])
def new_option(draft_id: int, node_id: str):
    return _option_page(draft_id, node_id, None)


@bp.route("/drafts/<int:draft_id>/nodes/<node_id>/options/<int:index>", methods=["GET", "POST"])
def option(draft_id: int, node_id: str, index: int):
    return _option_page(draft_id, node_id, index)


@bp.route(
    "/drafts/<int:draft_id>/nodes/<node_id>/options/<int:index>/delete", methods=["GET", "POST"]
)
def delete_option(draft_id: int, node_id: str, index: int):
    draft = draft_or_404(draft_id)
    current = node_or_404(drafts.state(draft, vocab()), node_id)
    if current.kind != NodeKind.CHOICE or not 0 <= index < len(current.options):
        abort(404)
    form = ActionForm()
    back = url_for("author.node", draft_id=draft_id, node_id=node_id)
    if form.validate_on_submit() and save(
        draft, DeleteOption(node_id, index), form, f"deleted option {index + 1} of '{node_id}'"
    ):
        saved(draft_id, f"'{node_id}' without that option")
        return go(back)
    text = current.options[index].text
    return confirm(f"Delete option {index + 1} of '{node_id}'?", f"“{text}” will be deleted.",
                    "Delete option", back)  # fmt: skip
