"""The exercise format: the guide's examples parse, and every problem names file and line."""

from __future__ import annotations

import re
from pathlib import Path

from app.engine import load_vocabulary
from app.exercise import Basis, check_text

ROOT = Path(__file__).resolve().parents[3]
VOCAB = load_vocabulary(ROOT / "content")


def guide_example() -> str:
    guide = (ROOT / "exercises" / "README.md").read_text(encoding="utf-8")
    return "\n".join(re.findall(r"```exercise\n(.*?)```", guide, re.S))


def test_the_guides_examples_make_a_valid_exercise():
    exercise, problems = check_text(guide_example(), "README.md", VOCAB)
    assert problems == []
    assert [s.id for s in exercise.seats] == ["school", "gp"]
    fragment = exercise.fragment("absence-log")
    assert fragment.seat == "school" and fragment.best == (Basis.RISK, Basis.CONSENT)
    assert fragment.typical.to == ("gp",) and fragment.typical.basis == Basis.CONSENT
    decision = exercise.decision("gp-call")
    assert decision.typical == 0 and len(decision.options) == 2
    assert decision.options[1].scores == (("think-family", 2),)


def _problems(text: str) -> list[str]:
    return [f"{p.line}:{p.code}" for p in check_text(text, "x.exercise", VOCAB)[1]]


def test_a_wrong_name_is_reported_on_its_line():
    text = guide_example().replace("seat: school\ntitle", "seat: scool\ntitle")
    line = text.splitlines().index("seat: scool") + 1
    block_line = text.splitlines().index("=== fragment: absence-log") + 1
    found = _problems(text)
    assert f"{block_line}:unknown-seat" in found, (found, line)


def test_unknown_settings_bases_and_scores_are_named():
    text = guide_example()
    text = text.replace("best: risk, consent", "best: risky\ncolour: red")
    text = text.replace("think-family +2", "thinking +2")
    lines = text.splitlines()
    found = _problems(text)
    assert f"{lines.index('best: risky') + 1}:unknown-basis" in found
    assert f"{lines.index('colour: red') + 1}:unknown-setting" in found
    assert any(p.endswith(":unknown-competency") for p in found)


def test_an_option_without_feedback_and_a_change_to_an_earlier_decision_are_refused():
    text = guide_example().replace(
        "  feedback: Quick and kind, but you hear only one account.\n", ""
    )
    assert any(p.endswith(":no-feedback") for p in _problems(text))
    text = guide_example().replace("changes: gp-call", "changes: nothing-here")
    assert any(p.endswith(":unknown-decision") for p in _problems(text))


def test_a_file_without_an_id_cannot_be_read():
    exercise, problems = check_text("title: No id\n", "x.exercise", VOCAB)
    assert exercise is None and problems[0].code == "missing-setting"
