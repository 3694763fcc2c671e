"""A learning source's own rules look only at the scenarios that name the source, and a rule may
ask about a tag passed over when it was on offer ('missed')."""

from __future__ import annotations

from dataclasses import replace

from app.supervision import generate

from .helpers import NOW, VOCAB, attempt, choice, history, rules

MISSED = rules(
    """\
    === concern: never-checks
    when: missed checked-other-sources in 1+ scenarios
    stage: action
    attention: Passed over checking at {count} of {of} decisions
    prompt: In {scenarios} you did not check the account with anyone else. Who could you ask?
    """
)


def took_word(aid, scenario, day=0):
    """The learner took the parent's word where checking with others was on offer."""
    picked = choice(1, "Take her word", tags=["relied-on-self-report"],
                    offered=["checked-other-sources"], day=day)  # fmt: skip
    return attempt(aid, scenario, choices=[picked], day=day)


def test_a_missed_tag_raises_the_rule():
    out = generate(history(took_word(1, "phone-review")), MISSED, VOCAB, NOW)
    assert out.attention == ("Passed over checking at 1 of 1 decisions",)
    assert out.prompts[0].text.startswith("In Phone review you did not check")
    assert "passed over at 1 of 1 decisions" in out.prompts[0].trigger


def test_choosing_the_tag_is_not_missing_it():
    checked = attempt(1, choices=[choice(1, "Ask the school", tags=["checked-other-sources"])])
    assert generate(history(checked), MISSED, VOCAB, NOW).attention == ()


def test_a_scoped_rule_looks_only_at_its_scenarios():
    scoped = [replace(MISSED[0], scenarios=frozenset({"school-call"}))]
    other = history(took_word(1, "phone-review"))
    assert generate(other, scoped, VOCAB, NOW).prompts == ()
    both = history(took_word(1, "phone-review"), took_word(2, "school-call", day=2))
    out = generate(both, scoped, VOCAB, NOW)
    assert out.attention == ("Passed over checking at 1 of 1 decisions",)
    assert "School call" in out.prompts[0].text and "Phone review" not in out.prompts[0].text
