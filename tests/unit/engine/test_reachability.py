"""Reachability follows the flags, not just the arrows: unreachable nodes, dead ends, traps,
and shortest paths to every ending that a learner can actually replay."""

from app.engine import paths_to_endings
from app.engine.reachability import arrive

from .helpers import CLEAN, PATH, build, check, codes, line_of, play, scenario, where

# The first choice may or may not set visited-home; `crossroads` only goes to `secret` if it is set.
GATED = """
=== choice: begin
What do you do?

* Visit.
  -> crossroads
  {set}
  feedback: You go.

* Phone.
  -> crossroads
  feedback: You ring.

=== scene: crossroads
Later.

-> secret if visited-home
-> done

=== scene: secret
What the visit showed.

-> done

=== ending: done
outcome: Over
"""


def test_unreachable_node():
    text = scenario(CLEAN + "\n=== scene: orphan\nNobody comes here.\n\n-> done\n")
    problems = check(text)
    assert where(problems, "unreachable-node") == [(PATH, line_of(text, "=== scene: orphan"))]
    assert codes(problems) == {"unreachable-node"}


def test_unreachable_ending():
    text = scenario(CLEAN + "\n=== ending: lost\noutcome: Nobody gets here\n")
    problems = check(text)
    assert where(problems, "unreachable-ending") == [(PATH, line_of(text, "=== ending: lost"))]
    assert codes(problems) == {"unreachable-ending"}


def test_a_node_behind_a_flag_no_option_sets_is_unreachable():
    text = scenario(GATED.format(set=""))
    assert line_of(text, "-> secret if visited-home")  # an arrow does point at it
    problems = check(text)
    assert where(problems, "unreachable-node") == [(PATH, line_of(text, "=== scene: secret"))]
    assert codes(problems) == {"unreachable-node"}


def test_the_same_node_is_reachable_once_an_earlier_option_sets_the_flag():
    assert check(scenario(GATED.format(set="set: visited-home"))) == []


def test_scene_with_no_route_is_a_dead_end():
    text = scenario(
        CLEAN.replace("  -> done\n", "  -> waiting\n")
        + "\n=== scene: waiting\nYou wait for her to call back.\n"
    )
    problems = check(text)
    assert where(problems, "dead-end") == [(PATH, line_of(text, "=== scene: waiting"))]
    assert codes(problems) == {"dead-end"}


def test_reflection_with_no_route_is_a_dead_end():
    text = scenario(
        CLEAN.replace("What did the visit tell you?\n\n-> done\n", "What did the visit tell you?\n")
    )
    problems = check(text)
    assert where(problems, "dead-end") == [(PATH, line_of(text, "=== reflection: home-visit"))]
    assert codes(problems) == {"dead-end"}


def test_choice_whose_every_option_can_be_hidden_is_a_dead_end():
    text = scenario(
        GATED.format(set="set: visited-home").replace(
            """
=== scene: crossroads
Later.

-> secret if visited-home
-> done
""",
            """
=== choice: crossroads
Who do you tell?

* Tell the team what you saw.
  if: visited-home
  -> secret
  feedback: Good.
""",
        )
    )
    problems = check(text)
    assert where(problems, "dead-end") == [(PATH, line_of(text, "=== choice: crossroads"))]
    assert "none" in " ".join(p.message for p in problems if p.code == "dead-end")
    assert codes(problems) == {"dead-end"}


def test_scene_whose_every_route_can_fail_is_a_dead_end():
    text = scenario(
        GATED.format(set="set: visited-home").replace(
            "-> secret if visited-home\n-> done\n", "-> secret if visited-home\n"
        )
    )
    assert where(check(text), "dead-end") == [(PATH, line_of(text, "=== scene: crossroads"))]


def test_loop_with_no_way_to_an_ending():
    text = scenario(
        CLEAN.replace("  -> done\n", "  -> round\n")
        + """
=== scene: round
You wait.

-> about

=== scene: about
You wait some more.

-> round
"""
    )
    problems = check(text)
    assert where(problems, "no-ending") == [
        (PATH, line_of(text, "=== scene: round")),
        (PATH, line_of(text, "=== scene: about")),
    ]
    assert codes(problems) == {"no-ending"}


def test_loop_with_a_way_out_is_fine():
    # "Take her word for it" now goes back to the start: a loop, but the visit still ends it
    assert check(scenario(CLEAN.replace("  -> done\n", "  -> begin\n"))) == []


# -- if:/else: redirects ---------------------------------------------------------------------

REDIRECT = (
    GATED.replace("-> secret if visited-home\n-> done\n", "-> secret\n").replace(
        "=== scene: secret\n", "=== scene: secret\nif: visited-home\nelse: phoned\n"
    )
    + """
=== ending: phoned
outcome: You only heard her side
"""
)


def test_arriving_at_a_node_whose_if_fails_shows_its_else():
    s = build(scenario(REDIRECT.format(set="set: visited-home")))
    assert arrive(s, "secret", frozenset()) == "phoned"
    assert arrive(s, "secret", frozenset({"visited-home"})) == "secret"
    assert play(s, [("choose", 1), ("continue", None)]).node.id == "phoned"
    assert play(s, [("choose", 0), ("continue", None)]).node.id == "secret"


def test_a_node_whose_if_never_holds_is_unreachable_but_its_else_is_reached():
    text = scenario(REDIRECT.format(set=""))
    problems = check(text)
    assert where(problems, "unreachable-node") == [(PATH, line_of(text, "=== scene: secret"))]
    # 'phoned' is reached through the else; 'done' only lay beyond 'secret'
    assert where(problems, "unreachable-ending") == [(PATH, line_of(text, "=== ending: done"))]
    assert codes(problems) == {"unreachable-node", "unreachable-ending"}


# -- paths to endings ------------------------------------------------------------------------


def test_paths_to_endings_reach_every_reachable_ending_when_replayed():
    s = build(
        scenario(
            REDIRECT.format(set="set: visited-home")
            + "\n=== ending: never\noutcome: Nobody gets here\n"
        )
    )
    paths = paths_to_endings(s)
    assert set(paths) == {"done", "phoned"}
    for ending, moves in paths.items():
        position = play(s, moves)
        assert position.finished
        assert position.node.id == ending
        assert position.step_number == len(moves)


def test_paths_to_endings_through_a_reflection_are_shortest():
    s = build(scenario(CLEAN))
    paths = paths_to_endings(s)
    assert paths == {"done": [("continue", None), ("choose", 1)]}
    longer = [("continue", None), ("choose", 0), ("reflect", None)]
    assert play(s, longer).node.id == "done"
