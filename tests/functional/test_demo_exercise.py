"""`make db` (exercises load, then flask demo) leaves an exercise the demo accounts can run."""

from __future__ import annotations

from app.services.demo import demo_email
from tests.conftest import Browser
from tests.functional.exercise_helpers import join_seat, start_live

DEMO_PASSWORD = "demo-exercise-pass-42"  # noqa: S105 - a test value


def _signed_in(app, local: str):
    client = app.test_client()
    response = Browser(client).login(demo_email(local), DEMO_PASSWORD)
    assert response.status_code == 302, response.text
    return client


def test_demo_accounts_can_run_the_loaded_exercise(app, runner, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
    assert runner.invoke(args=["exercises", "load"]).exit_code == 0
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert "One family, many doors" in result.output

    author = _signed_in(app, "author")
    assert "One family, many doors" in author.get("/exercises").text
    session = start_live(author)

    police = _signed_in(app, "learner.police")
    page = police.get(join_seat(police, session.join_code, "police")).text
    assert "Moving on" in page
    assert "Sonny found alone outside at night" in page


def test_demo_says_when_no_exercise_is_loaded(runner, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", DEMO_PASSWORD)
    result = runner.invoke(args=["demo"])
    assert result.exit_code == 0, result.output
    assert "flask exercises load" in result.output
