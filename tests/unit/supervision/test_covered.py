"""Prompts covered in a session stay away unless the pattern happens again after it."""

from __future__ import annotations

from datetime import date

from app.supervision import generate

from .helpers import NOW, VOCAB, ask, attempt, choice, history, rules, session

RULES = rules(
    """\
    === concern: leans-on-accounts
    when: chose relied-on-self-report in 1+ scenarios
    stage: analysis
    attention: Relied on the parent's account at {count} of {of} decisions
    prompt: What made the parent's word feel like enough?

    === concern: unsupervised
    when: no supervision since completing
    stage: experience
    attention: Not in supervision since completing
    prompt: What stood out?
    """
)


def leaning(aid: int, day: int):
    return attempt(
        aid,
        day=day,
        choices=[
            choice(
                1,
                "Take her word",
                tags=["relied-on-self-report"],
                day=day,
                prompts=[ask("Why was the phone call enough?", "reflection")],
            )
        ],
    )


def keys(out):
    return [p.key for p in out.prompts]


def test_covered_prompts_do_not_come_back():
    before = generate(history(leaning(1, 0)), RULES, VOCAB, NOW)
    assert len(before.prompts) == 3
    covered = session(date(2026, 3, 10), *keys(before))
    after = generate(history(leaning(1, 0), sessions=[covered]), RULES, VOCAB, NOW)
    assert after.prompts == () and after.attention == ()


def test_a_covered_prompt_returns_when_the_pattern_recurs_after_the_session():
    covered = session(date(2026, 3, 10), "rule:leans-on-accounts")
    again = history(leaning(1, 0), leaning(2, 12), sessions=[covered])
    out = generate(again, RULES, VOCAB, NOW)
    back = next(p for p in out.prompts if p.key == "rule:leans-on-accounts")
    assert back.returning == date(2026, 3, 10)
    assert "Relied on the parent's account at 2 of 2 decisions" in out.attention


def test_evidence_on_or_before_the_session_day_is_not_new():
    covered = session(date(2026, 3, 2), "rule:leans-on-accounts")
    out = generate(history(leaning(1, 0), sessions=[covered]), RULES, VOCAB, NOW)
    assert "rule:leans-on-accounts" not in keys(out)


def test_uncovered_prompts_stay_after_a_session():
    out = generate(history(leaning(1, 0), sessions=[session(date(2026, 3, 10))]), RULES, VOCAB, NOW)
    assert "rule:leans-on-accounts" in keys(out)
    # but any session after completing answers "not in supervision since completing"
    assert "rule:unsupervised" not in keys(out)


def test_not_in_supervision_comes_back_with_a_new_completion():
    covered = session(date(2026, 3, 10), "rule:unsupervised")
    out = generate(history(leaning(1, 0), leaning(2, 12), sessions=[covered]), RULES, VOCAB, NOW)
    assert "Not in supervision since completing" in out.attention
