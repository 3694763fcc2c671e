"""Stepping a learner through a scenario: the answers are the whole state of an attempt."""

import pytest

from app.engine import MAX_REFLECTION_CHARS, Answer, StepError, advance, replay, start

from .helpers import CLEAN, build, scenario

C, R = Answer.continue_(), Answer.reflect

FLAGS = """
=== choice: begin
Where do you start?

* Visit the home.
  -> plan
  set: visited-home
  feedback: You see the home.

* Ring the school.
  -> plan
  set: spoke-to-school
  feedback: You hear from the school.

* Do nothing yet.
  -> plan
  feedback: You wait.

=== choice: plan
What next?

* Tell the school what you saw.
  if: visited-home and not spoke-to-school
  -> meeting
  feedback: Shared.

* Ask to visit the home.
  if: not visited-home
  -> meeting
  feedback: Asked.

* Write it up.
  -> meeting
  feedback: Written.

=== scene: meeting
The meeting starts.

-> with-both if visited-home and spoke-to-school
-> with-school if spoke-to-school
-> alone

=== ending: with-both
outcome: Both

=== ending: with-school
outcome: School

=== ending: alone
outcome: Alone
"""


@pytest.fixture
def clean():
    return build(scenario(CLEAN))


@pytest.fixture
def flagged():
    return build(scenario(FLAGS))


def offered(position):
    return [o.index for o in position.offered_options()]


def test_start_advance_and_replay_agree(clean):
    first = start(clean)
    assert (first.node.id, first.flags, first.path, first.step_number) == (
        "begin",
        frozenset(),
        (),
        0,
    )
    assert not first.finished
    second = advance(clean, first, C)
    third = advance(clean, second, Answer.choose(0))
    fourth = advance(clean, third, R("It was tidy."))
    assert [p.node.id for p in (second, third, fourth)] == ["ask", "home-visit", "done"]
    assert [p.step_number for p in (first, second, third, fourth)] == [0, 1, 2, 3]
    assert fourth.finished
    assert fourth.flags == frozenset({"visited-home"})
    again = replay(clean, [C, Answer.choose(0), R("It was tidy.")])
    assert again == fourth
    assert [(s.node.id, s.answer) for s in again.path] == [
        ("begin", C),
        ("ask", Answer.choose(0)),
        ("home-visit", R("It was tidy.")),
    ]
    assert again.path[1].option.text == "Visit her at home."
    assert again.path[0].option is None


def test_steps_record_the_flags_as_they_were_when_shown(flagged):
    position = replay(flagged, [Answer.choose(0), Answer.choose(2)])
    assert [s.flags_before for s in position.path] == [frozenset(), frozenset({"visited-home"})]


def test_a_choice_offers_only_options_whose_conditions_hold(flagged):
    assert offered(replay(flagged, [Answer.choose(0)])) == [0, 2]
    assert offered(replay(flagged, [Answer.choose(1)])) == [1, 2]
    assert offered(replay(flagged, [Answer.choose(2)])) == [1, 2]


def test_choosing_an_option_not_offered(flagged):
    position = replay(flagged, [Answer.choose(0)])
    with pytest.raises(StepError) as err:
        advance(flagged, position, Answer.choose(1))
    assert err.value.code == "not-offered"
    for missing in (3, -1):
        with pytest.raises(StepError) as err:
            advance(flagged, position, Answer.choose(missing))
        assert err.value.code == "not-offered"


def test_flags_carry_forward_and_route_conditions_pick_the_first_that_holds(flagged):
    # visit, then "ask to visit" is hidden; with only the school rung, "tell the school" is hidden
    ends = {
        (0, 2): "alone",  # visited-home only
        (1, 1): "with-school",  # spoke-to-school only
        (2, 2): "alone",  # nothing
    }
    for (first, second), ending in ends.items():
        position = replay(flagged, [Answer.choose(first), Answer.choose(second), C])
        assert position.node.id == ending, (first, second)
    both = build(
        scenario(FLAGS.replace("  feedback: Asked.", "  set: visited-home\n  feedback: Asked."))
    )
    position = replay(both, [Answer.choose(1), Answer.choose(1), C])
    assert position.flags == frozenset({"visited-home", "spoke-to-school"})
    assert position.node.id == "with-both"  # first matching line, though 'with-school' holds too


def test_required_reflection_left_empty(clean):
    position = replay(clean, [C, Answer.choose(0)])
    for empty in (None, "", "   \n  "):
        with pytest.raises(StepError) as err:
            advance(clean, position, R(empty))
        assert err.value.code == "required"


def test_optional_reflection_left_empty_is_skipped():
    s = build(
        scenario(
            CLEAN.replace(
                "What did the visit tell you?", "optional: yes\nWhat did the visit tell you?"
            )
        )
    )
    assert s.node("home-visit").optional
    for empty in (None, "", "  \r\n "):
        position = replay(s, [C, Answer.choose(0), R(empty)])
        assert position.node.id == "done"
        assert position.path[-1].answer == Answer("reflect", text=None)


def test_reflection_text_is_tidied(clean):
    position = replay(clean, [C, Answer.choose(0), R("  First.\r\nSecond.  \n")])
    assert position.path[-1].answer.text == "First.\nSecond."


def test_reflection_longer_than_the_limit(clean):
    position = replay(clean, [C, Answer.choose(0)])
    assert advance(clean, position, R("x" * MAX_REFLECTION_CHARS)).finished
    with pytest.raises(StepError) as err:
        advance(clean, position, R("x" * (MAX_REFLECTION_CHARS + 1)))
    assert err.value.code == "too-long"
    assert f"{MAX_REFLECTION_CHARS:,}" in str(err.value)


def test_answering_a_finished_position(clean):
    position = replay(clean, [C, Answer.choose(1)])
    assert position.finished
    for answer in (C, Answer.choose(0), R("More.")):
        with pytest.raises(StepError) as err:
            advance(clean, position, answer)
        assert err.value.code == "finished"


def test_wrong_answer_kind(clean):
    at_scene = start(clean)
    at_choice = replay(clean, [C])
    at_reflection = replay(clean, [C, Answer.choose(0)])
    cases = [
        (at_scene, Answer.choose(0)),
        (at_scene, R("Hi")),
        (at_choice, C),
        (at_choice, R("Hi")),
        (at_reflection, C),
        (at_reflection, Answer.choose(0)),
    ]
    for position, answer in cases:
        with pytest.raises(StepError) as err:
            advance(clean, position, answer)
        assert err.value.code == "wrong-kind", (position.node.id, answer)


def test_replay_rejects_a_stored_answer_that_no_longer_fits(clean):
    with pytest.raises(StepError) as err:
        replay(clean, [C, C])
    assert err.value.code == "wrong-kind"


def test_start_follows_else_when_the_start_node_is_conditional():
    s = build(
        scenario(
            CLEAN.replace("=== scene: begin\n", "=== scene: begin\nif: visited-home\nelse: ask\n")
        )
    )
    assert start(s).node.id == "ask"
