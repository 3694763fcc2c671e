"""The validator notices each rule broken, so the statement tests can fail."""

from __future__ import annotations

import copy

import pytest

from app.xapi import problems
from app.xapi.vocab import duration

from .test_statements import FINISHED, SITE, attempt_statements

GOOD = attempt_statements(SITE, FINISHED)[3]  # the answered choice


def broken(change):
    statement = copy.deepcopy(GOOD)
    change(statement)
    return problems(statement)


@pytest.mark.parametrize(
    "change",
    [
        lambda s: s.pop("actor"),
        lambda s: s.pop("verb"),
        lambda s: s.update(id="not-a-uuid"),
        lambda s: s.update(id="7B0E3C5A-1F0E-4C1B-9E0F-0A1B2C3D4E5F".lower()[:-1]),
        lambda s: s.update(timestamp="2026-11-30T09:00:00"),
        lambda s: s.update(stored="2026-11-30T09:00:00Z"),
        lambda s: s.update(authority={"account": {"homePage": "https://x.org", "name": "x"}}),
        lambda s: s["result"].update(duration="60 seconds"),
        lambda s: s["result"].update(duration="PT"),
        lambda s: s["result"].update(response=None),
        lambda s: s["result"].update(score={}),
        lambda s: s["result"].update(score={"scaled": 1.5}),
        lambda s: s["result"].update(score={"raw": 5, "min": 0, "max": 4}),
        lambda s: s["result"].update(grade="A"),
        lambda s: s["actor"].update(mbox="mailto:jo@example.org"),
        lambda s: s["actor"]["account"].update(homePage="learn.example.org"),
        lambda s: s["verb"].update(id="answered"),
        lambda s: s["verb"].update(display={"not a tag": "answered"}),
        lambda s: s["object"].update(id="has a space"),
        lambda s: s["object"]["definition"].update(interactionType="multiple-choice"),
        lambda s: s["object"]["definition"].update(interactionType="long-fill-in"),
        lambda s: s["object"]["definition"]["choices"].append({"id": "option-0"}),
        lambda s: s["object"]["definition"]["choices"][0].update(id="option 0"),
        lambda s: s["context"].update(registration="42"),
        lambda s: s["context"].update(platform=""),
        lambda s: s["context"]["contextActivities"].update(siblings=[]),
    ],
)
def test_each_broken_rule_is_reported(change):
    assert problems(GOOD) == []
    assert broken(change) != []


@pytest.mark.parametrize(
    ("seconds", "text"),
    [(0, "PT0S"), (0.5, "PT0.50S"), (59, "PT59S"), (60, "PT1M"), (3723.25, "PT1H2M3.25S")],
)
def test_durations_are_iso_8601(seconds, text):
    assert duration(seconds) == text
