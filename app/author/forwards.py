"""Writing forwards: "Leads to" and "Go to" offer "A new step...", which creates the step in the
same save and opens it next, as a Twine link creates its passage. Lists name steps by their
titles (app/authoring/steps.py), and a side list of the draft's steps sits beside each form."""

from __future__ import annotations

from dataclasses import dataclass

from flask import flash, redirect, url_for

from ..authoring.steps import AddStep, new_step_id, step_label
from ..engine.model import Scenario
from . import autosave, bp
from .forms import NEW_STEP


@bp.app_template_filter("step_label")
def _step_label(node) -> str:
    return step_label(node)


def targets(scenario: Scenario, empty: str) -> list[tuple[str, str]]:
    """A Leads to / Go to list: nothing yet, every step by its title, or a new step."""
    steps = [(n.id, step_label(n)) for n in scenario.nodes.values()]
    return [("", empty), *steps, (NEW_STEP, "A new step…")]


@dataclass(frozen=True)
class NewStep:
    add: AddStep | None  # None: no new step was asked for
    ok: bool = True  # False: asked for but not given a title (the form says so)

    @property
    def node_id(self) -> str | None:
        return self.add.node_id if self.add else None


def new_step(form, scenario: Scenario, chosen: int, after: str) -> NewStep:
    """The new step a form asks for (`chosen` is how many of its lists chose one)."""
    if not chosen:
        return NewStep(None)
    problem = None
    if chosen > 1:
        problem = "Choose 'A new step…' in one list at a time, then save"
    elif autosave.wanted():
        problem = "Press the save button to create the new step"
    elif not (form.new_title.data or "").strip():
        problem = "Give the new step a title, like 'Clinic visit'"
    if problem:
        form.new_title.errors = [*form.new_title.errors, problem]
        return NewStep(None, ok=False)
    title = form.new_title.data.strip()
    node_id = new_step_id(scenario, title)
    return NewStep(AddStep(node_id, form.new_kind.data or "scene", title, after))


def go_on(step: NewStep, draft_id: int):
    """After a save that made a new step: open it next (None when no step was made)."""
    if not step.node_id:
        return None
    opened_next(step)
    return redirect(url_for("author.node", draft_id=draft_id, node_id=step.node_id))


def opened_next(step: NewStep) -> None:
    assert step.add is not None
    flash(f"Saved. Now write the new step ‘{step.add.title}’: it is linked already.", "success")
