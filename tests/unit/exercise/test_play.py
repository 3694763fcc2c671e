"""Playing an exercise: who sees what, sharing, deciding, phases, solo mode."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.exercise import (
    Basis,
    Choice,
    PlayError,
    PlayState,
    ShareAct,
    advance,
    board,
    decide,
    latest_choices,
    release,
    share,
    share_feedback,
    visible,
    with_solo,
)

from .world import SEATS, small_exercise

EX = small_exercise()


def ids(fragments) -> set[str]:
    return {f.id for f in fragments}


def test_a_seat_sees_only_its_own_fragments_of_the_open_phase_at_first():
    state = PlayState()
    assert ids(visible(EX, state, "school")) == {"school-0"}
    assert ids(visible(EX, advance(EX, state), "school")) == {"school-0", "school-1"}


def test_a_shared_fragment_reaches_only_the_seats_it_was_shared_with():
    state = share(EX, PlayState(), ShareAct("school-0", "school", frozenset({"gp"}), Basis.RISK))
    assert "school-0" in ids(visible(EX, state, "gp"))
    assert "school-0" not in ids(visible(EX, state, "care"))
    rows = board(EX, state, "care")
    assert rows[0].by_seat == "school" and rows[0].to == ("gp",) and rows[0].title is None
    assert board(EX, state, "gp")[0].title == "school knows 0"


def test_a_seat_cannot_share_what_it_does_not_hold_or_keep_quiet_without_a_reason():
    with pytest.raises(PlayError):
        share(EX, PlayState(), ShareAct("school-0", "gp", frozenset({"care"}), Basis.RISK))
    with pytest.raises(PlayError):
        share(EX, PlayState(), ShareAct("school-1", "school", frozenset({"care"}), Basis.RISK))
    with pytest.raises(PlayError, match="why"):
        share(EX, PlayState(), ShareAct("school-0", "school", frozenset(), Basis.NOT_SHARED))
    kept = share(
        EX, PlayState(), ShareAct("gp-0", "gp", frozenset({"care"}), Basis.NOT_SHARED, "x")
    )
    assert "gp-0" not in ids(visible(EX, kept, "care")) and board(EX, kept, None) == []


def test_an_inject_appears_only_once_released():
    state = advance(EX, PlayState())
    assert "aunt-1" not in ids(visible(EX, state, "aunt"))
    assert "aunt-1" in ids(visible(EX, release(EX, state, "aunt-1"), "aunt"))
    with pytest.raises(PlayError):
        release(EX, PlayState(), "aunt-1")  # its phase has not opened


def test_a_decision_can_change_until_its_phase_closes():
    state = decide(EX, PlayState(), Choice("gp-d0", "gp", 0))
    state = decide(EX, state, Choice("gp-d0", "gp", 1, "second thoughts"))
    assert latest_choices(state)["gp-d0"].option == 1
    with pytest.raises(PlayError, match="closed"):
        decide(EX, advance(EX, state), Choice("gp-d0", "gp", 0))
    with pytest.raises(PlayError):
        decide(EX, state, Choice("gp-d0", "school", 0))


def test_feedback_says_whether_the_basis_fits():
    act = ShareAct("gp-0", "gp", frozenset({"care"}), Basis.CONSENT)
    assert share_feedback(EX, act).good is False
    feedback = share_feedback(EX, ShareAct("gp-0", "gp", frozenset({"care"}), Basis.RISK))
    assert feedback.good is True and "do not need consent" in feedback.general


def test_solo_mode_plays_the_typical_partnership_for_the_other_seats():
    state = with_solo(EX, advance(EX, PlayState()), "care")
    seen = ids(visible(EX, state, "care"))
    assert {"school-0", "gp-1", "aunt-1"} <= seen  # the aunt's inject is released in solo mode
    assert not any(a.by_seat == "care" for a in state.shares)


# -- the property: no seat ever reads what was not shared with it or released to it ----------

acts = st.one_of(
    st.tuples(
        st.just("share"),
        st.sampled_from([f.id for f in EX.fragments]),
        st.sampled_from(SEATS),
        st.frozensets(st.sampled_from(SEATS)),
        st.sampled_from(list(Basis)),
    ),
    st.tuples(st.just("release"), st.sampled_from([f.id for f in EX.fragments if f.inject])),
    st.tuples(st.just("advance")),
)


@settings(max_examples=300, deadline=None)
@given(st.lists(acts, max_size=25), st.sampled_from(SEATS))
def test_no_seat_ever_sees_a_fragment_not_shared_with_it_or_released_to_it(script, seat):
    state = PlayState()
    for act in script:
        try:
            if act[0] == "share":
                state = share(EX, state, ShareAct(act[1], act[2], act[3], act[4], "because"))
            elif act[0] == "release":
                state = release(EX, state, act[1])
            else:
                state = advance(EX, state)
        except PlayError:
            pass
    reached = {a.fragment for a in state.shares if seat in a.to and a.basis != Basis.NOT_SHARED}
    for fragment in visible(EX, state, seat):
        assert fragment.seat == seat or fragment.id in reached
        assert EX.phase_index(fragment.phase) <= state.phase
        assert not fragment.inject or fragment.id in state.released
    readable = ids(visible(EX, state, seat))
    for row in board(EX, state, seat):
        assert row.title is None or row.fragment in readable
