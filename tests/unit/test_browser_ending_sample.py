"""The rule that picks which endings the browser tier plays (tests/browser/ending_sample.py):
the best and the worst ending, and every feature met on the way to any ending is met on a
chosen path too. Every ending is still played over HTTP (tests/functional)."""

from __future__ import annotations

import pytest

from app.engine import check_text, load_vocabulary, parse, paths_to_endings
from tests.browser.ending_sample import features, percent, representative
from tests.conftest import ROOT

VOCAB = load_vocabulary(ROOT / "content")
SCENARIOS = sorted((ROOT / "scenarios").glob("*.scenario"))


def _parsed(path):
    scenario, problems = check_text(path.read_text(encoding="utf-8"), str(path), VOCAB)
    assert problems == []
    return scenario


SMALL = """\
id: small
title: Small
summary: Three ways on from one question.
role: Health visitor
agencies: health
competencies: triangulation
minutes: 2
content-note: None.
start: intro

=== choice: intro
What do you do?

* Check with the school.
  -> best
  feedback: Another view.
  scores: triangulation +2

* Write a note first.
  -> note
  feedback: A pause to think.
  scores: triangulation +1

* Take her word for it.
  -> worst
  feedback: One account only.
  scores: triangulation -1

=== reflection: note
What would you check?

-> middle

=== ending: best
outcome: The whole picture
Both views.

=== ending: middle
outcome: Part of the picture
Some of it.

=== ending: worst
outcome: One account
Nothing joined up.
"""


def test_an_ending_is_added_for_a_feature_only_its_path_meets():
    scenario, problems = parse(SMALL)
    assert problems == []
    paths = paths_to_endings(scenario)
    scores = {name: percent(scenario, moves) for name, moves in paths.items()}
    assert scores == {"best": 100, "middle": 50, "worst": 0}
    met = {name: features(scenario, moves) for name, moves in paths.items()}
    assert met["middle"] - met["best"] - met["worst"] == {"kind:reflection"}
    assert representative(scenario, paths) == ["best", "worst", "middle"]
    without = SMALL.replace("-> note", "-> middle")
    scenario, _ = parse(without)
    assert representative(scenario, paths_to_endings(scenario)) == ["best", "worst"]


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_shipped_scenarios_best_worst_and_every_feature_are_played(path):
    scenario = _parsed(path)
    paths = paths_to_endings(scenario)
    chosen = representative(scenario, paths)
    scores = {name: percent(scenario, moves) for name, moves in paths.items()}
    assert max(scores.values()) == scores[chosen[0]]
    assert min(scores.values()) in {scores[name] for name in chosen}
    met = {name: features(scenario, moves) for name, moves in paths.items()}
    assert set().union(*met.values()) == set().union(*(met[name] for name in chosen))
    assert {"kind:scene", "kind:choice", "kind:reflection", "kind:ending"} <= met[chosen[0]]
