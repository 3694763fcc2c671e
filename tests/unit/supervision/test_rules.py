"""Reading and checking prompt rules: every problem named with its file and line."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.engine import load_vocabulary
from app.supervision import load_rules

from .helpers import PATH, problems, rules

ROOT = Path(__file__).resolve().parents[3]

GOOD = """\
// a comment
=== concern: leans-on-accounts
when: chose relied-on-self-report in 2+ scenarios
stage: analysis
competency: triangulation
attention: Relied on the parent's account at {count} of {of} decisions
prompt: In {scenarios} you took the parent's word.
  What made it feel like enough?
"""


def where(found, code):
    return [(p.path, p.line) for p in found if p.code == code]


def test_the_real_rules_file_checks_clean():
    vocab = load_vocabulary(ROOT / "content")
    found, trouble = load_rules(ROOT / "content" / "supervision-rules.txt", vocab)
    assert [str(p) for p in trouble] == []
    kinds = {r.kind for r in found}
    assert kinds == {"concern", "strength"} and len(found) >= 10


def test_a_rule_is_read_with_its_prompt_joined_over_lines():
    (rule,) = rules(GOOD)
    assert rule.id == "leans-on-accounts" and rule.kind == "concern" and rule.line == 2
    assert rule.when.kind == "chose" and rule.when.subject == "relied-on-self-report"
    assert rule.when.number == 2 and rule.stage == "analysis"
    assert (
        rule.prompt == "In {scenarios} you took the parent's word. What made it feel like enough?"
    )


@pytest.mark.parametrize(
    "old, new, code, line",
    [
        ("chose relied-on-self-report", "chose relied-on-guesswork", "unknown-tag", 3),
        ("stage: analysis", "stage: feelings", "unknown-stage", 4),
        ("competency: triangulation", "competency: bravery", "unknown-competency", 5),
        ("when: chose", "when: picked", "unknown-when", 3),
        ("{of} decisions", "{total} decisions", "unknown-placeholder", 6),
        ("=== concern:", "=== worry:", "unknown-kind", 2),
        ("leans-on-accounts", "Leans On", "bad-id", 2),
        ("stage: analysis\n", "", "missing-field", 2),
        ("competency: triangulation", "colour: blue", "unknown-key", 5),
        ("stage: analysis\n", "stage: analysis\nstage: action\n", "duplicate-key", 5),
        ("in 2+ scenarios", "in 0+ scenarios", "bad-number", 3),
    ],
)
def test_each_problem_names_file_and_line(old, new, code, line):
    found = problems(GOOD.replace(old, new))
    assert where(found, code) == [(PATH, line)], [str(p) for p in found]


def test_lines_outside_a_rule_and_stray_continuations_are_syntax_problems():
    text = "when: chose home-visit in 1+ scenarios\n" + GOOD.replace(
        "stage: analysis", "stage: analysis\n  carried on"
    )
    assert where(problems(text), "syntax") == [(PATH, 1), (PATH, 6)]


def test_duplicate_ids_and_strength_attention_are_refused():
    text = GOOD + "\n" + GOOD.replace("concern", "strength")
    found = problems(text)
    assert where(found, "duplicate-id") == [(PATH, 11)]
    assert where(found, "attention-on-strength") == [(PATH, 15)]


def test_competency_sentences_name_their_own_competency():
    text = """\
    === concern: low
    when: competency any below 40% in every attempt
    stage: action
    competency: triangulation
    prompt: {competency} was low.
    """
    assert where(problems(text), "competency-conflict") == [(PATH, 4)]
    bad = text.replace("any", "bravery").replace("competency: triangulation\n", "")
    assert where(problems(bad), "unknown-competency") == [(PATH, 2)]
    assert where(problems(text.replace("40%", "140%")), "bad-number") == [(PATH, 2)]


def test_unless_must_name_another_rule():
    text = GOOD.replace("stage: analysis", "unless: nothing-here\nstage: analysis")
    assert where(problems(text), "unknown-rule") == [(PATH, 4)]


def test_a_broken_rule_does_not_silence_the_others():
    broken = GOOD.replace("leans-on-accounts", "second").replace("stage: analysis", "stage: x")
    from app.supervision import parse_rules

    from .helpers import VOCAB

    found, trouble = parse_rules(GOOD + "\n" + broken, PATH, VOCAB)
    assert [r.id for r in found] == ["leans-on-accounts"]
    assert [p.code for p in trouble] == ["unknown-stage"]


def test_every_when_sentence_is_understood():
    sentences = [
        "chose relied-on-self-report in 1+ scenario",
        "ended partial-picture in 3+ scenarios",
        "competency triangulation below 50% in every attempt",
        "competency any at least 80% in every attempt",
        "reflections under 12 words",
        "2+ reflections under 12 words",
        "completed without reflections",
        "no supervision since completing",
        "no supervision since completing for 14+ days",
    ]
    for number, sentence in enumerate(sentences):
        text = f"=== concern: r{number}\nwhen: {sentence}\nstage: action\nprompt: Why?\n"
        assert problems(text) == [], sentence


def test_a_missing_rules_file_is_one_problem(tmp_path):
    from .helpers import VOCAB

    found, trouble = load_rules(tmp_path / "nope.txt", VOCAB)
    assert found == [] and [p.code for p in trouble] == ["missing-file"]
