"""The debrief: lanes, missed moments, the pattern in words, the chronology drawing and the
questions raised by the rules in content/."""

from __future__ import annotations

from pathlib import Path

from app.exercise import Basis, PlayState, ShareAct, advance, share
from app.exercise.chronology import render
from app.exercise.debrief import facts, lanes, moments, pattern
from app.exercise.questions import questions, read_rules

from .world import small_exercise

ROOT = Path(__file__).resolve().parents[3]
EX = small_exercise()


def _with_moment():
    """The small exercise, with the school's first fragment changing the GP's phase-1 choice."""
    from dataclasses import replace

    fragments = tuple(
        replace(f, changes=("gp-d1",), changes_why="The GP would have asked.")
        if f.id == "school-0"
        else f
        for f in EX.fragments
    )
    return replace(EX, fragments=fragments)


def test_a_fragment_shared_in_time_is_a_moment_caught_and_one_held_alone_is_missed():
    ex = _with_moment()
    held = advance(ex, advance(ex, PlayState()))
    assert [m.in_time for m in moments(ex, held)] == [False]
    shared = share(ex, PlayState(), ShareAct("school-0", "school", frozenset({"gp"}), Basis.RISK))
    assert [m.in_time for m in moments(ex, shared)] == [True]
    late = share(ex, held, ShareAct("school-0", "school", frozenset({"gp"}), Basis.RISK))
    assert [m.in_time for m in moments(ex, late)] == [False]  # after the GP's phase closed


def test_lanes_mark_shared_and_held_alone_and_leave_out_unreleased_injects():
    state = advance(EX, PlayState())
    state = share(EX, state, ShareAct("gp-0", "gp", frozenset({"care"}), Basis.CONSENT))
    by_id = {i.fragment.id: i for items in lanes(EX, state).values() for i in items}
    assert by_id["gp-0"].reached == ("care",) and by_id["gp-0"].first_shared == 1
    assert by_id["school-0"].reached == ()
    assert "aunt-1" not in by_id  # an inject never released was never held


def test_the_pattern_names_the_silent_seats():
    state = share(EX, PlayState(), ShareAct("aunt-0", "aunt", frozenset({"care"}), Basis.CONSENT))
    lines = pattern(EX, state)
    assert lines[0] == "3 of 4 seats never shared: Care, School, Gp."
    assert "Aunt shared everything it held, and no one shared with it." in lines
    assert "3 of 4 pieces of information stayed with the seat that held them." in lines


def test_the_chronology_draws_a_lane_per_seat_with_words_not_colour_alone():
    ex = _with_moment()
    state = advance(ex, advance(ex, PlayState()))
    svg = render(ex, lanes(ex, state), moments(ex, state))
    # 12 fragments, one inject never released: 11 drawn, the missed one says so instead
    assert svg.count(">Held alone<") == 10 and svg.count(">Missed<") == 1
    for seat in ex.seats:
        assert f">{seat.name}<" in svg


def test_the_shipped_rules_read_cleanly_and_group_by_the_cycle():
    rules, problems = read_rules((ROOT / "content" / "exercise-debrief-rules.txt").read_text())
    assert problems == [] and len(rules) >= 6
    ex = _with_moment()
    found = questions(rules, facts(ex, advance(ex, advance(ex, PlayState()))))
    titles = [title for title, _, _ in found]
    assert titles == ["Experience", "Reflection", "Analysis", "Action"]
    asked = [q for _, _, qs in found for q in qs]
    assert any(q.startswith("4 seat(s) never shared anything") for q in asked)
    assert any(q.startswith("1 moment(s) were missed") for q in asked)


def test_a_broken_rule_is_named_with_its_line():
    text = "=== question: x\nwhen: nothing >= 1\nstage: action\nask: Why?\n"
    rules, problems = read_rules(text, "rules.txt")
    assert rules == [] and str(problems[0]).startswith("rules.txt:1: bad-when")


def test_the_chronology_places_shared_fragments_in_time_within_a_phase():
    from datetime import datetime, timedelta

    from app.exercise.debrief import timeline

    first, second, third = (s.id for s in EX.seats[:3])
    two = datetime(2026, 12, 1, 14, 0)
    state = PlayState(
        0,
        frozenset(),
        (
            ShareAct(
                f"{first}-0", first, frozenset({third}), Basis.RISK, at=two + timedelta(minutes=10)
            ),
            ShareAct(f"{second}-0", second, frozenset({first}), Basis.CONSENT, at=two),
        ),
        (),
    )
    lane = lanes(EX, state)
    rows = [(seat, item.fragment.id) for seat, item in timeline(EX, lane) if item.phase == 0]
    # shared ones by time (the second seat shared first), then those held alone in seat order
    assert rows[:3] == [(second, f"{second}-0"), (first, f"{first}-0"), (third, f"{third}-0")]
    drawing = render(EX, lane, [])
    assert "Shared 14:00" in drawing and "Shared 14:10" in drawing
