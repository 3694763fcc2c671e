"""The competency profile: points won as a share of the best on offer at the choices met."""

import pytest

from app.engine import Answer, CompetencyResult, profile, replay

from .helpers import build, check, scenario

C = Answer.continue_()

SCORED = """
=== choice: first
Leanne says all is well.

* Visit her at home.
  -> middle
  set: visited-home
  feedback: You see for yourself.
  scores: triangulation +2, think-family +1

* Take her word for it.
  -> middle
  feedback: Quick, but one-sided.
  scores: triangulation -1

* Ask the school what they see.
  if: spoke-to-school
  -> middle
  feedback: Never offered: nothing sets the flag.
  scores: think-family +2, curiosity +2

=== scene: middle
A week goes by.

-> second

=== choice: second
The children are home.

* Talk with the children.
  -> done
  feedback: You hear them.
  scores: think-family +2, triangulation +1

* Leave it for now.
  -> done
  feedback: They go unheard.
  scores: think-family -2

* Check what the visit showed against the GP record.
  if: visited-home
  -> done
  feedback: You test what you saw.
  scores: triangulation +2

=== ending: done
outcome: Over
"""


TEXT = scenario(SCORED, start="first", competencies="triangulation, curiosity, think-family")


def test_the_scored_scenario_checks_clean():
    assert check(TEXT) == []


@pytest.fixture
def s():
    return build(TEXT)


def results(s, *answers):
    found = profile(s, replay(s, list(answers)).path)
    return {k: (r.won, r.best) for k, r in found.items()}, found


def test_visiting_path(s):
    numbers, found = results(s, Answer.choose(0), C, Answer.choose(0))
    # first: triangulation best 2, think-family best 1 (the hidden +2 does not count)
    # second (visit option offered): triangulation best 2, think-family best 2
    assert numbers == {"triangulation": (3, 4), "curiosity": (0, 0), "think-family": (3, 3)}
    assert found["triangulation"].share == 0.75
    assert found["triangulation"].percent == 75
    assert found["think-family"].share == 1.0
    assert found["think-family"].percent == 100


def test_a_hidden_high_scoring_option_does_not_raise_best(s):
    numbers, _ = results(s, Answer.choose(1), C, Answer.choose(0))
    # at 'second' the +2 triangulation option is hidden (not visited), so the best there is +1
    assert numbers["triangulation"] == (-1 + 1, 2 + 1)
    assert numbers["think-family"] == (0 + 2, 1 + 2)


def test_competency_never_scored_at_a_met_choice_has_no_share(s):
    _, found = results(s, Answer.choose(0), C, Answer.choose(0))
    assert found["curiosity"] == CompetencyResult("curiosity", 0, 0)
    assert found["curiosity"].share is None
    assert found["curiosity"].percent is None


def test_negative_totals_clamp_the_share_to_zero(s):
    numbers, found = results(s, Answer.choose(1), C, Answer.choose(1))
    assert numbers["triangulation"] == (-1, 3)
    assert numbers["think-family"] == (-2, 3)
    assert found["triangulation"].share == 0
    assert found["think-family"].percent == 0


def test_only_choices_met_count(s):
    numbers, _ = results(s, Answer.choose(0))
    assert numbers == {"triangulation": (2, 2), "curiosity": (0, 0), "think-family": (1, 1)}
    assert results(s)[0] == {"triangulation": (0, 0), "curiosity": (0, 0), "think-family": (0, 0)}


def test_results_follow_the_header_order_then_any_others():
    s = build(scenario(SCORED, start="first", competencies="think-family"))
    _, found = results(s, Answer.choose(0), C, Answer.choose(0))
    assert list(found)[0] == "think-family"
    assert set(found) == {"think-family", "triangulation"}


def test_share_and_percent_from_numbers():
    assert CompetencyResult("x", 1, 3).percent == 33
    assert CompetencyResult("x", 2, 3).percent == 67
    assert CompetencyResult("x", 5, 3).share == 1.0  # never above the best
    assert CompetencyResult("x", -4, 2).share == 0.0
    assert CompetencyResult("x", -4, 0).share is None
