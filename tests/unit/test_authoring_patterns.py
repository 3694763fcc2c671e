"""The pattern page's pure parts: every shape builds a draft whose steps all link up; an
option's strength sets its scores; tags are suggested from its words; the question bank and the
debrief openings become ordinary scenario text."""

from __future__ import annotations

import pytest

from app.authoring import EditError
from app.authoring import pattern_bank as bank
from app.authoring.pattern_draft import Brief, OptionBrief, StepBrief, draft_text, slug_for
from app.authoring.patterns import PATTERNS
from app.engine import NodeKind, parse

TAGS = {"relied-on-self-report": "R", "checked-other-sources": "C", "home-visit": "H",
        "whole-picture": "W", "partial-picture": "P", "child-voice-heard": "V"}  # fmt: skip


def _options(step) -> tuple[OptionBrief, ...]:
    return tuple(OptionBrief(text=f"Option {i}", feedback="Why.", strength="partly")
                 for i in range(len(step.options)))  # fmt: skip


@pytest.mark.parametrize("key", sorted(PATTERNS))
def test_every_shape_links_every_step_and_reaches_its_endings(key):
    pattern = PATTERNS[key]
    steps = {s.id: StepBrief(text="Words.", outcome="It ends", options=_options(s))
             for s in pattern.steps}  # fmt: skip
    brief = Brief(slug="a-shape", title="A shape", summary="S.", role="Health visitor",
                  agencies=("health",), competencies=("triangulation",), steps=steps)  # fmt: skip
    scenario, problems = parse(draft_text(pattern, brief, TAGS))
    assert problems == []
    assert list(scenario.nodes) == [s.id for s in pattern.steps]
    assert scenario.start == pattern.start and scenario.endings
    for node in scenario.nodes.values():
        if node.kind == NodeKind.CHOICE:
            assert all(o.scores == {"triangulation": 1} for o in node.options)


def test_strength_sets_a_score_on_each_competency():
    assert bank.scores("strongest", ["a", "b"]) == {"a": 2, "b": 2}
    assert bank.scores("weak", ["a"]) == {"a": -1}
    assert bank.scores("", ["a"]) == {}


def test_tags_come_from_the_words_and_the_strength_only_among_known_tags():
    weak = bank.suggest_tags("Accept her account and leave.", "weak", ["triangulation"], TAGS)
    assert weak == ["relied-on-self-report"]
    strong = bank.suggest_tags("Ask the school and visit at home.", "strongest",
                               ["triangulation"], TAGS)  # fmt: skip
    assert strong == ["checked-other-sources", "home-visit"]
    assert bank.suggest_tags("Visit.", "strongest", ["triangulation"], {}) == []


def test_questions_follow_the_competencies_and_keep_their_stage():
    offered = bank.questions("option", ["child-voice", "unknown"])
    assert len(offered) == 5 and "comp-child-voice" in offered
    assert all(bank.question_text(k) == q for k, q in offered.items())
    assert all(q.startswith("(") for q in offered.values())


def test_a_debrief_opening_goes_before_the_authors_words():
    assert bank.debrief("part", "Ask again.") == "This went part of the way. Ask again."
    assert bank.debrief("", "Ask again.") == "Ask again."


def test_an_id_is_made_from_the_title_and_a_missing_title_is_named():
    assert slug_for("The boots by the door!") == "the-boots-by-the-door"
    assert slug_for("???") == "new-scenario"
    with pytest.raises(EditError) as refused:
        draft_text(PATTERNS["visit"], Brief(slug="x", title=" "), TAGS)
    assert refused.value.field == "title"
