"""Grouping by reflective cycle: Kolb by default, Gibbs or Morrison's 4x4x4 by setting."""

from __future__ import annotations

from app.engine.model import STAGES
from app.supervision import Prompt, group
from app.supervision.cycles import CYCLES


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
        ("Analysis", ["n"], 0),
        ("Action", ["a"], 0),
    ]


def test_every_cycle_is_headed_by_the_stage_keywords_authors_write():
    for key in CYCLES:
        assert [g.phase.title.lower() for g in group(PROMPTS, key)] == list(STAGES), key


def test_gibbs_and_4x4x4_word_the_four_stages_their_own_way():
    gibbs = [g.phase.question for g in group(PROMPTS, "gibbs")]
    assert [q.split(":")[0] for q in gibbs] == [
        "Description",
        "Feelings and evaluation",
        "Analysis and conclusion",
        "Action plan",
    ]
    morrison = group(PROMPTS, "4x4x4")[3]
    assert morrison.phase.question.startswith("Plan and act") and morrison.prompts[0].key == "a"
    assert group(PROMPTS)[2].phase.question.startswith("Abstract conceptualisation")


def test_a_limit_counts_what_it_leaves_off_and_unknown_cycles_fall_back():
    limited = group(PROMPTS, "GIBBS ", limit=2)[0]
    assert limited.phase.question.startswith("Description")
    assert ([p.key for p in limited.prompts], limited.more) == (["e1", "e2"], 1)
    assert shape(group(PROMPTS, "signs-of-safety"))[0][0] == "Experience"
