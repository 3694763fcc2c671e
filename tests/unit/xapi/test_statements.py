"""Attempts and exercise sessions as xAPI 1.0.3 statements, checked against the spec's rules."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta

from app.xapi import (
    AttemptFacts,
    ExerciseChoiceFacts,
    ExerciseFacts,
    ShareFacts,
    Site,
    StepFacts,
    attempt_statements,
    exercise_statements,
    problems,
)

SITE = Site("https://learn.example.org")
T0 = datetime(2026, 11, 30, 9, 0, 0)


def at(seconds: int) -> datetime:
    return T0 + timedelta(seconds=seconds)


STEPS = (
    StepFacts(0, "arrive", "scene", at(0), at(40), 40),
    StepFacts(
        1,
        "decide",
        "choice",
        at(40),
        at(100),
        60,
        prompt="What do you do next?",
        options=((0, "Visit her at home."), (1, "Wait for the next appointment.")),
        chosen=0,
        scores={"curiosity": 2, "voice-of-child": 1},
    ),
    StepFacts(
        2,
        "think",
        "reflection",
        at(100),
        at(400),
        300,
        prompt="What did you notice?",
        text="I noticed the kitchen was bare.",
    ),
)
FINISHED = AttemptFacts(
    key="attempt:7",
    account="a1b2c3",
    scenario="short-visit",
    title="A short visit",
    version=3,
    started_at=T0,
    steps=STEPS,
    completed_at=at(430),
    ending="good-end",
    outcome="The child is seen.",
    competencies={"curiosity": (2, 3), "voice-of-child": (1, 1)},
)


def verbs(statements):
    return [s["verb"]["id"].rsplit("/", 1)[1] for s in statements]


def test_every_statement_of_a_finished_attempt_meets_the_specification():
    statements = attempt_statements(SITE, FINISHED)
    assert [problems(s) for s in statements] == [[]] * len(statements)
    assert verbs(statements) == [
        "initialized",
        "experienced",
        "experienced",
        "answered",
        "experienced",
        "answered",
        "experienced",
        "completed",
    ]


def test_a_choice_lists_its_options_and_the_response_names_the_one_chosen():
    choice = attempt_statements(SITE, FINISHED)[3]
    definition = choice["object"]["definition"]
    assert definition["interactionType"] == "choice"
    ids = [c["id"] for c in definition["choices"]]
    assert ids == ["option-0", "option-1"]
    assert choice["result"]["response"] == "option-0"
    scores = choice["result"]["extensions"]
    assert scores == {
        "https://learn.example.org/xapi/extensions/competency-scores": {
            "curiosity": 2,
            "voice-of-child": 1,
        }
    }
    assert choice["result"]["duration"] == "PT1M"


def test_reflection_text_is_left_out_unless_the_site_includes_it():
    reflection = attempt_statements(SITE, FINISHED)[5]
    assert reflection["object"]["definition"]["interactionType"] == "long-fill-in"
    assert "response" not in reflection["result"]
    assert "bare" not in str(attempt_statements(SITE, FINISHED))
    shown = attempt_statements(replace(SITE, include_text=True), FINISHED)[5]
    assert shown["result"]["response"] == "I noticed the kitchen was bare."
    assert problems(shown) == []


def test_completed_carries_the_duration_and_scaled_score():
    completed = attempt_statements(SITE, FINISHED)[-1]
    assert completed["result"]["duration"] == "PT7M10S"
    assert completed["result"]["score"] == {"scaled": 0.75, "raw": 3, "min": 0, "max": 4}
    assert completed["timestamp"] == "2026-11-30T09:07:10.000Z"


def test_one_registration_per_attempt_and_one_id_per_event_every_time():
    first = attempt_statements(SITE, FINISHED)
    again = attempt_statements(SITE, FINISHED)
    assert [s["id"] for s in first] == [s["id"] for s in again]
    assert len({s["id"] for s in first}) == len(first)
    assert len({s["context"]["registration"] for s in first}) == 1
    other = attempt_statements(SITE, replace(FINISHED, key="attempt:8"))
    assert other[0]["context"]["registration"] != first[0]["context"]["registration"]
    assert {s["id"] for s in other}.isdisjoint({s["id"] for s in first})


def test_an_attempt_in_progress_keeps_its_ids_once_it_finishes():
    midway = replace(FINISHED, steps=STEPS[:2], completed_at=None, ending=None)
    early = attempt_statements(SITE, midway)
    assert verbs(early)[-1] == "answered"
    later = attempt_statements(SITE, FINISHED)
    assert [s["id"] for s in early] == [s["id"] for s in later[: len(early)]]


def test_the_actor_is_an_opaque_account_on_the_site_never_an_email():
    actor = attempt_statements(SITE, FINISHED)[0]["actor"]
    assert actor == {
        "objectType": "Agent",
        "account": {"homePage": "https://learn.example.org", "name": "a1b2c3"},
    }


def test_no_score_when_nothing_was_on_offer():
    plain = replace(FINISHED, competencies={"curiosity": (0, 0)})
    completed = attempt_statements(SITE, plain)[-1]
    assert "score" not in completed["result"] and problems(completed) == []


SESSION = ExerciseFacts(
    key="exercise-session:3:participant:8",
    account="a1b2c3",
    exercise="front-door",
    title="The front door",
    seat="care",
    joined_at=T0,
    choices=(
        ExerciseChoiceFacts(
            "choice:5",
            "screen",
            "Do you screen it?",
            ("Yes", "No"),
            1,
            {"curiosity": 1},
            at(300),
            why="The referral was thin.",
        ),
    ),
    shares=(
        ShareFacts(
            "share:2",
            "no-record",
            "No record of the visit",
            ("health", "police"),
            "consent",
            at(120),
            why="Mum agreed.",
        ),
    ),
    completed_at=at(900),
)


def test_an_exercise_session_gives_valid_statements_in_the_order_things_happened():
    statements = exercise_statements(SITE, SESSION)
    assert [problems(s) for s in statements] == [[]] * len(statements)
    assert verbs(statements) == ["initialized", "shared", "answered", "completed"]
    shared, answered = statements[1], statements[2]
    assert shared["result"]["response"] == "consent"
    assert answered["result"]["response"] == "option-1"
    assert "thin" not in str(statements) and "agreed" not in str(statements)
    with_text = exercise_statements(replace(SITE, include_text=True), SESSION)
    assert "The referral was thin." in str(with_text[2]["result"])
    assert [s["id"] for s in with_text] == [s["id"] for s in statements]


def test_taking_the_text_out_leaves_a_valid_statement_with_the_same_id():
    from app.xapi import carries_text, without_text

    with_text = attempt_statements(replace(SITE, include_text=True), FINISHED)[5]
    assert carries_text(with_text)
    plain = without_text(with_text)
    assert not carries_text(plain) and plain["id"] == with_text["id"] and problems(plain) == []
    assert plain == attempt_statements(SITE, FINISHED)[5]
    reason = exercise_statements(replace(SITE, include_text=True), SESSION)[2]
    assert carries_text(reason) and not carries_text(without_text(reason))
    assert without_text(reason)["result"]["extensions"]  # the competency scores stay
