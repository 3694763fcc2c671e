"""to_text writes a scenario back in the file format: same meaning, readable layout."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from app.authoring import meaning, to_text
from app.authoring.meaning import _option as _option_meaning
from app.engine import parse

ROOT = Path(__file__).resolve().parents[3]
FILES = sorted((ROOT / "scenarios").glob("*.scenario")) + [
    ROOT / "tests/fixtures/short-visit.scenario",
    ROOT / "tests/fixtures/player/many-options.scenario",
]


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.stem)
def test_every_library_file_round_trips_with_the_same_meaning(path):
    original, problems = parse(path.read_text())
    assert problems == []
    written = to_text(original)
    again, problems = parse(written)
    assert problems == []
    assert meaning(again) == meaning(original)
    assert to_text(again) == written  # writing is stable


def test_layout_follows_the_authors_guide():
    scenario, _ = parse((ROOT / "tests/fixtures/short-visit.scenario").read_text())
    text = to_text(scenario)
    assert text.startswith("id: short-visit\ntitle: A short visit\n")
    assert (
        "\nflags: visited\ncontent-note: This test scenario mentions drug use.\nstart: intro\n"
        in text
    )
    assert "=== scene: intro\nDana says all is well.\n\n-> first\n" in text
    assert (
        "* Share what you saw at the visit.\n  if: visited\n  -> ending-whole\n"
        "  feedback: What you saw adds to what the school knows.\n  scores: triangulation +2\n"
    ) in text
    assert "=== reflection: optional-note\noptional: yes\n\nAnything else to note?\n" in text
    assert "// A small scenario" not in text  # comments are not part of a Scenario


def test_multi_line_feedback_and_prompts_keep_their_lines():
    source = (
        (ROOT / "tests/fixtures/short-visit.scenario")
        .read_text()
        .replace(
            "  feedback: Seeing the home tests what you are told.",
            "  feedback: Seeing the home tests\n    what you are told.\n\n    A second paragraph.\n"
            "  supervision: (analysis) Why\n    this?",
        )
    )
    scenario, problems = parse(source)
    assert problems == []
    option = scenario.nodes["first"].options[0]
    assert option.feedback == "Seeing the home tests\nwhat you are told.\n\nA second paragraph."
    again, _ = parse(to_text(scenario))
    assert again.nodes["first"].options[0].feedback == option.feedback
    assert again.nodes["first"].options[0].supervision[0].stage == "analysis"
    assert meaning(again) == meaning(scenario)


def test_what_you_might_say_and_keep_last_survive_a_round_trip():
    source = (ROOT / "tests/fixtures/player/many-options.scenario").read_text()
    source = source.replace(
        '  say: "I check with the people who see the children. It is what I do for every family."',
        '  say: "I check with the people who see the children.\n\n    It is what I do for every'
        ' family."',
    )
    scenario, problems = parse(source)
    assert problems == []
    options = scenario.nodes["choose"].options
    assert options[0].say.split("\n\n") == [
        '"I check with the people who see the children.',
        'It is what I do for every family."',
    ]
    assert [o.keep_last for o in options] == [False] * 5 + [True]
    text = to_text(scenario)
    assert "  keep-last: yes" in text and text.count("keep-last") == 1
    again, problems = parse(text)
    assert problems == []
    assert again.nodes["choose"].options[0].say == options[0].say
    assert meaning(again) == meaning(scenario)
    unkept = replace(scenario.nodes["choose"].options[5], keep_last=False)
    assert _option_meaning(unkept) != _option_meaning(options[5])  # a change a diff must show
