"""The real rules in content/supervision-rules.txt, with the real vocabulary: what a supervisor
would see for a few learner histories, and the guide that describes them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from app.engine import load_vocabulary
from app.supervision import generate, load_rules
from app.supervision.conditions import FORMS, PLACEHOLDERS

from .helpers import NOW, attempt, choice, ending, history, reflection, session

ROOT = Path(__file__).resolve().parents[3]
VOCAB = load_vocabulary(ROOT / "content")
RULES, PROBLEMS = load_rules(ROOT / "content" / "supervision-rules.txt", VOCAB)
GUIDE = (ROOT / "content" / "supervision-rules.md").read_text(encoding="utf-8")
WRITTEN = [reflection(2, "I would ring the school and ask what they see each morning.", rid=9)]


def _by_key(out, key):
    return next(p for p in (*out.prompts, *out.strengths) if p.key == key)


def _tagged(tag, *, day=0, aid=1, scenario="phone-review"):
    return attempt(
        aid,
        scenario,
        day=day,
        choices=[choice(1, "An option", tags=[tag], day=day)],
        reflections=[reflection(2, WRITTEN[0].text, rid=aid * 10, day=day)],
        ending=ending(day=day),
    )


def test_the_rules_file_is_clean():
    assert [str(p) for p in PROBLEMS] == []


@pytest.mark.parametrize(
    ("tag", "key", "attention", "bridge"),
    [
        (
            "network-not-heard",
            "rule:network-not-heard",
            "A relative's worry was not given weight at 2 of 2 decisions",
            "When a family member rings with a concern on your caseload",
        ),
        (
            "history-lost",
            "rule:history-lost",
            "History was not passed on at 2 of 2 decisions",
            "What in our records or systems makes that harder",
        ),
    ],
)
def test_the_network_not_heard_and_history_lost_are_concerns(tag, key, attention, bridge):
    out = generate(
        history(_tagged(tag), _tagged(tag, aid=2, scenario="school-call", day=3)),
        RULES,
        VOCAB,
        NOW,
    )
    assert attention in out.attention
    prompt = _by_key(out, key)
    assert "Phone review and School call" in prompt.text
    assert bridge in prompt.text  # from the story to the learner's own practice
    one = generate(history(_tagged(tag)), RULES, VOCAB, NOW)
    assert attention.split(" at ")[0] not in " ".join(one.attention)  # one scenario: no pattern


@pytest.mark.parametrize(
    ("tag", "key"),
    [
        ("young-carer", "rule:young-carers"),
        ("alarm-given-weight", "rule:gives-weight-to-alarm"),
        ("recorded-decision", "rule:records-sharing-decisions"),
        ("consent-revisited", "rule:revisits-consent"),
        ("deterioration-noticed", "rule:notices-decline"),
        ("transparency", "rule:open-about-sharing"),
    ],
)
def test_the_tags_once_unused_now_raise_prompts(tag, key):
    out = generate(
        history(_tagged(tag), _tagged(tag, aid=2, scenario="school-call", day=3)),
        RULES,
        VOCAB,
        NOW,
    )
    prompt = _by_key(out, key)
    assert prompt.text.startswith("In Phone review and School call")
    assert prompt.attention is None  # named on the agenda, never on the "needs attention" list


def test_no_rule_quotes_a_score_or_a_percentage():
    for rule in RULES:
        for text in (rule.prompt, rule.attention or ""):
            assert "%" not in text and "{percent}" not in text and "{threshold}" not in text, (
                rule.id
            )


def test_a_competency_picked_up_least_every_time_is_a_question_not_a_score():
    low = {"triangulation": (0, 4), "child-voice": (2, 2)}
    one = attempt(1, profile=low, reflections=WRITTEN)
    two = attempt(2, "school-call", day=2, profile=low, reflections=WRITTEN)
    out = generate(history(one, two), RULES, VOCAB, NOW)
    assert "Testing self-report: a thread to explore together (2 attempts)" in out.attention
    prompt = _by_key(out, "rule:competency-low-every-time:triangulation")
    assert "question rather than a verdict" in prompt.text
    assert not re.search(r"\d", prompt.text)
    strong = _by_key(out, "rule:competency-strong-every-time:child-voice")
    assert not re.search(r"\d", strong.text)


def test_not_in_supervision_reads_naturally_before_and_after_a_first_session():
    done = attempt(1, reflections=WRITTEN, day=27)  # finished 1 March + 28 days: yesterday
    out = generate(history(done), RULES, VOCAB, NOW)
    prompt = _by_key(out, "rule:not-in-supervision")
    assert prompt.text.startswith(
        "You have completed Phone review before your first supervision session here."
    )
    assert "Not in supervision since completing 1 attempt (yesterday)" in out.attention
    assert "none yet" not in prompt.text + " ".join(out.attention) + prompt.trigger
    older = attempt(2, "school-call", reflections=WRITTEN, day=1)
    out = generate(history(older, done, sessions=[session(date(2026, 3, 2))]), RULES, VOCAB, NOW)
    prompt = _by_key(out, "rule:not-in-supervision")
    assert "since your last supervision on 2 March 2026" in prompt.text
    assert "Not in supervision since completing 2 attempts (the first 27 days ago)" in out.attention


def test_an_emotional_check_in_after_a_completion_returns_with_the_next_one():
    first = attempt(1, reflections=WRITTEN)
    out = generate(history(first), RULES, VOCAB, NOW)
    prompt = _by_key(out, "rule:emotional-impact")
    assert prompt.stage == "reflection" and prompt.attention is None
    assert "How has it felt to work through Phone review?" in prompt.text
    covered = [session(date(2026, 3, 10), "rule:emotional-impact")]
    assert "rule:emotional-impact" not in {
        p.key for p in generate(history(first, sessions=covered), RULES, VOCAB, NOW).prompts
    }
    later = attempt(2, "school-call", day=20, reflections=WRITTEN)
    again = generate(history(first, later, sessions=covered), RULES, VOCAB, NOW)
    assert _by_key(again, "rule:emotional-impact").returning == date(2026, 3, 10)


def test_partial_pictures_raise_a_question_about_the_system():
    partial = ending(tags=["partial-picture"])
    one = attempt(1, ending=partial, reflections=WRITTEN)
    two = attempt(2, "school-call", day=2, ending=partial, reflections=WRITTEN)
    out = generate(history(one, two), RULES, VOCAB, NOW)
    prompt = _by_key(out, "rule:barriers-in-the-system")
    assert prompt.stage == "action" and "organisation" in prompt.text


def test_the_guide_describes_every_rule_sentence_and_placeholder():
    for rule in RULES:
        assert f"| `{rule.id}` |" in GUIDE, rule.id
    for _, usage in FORMS.values():
        sentence = " ".join(re.sub(r"\[[^\]]*\]", "", usage).split())  # optional parts aside
        assert f"| `{sentence}` |" in GUIDE, usage
    for name in set().union(*PLACEHOLDERS.values()):
        assert "{" + name + "}" in GUIDE, name
    example = re.search(r"```\n(=== concern: .*?)```", GUIDE, re.S).group(1)
    text = (ROOT / "content" / "supervision-rules.txt").read_text(encoding="utf-8")
    assert example in text  # the guide's example is a real rule, word for word


def test_what_raised_a_competency_prompt_says_the_points_are_the_simulations():
    low = {"triangulation": (0, 4)}
    one = attempt(1, profile=low, reflections=WRITTEN)
    two = attempt(2, "school-call", day=2, profile=low, reflections=WRITTEN)
    prompt = _by_key(
        generate(history(one, two), RULES, VOCAB, NOW),
        "rule:competency-low-every-time:triangulation",
    )
    assert prompt.trigger == (
        "Choices touching Testing self-report won under 40% of the points on offer in every "
        "attempt that explored it (2 attempts: Phone review and School call): a simulation's "
        "points, not a measure of practice"
    )
