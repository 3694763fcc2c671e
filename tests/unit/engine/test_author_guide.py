"""The examples in the author guide (scenarios/README.md) are real, working scenario text."""

import re

from app.engine import parse

from .helpers import ROOT

GUIDE = ROOT / "scenarios" / "README.md"
BLOCK = re.compile(r"^```scenario\n(.*?)^```", re.S | re.M)


def guide_scenario():
    blocks = BLOCK.findall(GUIDE.read_text(encoding="utf-8"))
    assert len(blocks) >= 6, "the guide's ```scenario examples were not found"
    return parse("\n".join(blocks), "scenarios/README.md")


def test_the_examples_have_no_syntax_problems():
    scenario, problems = guide_scenario()
    assert [str(p) for p in problems if p.code == "syntax"] == []
    assert scenario.id == "a-quiet-phone-call"
    assert scenario.start == "monday-morning"
    assert scenario.flags == ("visited-home", "spoke-to-school")
    assert scenario.content_note.endswith("Take a break whenever you need to.")


def test_the_example_nodes_exist_with_the_right_kinds():
    scenario, _ = guide_scenario()
    kinds = {node_id: node.kind for node_id, node in scenario.nodes.items()}
    assert kinds == {
        "monday-morning": "scene",
        "review-meeting": "scene",
        "whose-account": "reflection",
        "whole-picture": "ending",
        "first-call": "choice",
    }


def test_the_first_option_of_first_call():
    scenario, _ = guide_scenario()
    first_call = scenario.node("first-call")
    assert len(first_call.options) == 3
    option = first_call.options[0]
    assert option.text == "Thank her and book the next phone review in four weeks."
    assert option.target == "four-weeks-later"
    assert dict(option.scores) == {"triangulation": -1, "think-family": -1}
    assert " ".join(option.feedback.split()) == (
        "Your caseload is heavy and Leanne sounds settled, so this feels reasonable. "
        "But a phone call only gives you her account."
    )
    assert option.tags == ("relied-on-self-report",)
    assert [p.text for p in option.supervision] == [
        "What made the phone call feel like enough this time?"
    ]


def test_the_other_options_of_first_call():
    scenario, _ = guide_scenario()
    _, visit, school = scenario.node("first-call").options
    assert (visit.target, visit.sets, dict(visit.scores)) == (
        "home-visit",
        ("visited-home",),
        {"triangulation": 2, "think-family": 1},
    )
    assert school.condition.literals == (("visited-home", False),)
    assert school.target == "school-call"


def test_whose_account_is_optional():
    scenario, _ = guide_scenario()
    assert scenario.node("whose-account").optional is True
    assert scenario.node("whose-account").text.startswith("Think of a family")


def test_review_meeting_has_two_routes_the_first_conditional():
    scenario, _ = guide_scenario()
    first, second = scenario.node("review-meeting").routes
    assert first.target == "meeting-with-school"
    assert first.condition.literals == (("spoke-to-school", True),)
    assert (second.target, second.condition) == ("meeting-alone", None)


def test_the_example_ending():
    scenario, _ = guide_scenario()
    ending = scenario.node("whole-picture")
    assert ending.outcome == "You saw more of the picture"
    assert ending.tags == ("network-involved",)
    assert [p.text for p in ending.supervision] == ["What helped you make time for the home visit?"]
    assert ending.text.startswith("You checked Leanne's account")
