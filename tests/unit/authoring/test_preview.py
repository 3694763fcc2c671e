"""Preview replay: from any node, with flags set by hand, from answers in the URL."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.authoring import preview
from app.engine import StepError, parse

ROOT = Path(__file__).resolve().parents[3]
SCENARIO = parse((ROOT / "tests/fixtures/short-visit.scenario").read_text())[0]


def test_tokens_round_trip():
    assert preview.decode("c.0.r.s") == ["c", "0", "r", "s"]
    assert preview.encode(["c", "1"]) == "c.1" and preview.decode("") == []


def test_play_from_the_start_to_an_ending():
    position = preview.play(SCENARIO, "intro", frozenset(), ["c", "0", "c", "r", "0"])
    assert position.finished and position.node.id == "ending-whole"
    assert position.path[3].answer.text == preview.PREVIEW_REFLECTION


def test_start_anywhere_with_flags_set_by_hand():
    without = preview.play(SCENARIO, "second", frozenset(), [])
    assert [o.index for o in without.offered_options()] == [1, 2]
    with_flag = preview.play(SCENARIO, "second", frozenset({"visited"}), [])
    assert [o.index for o in with_flag.offered_options()] == [0, 1, 2]


def test_bad_answers_and_missing_nodes_are_step_errors():
    with pytest.raises(StepError, match="not offered|not available"):
        preview.play(SCENARIO, "second", frozenset(), ["0"])
    with pytest.raises(StepError, match="Write your reflection"):
        preview.play(SCENARIO, "why", frozenset(), ["s"])  # required reflection skipped
    with pytest.raises(StepError, match="no node 'nope'"):
        preview.begin(SCENARIO, "nope", frozenset())
    with pytest.raises(StepError):
        preview.answer_for("x")
