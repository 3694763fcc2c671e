"""The option-bias measure on a small made-up scenario, worked out by hand."""

from __future__ import annotations

from app.engine.bias import bias, cue_words, library_bias, word_count

from .helpers import build, scenario

BODY = """
=== choice: first
What do you do?

* Ring the school.
  -> second
  feedback: a
  scores: triangulation -1
* Explain gently why you will visit, and then go to the home this week.
  -> second
  feedback: b
  scores: triangulation +2, curiosity +1
* Wait.
  -> second
  feedback: c
  scores: curiosity +1

=== choice: second
What next?

* Ask the health visitor what she sees.
  -> tie
  feedback: d
  scores: triangulation +1
* Write to the GP openly.
  -> tie
  feedback: e
  scores: curiosity +1
* Close the case.
  -> tie
  feedback: f
  scores: triangulation -2

=== choice: tie
All the same?

* One.
  -> done
  feedback: g
* Two words.
  -> done
  feedback: h

=== ending: done
outcome: Done

The end.
"""


def _figures():
    return bias(build(scenario(BODY, start="first")))


def test_words_and_cue_words_are_counted_as_whole_words_in_any_case():
    assert word_count("Ask *her* what   she sees.") == 5
    assert cue_words("Explain WHY, then explaining; not whyever or unexplained.") == [
        "explain",
        "why",
        "explaining",
    ]


def test_best_middle_and_poor_options_by_score_sum():
    figures = _figures()
    assert figures["choices"] == 2  # 'tie' scores nothing anywhere: no best option to spot
    # best: "Explain gently ..." (14 words, sum 3); both options of 'second' sum to 1 (7 and 5 words)
    assert figures["best"] == {
        "options": 3,
        "mean_words": round((14 + 7 + 5) / 3, 1),
        "with_cue_words": 2,
        "cue_share": round(2 / 3, 3),
    }
    assert figures["middle"]["options"] == 1 and figures["middle"]["mean_words"] == 1.0
    assert figures["poor"]["options"] == 2 and figures["poor"]["with_cue_words"] == 0
    assert figures["others"] == {
        "options": 3,
        "mean_words": round((3 + 1 + 3) / 3, 1),
        "with_cue_words": 0,
        "cue_share": 0.0,
    }
    assert figures["length_ratio"] == round((26 / 3) / (7 / 3), 3)
    assert figures["cue_share_gap"] == round(2 / 3, 3)


def test_where_the_best_option_is_written():
    figures = _figures()
    assert figures["best_position"] == {"0": 1, "1": 1}
    assert figures["best_is_longest"] == 2
    assert figures["cue_words_used"] == {"explain": 1, "gently": 1, "why": 1, "openly": 1}


def test_the_library_pools_options_rather_than_averaging_scenarios():
    one = build(scenario(BODY, start="first"))
    pooled = library_bias([one, one])
    assert pooled["choices"] == 4
    assert pooled["best"]["options"] == 6
    assert pooled["length_ratio"] == _figures()["length_ratio"]
