"""The order a learner sees a choice's options in: shuffled per attempt, stable within one."""

from __future__ import annotations

from app.engine.ordering import attempt_seed, shown_order

from .helpers import build, scenario

FIVE = """
=== choice: ask
What do you do?

* Alpha.
  -> done
  feedback: a
* Bravo.
  -> done
  feedback: b
* Something else.
  -> done
  feedback: s
  keep-last: yes
* Charlie.
  -> done
  feedback: c
* Delta.
  -> done
  feedback: d
* I am not sure yet.
  -> done
  feedback: n
  keep-last: yes
* Echo.
  -> done
  feedback: e

=== ending: done
outcome: Done

The end.
"""
KEPT = ["Something else.", "I am not sure yet."]


def _options():
    return build(scenario(FIVE, start="ask")).nodes["ask"].options


def _texts(options) -> list[str]:
    return [o.text for o in options]


def test_the_same_attempt_and_node_always_give_the_same_order():
    options = _options()
    first = _texts(shown_order(options, attempt_seed(7, "ask")))
    for _ in range(3):
        assert _texts(shown_order(options, attempt_seed(7, "ask"))) == first
    assert sorted(first) == sorted(_texts(options))  # a reordering: nothing lost or added


def test_options_kept_last_stay_last_in_file_order_for_every_attempt():
    options = _options()
    for attempt_id in range(1, 41):
        shown = _texts(shown_order(options, attempt_seed(attempt_id, "ask")))
        assert shown[-2:] == KEPT


def test_different_attempts_see_different_orders():
    options = _options()
    orders = {tuple(_texts(shown_order(options, attempt_seed(n, "ask")))) for n in range(1, 21)}
    firsts = {order[0] for order in orders}
    # Five options that move: 120 orders. Twenty attempts give many, and the first option
    # shown is not always the first one written.
    assert len(orders) >= 10
    assert len(firsts) >= 4


def test_the_option_written_first_leads_in_about_its_share_of_attempts():
    options = _options()
    leads = sum(
        1 for n in range(1, 501) if shown_order(options, attempt_seed(n, "ask"))[0].text == "Alpha."
    )
    assert 60 <= leads <= 140  # one in five of 500 is 100


def test_an_option_hidden_by_a_condition_does_not_move_the_others():
    options = _options()
    seed = attempt_seed(3, "ask")
    everything = _texts(shown_order(options, seed))
    without_bravo = _texts(shown_order([o for o in options if o.text != "Bravo."], seed))
    assert without_bravo == [t for t in everything if t != "Bravo."]


def test_without_a_seed_the_written_order_is_kept_apart_from_options_kept_last():
    shown = _texts(shown_order(_options(), None))
    assert shown == ["Alpha.", "Bravo.", "Charlie.", "Delta.", "Echo.", *KEPT]
