"""Edits for writing forwards and undoing (app/authoring/steps.py), without an app."""

from __future__ import annotations

import pytest

from app.authoring import EditError, apply_to_text, blank_text
from app.authoring.steps import (
    AddStep,
    CopyNode,
    MoveOption,
    RestoreNode,
    new_step_id,
    step_label,
)
from app.engine import parse


def _scenario(text: str):
    return parse(text)[0]


def test_a_new_steps_id_comes_from_its_title_and_never_clashes():
    scenario = _scenario(blank_text("visit", "Visit", first_node="clinic-visit"))
    assert new_step_id(scenario, "Clinic visit") == "clinic-visit-2"
    assert new_step_id(scenario, "  Leah's   answer! ") == "leah-s-answer"
    assert new_step_id(scenario, "2 weeks later") == "step-2-weeks-later"
    with pytest.raises(EditError):
        new_step_id(scenario, "!!!")


def test_a_new_ending_takes_its_title_as_its_outcome_and_sits_after_its_parent():
    text = apply_to_text(blank_text("visit", "Visit"), AddStep("later", "scene", "Later"))
    text = apply_to_text(text, AddStep("done", "ending", "It is done", after="opening"))
    scenario = _scenario(text)
    assert list(scenario.nodes) == ["opening", "done", "later"]
    assert scenario.nodes["done"].outcome == "It is done"
    assert step_label(scenario.nodes["done"]) == "It is done (done)"
    assert step_label(scenario.nodes["later"]) == "later"


def test_a_long_label_is_cut_at_a_word():
    text = apply_to_text(blank_text("visit", "Visit"), AddStep("end", "ending", "x"))
    node = _scenario(text).nodes["opening"]
    from dataclasses import replace

    label = step_label(replace(node, text="**Leah** " + "waits by the door " * 10))
    assert label.startswith("Leah waits by the door") and label.endswith("… (opening)")
    assert len(label) < 70


def test_a_restored_step_goes_back_after_the_step_before_it():
    text = apply_to_text(blank_text("visit", "Visit"), AddStep("b", "scene", "B"))
    old = _scenario(apply_to_text(text, AddStep("c", "ending", "C")))
    scenario = _scenario(apply_to_text(text, AddStep("c", "ending", "C")))
    without = {k: n for k, n in scenario.nodes.items() if k != "b"}
    from dataclasses import replace

    restored = RestoreNode(old.nodes["b"], after="opening").apply(replace(scenario, nodes=without))
    assert list(restored.nodes) == ["opening", "b", "c"]
    with pytest.raises(EditError):
        RestoreNode(old.nodes["b"]).apply(scenario)


def test_copies_get_a_fresh_id_and_moves_stop_at_the_ends():
    text = apply_to_text(blank_text("visit", "Visit"), CopyNode("opening"))
    text = apply_to_text(text, CopyNode("opening"))
    assert list(_scenario(text).nodes) == ["opening", "opening-copy-2", "opening-copy"]
    with pytest.raises(EditError):
        MoveOption("opening", 0, 1).apply(_scenario(text))  # a scene has no options
