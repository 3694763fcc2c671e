"""Grouping by reflective cycle: Kolb by default, Gibbs or Morrison's 4x4x4 by setting."""

from __future__ import annotations

from app.supervision import Prompt, group


def prompt(key: str, stage: str) -> Prompt:
    return Prompt(key=key, stage=stage, text=key, trigger="", source="choice")


PROMPTS = [
    prompt("a", "action"),
    prompt("e1", "experience"),
    prompt("r", "reflection"),
    prompt("e2", "experience"),
    prompt("n", "analysis"),
    prompt("e3", "experience"),
]


def shape(groups):
    return [(g.phase.title, [p.key for p in g.prompts], g.more) for g in groups]


def test_kolb_is_the_default_and_keeps_order_within_a_stage():
    assert shape(group(PROMPTS)) == [
        ("Experience", ["e1", "e2", "e3"], 0),
        ("Reflection", ["r"], 0),
        ("Conceptualise", ["n"], 0),
        ("Plan", ["a"], 0),
    ]


def test_gibbs_and_4x4x4_map_the_four_stages_to_their_own_phases():
    assert [t for t, _, _ in shape(group(PROMPTS, "gibbs"))] == [
        "Description",
        "Feelings and evaluation",
        "Analysis and conclusion",
        "Action plan",
    ]
    morrison = shape(group(PROMPTS, "4x4x4"))
    assert morrison[3] == ("Plan and act", ["a"], 0)


def test_a_limit_counts_what_it_leaves_off_and_unknown_cycles_fall_back():
    assert shape(group(PROMPTS, "GIBBS ", limit=2))[0] == ("Description", ["e1", "e2"], 1)
    assert shape(group(PROMPTS, "signs-of-safety"))[0][0] == "Experience"
