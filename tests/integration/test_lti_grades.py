"""LTI Assignment and Grade Services: finishing a launched scenario sends its score to the line
item, through the platform's token endpoint (a client-credentials JWT assertion) and scores
endpoint. A platform outage loses nothing: the score waits in the database and
`flask --app app lti send-grades` sends it later, once."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select, update

from app.db import db, utcnow
from app.models import Attempt, LtiGrade, User
from tests.conftest import PASSWORD, Browser
from tests.functional.helpers import answer

from .lti_steps import launch

SCORE_SCOPE = "https://purl.imsglobal.org/spec/lti-ags/scope/score"


def _play_to_the_end(browser) -> Attempt:
    """Start the linked scenario and take the home-visit path to its ending."""
    page = browser.get("/scenarios/short-visit")
    token = page.text.split('name="csrf_token" type="hidden" value="')[1].split('"')[0]
    started = browser.post("/scenarios/short-visit/start", data={"csrf_token": token})
    url = started.headers["Location"]
    answer(browser, url)
    answer(browser, url, option_text="Visit her at home.")
    answer(browser, url)
    answer(browser, url, reflection="I leaned on what I was told.")
    last = answer(browser, url, option_text="Share what you saw at the visit.")
    assert last.status_code == 302
    ending = browser.get(last.headers["Location"])
    assert ending.status_code == 200
    attempt_id = int(url.rstrip("/").split("/")[-1])
    return db.session.get(Attempt, attempt_id)


def _expected(attempt: Attempt) -> float:
    db.session.refresh(attempt)
    won = sum(s.won for s in attempt.scores)
    best = sum(s.best for s in attempt.scores)
    return round(won / best, 4)


def test_finishing_a_launched_scenario_sends_the_score_once(app, registered, runner):
    browser = app.test_client()
    assert launch(app, browser, registered).status_code == 302
    attempt = _play_to_the_end(browser)

    (score,) = registered.scores
    assert score["userId"] == "moodle-user-42"
    assert score["scoreGiven"] == _expected(attempt)
    assert 0 < score["scoreGiven"] <= 1 and score["scoreMaximum"] == 1
    assert score["activityProgress"] == "Completed"
    assert score["gradingProgress"] == "FullyGraded"
    (token_request,) = registered.token_requests
    assert token_request["grant_type"] == "client_credentials"
    assert token_request["scope"] == SCORE_SCOPE

    result = runner.invoke(args=["lti", "send-grades"])
    assert result.exit_code == 0 and "Scores sent: 0" in result.output
    assert len(registered.scores) == 1  # never sent twice


def test_a_platform_outage_loses_no_score(app, registered, runner):
    browser = app.test_client()
    launch(app, browser, registered)
    registered.failing = True
    attempt = _play_to_the_end(browser)
    assert registered.scores == []
    grade = db.session.scalars(select(LtiGrade)).one()
    assert grade.sent_at is None and "503" in grade.last_error

    admin = Browser(app.test_client())
    admin.login("admin@example.org", PASSWORD)
    assert "1 score waiting to be sent" in admin.get("/admin/lti/").text

    registered.failing = False
    early = runner.invoke(args=["lti", "send-grades"])
    assert "Scores sent: 0" in early.output  # not due again yet: it waits before retrying
    assert registered.scores == []

    db.session.execute(  # a few minutes later
        update(LtiGrade).values(next_try_at=utcnow() - timedelta(seconds=1))
    )
    db.session.commit()
    result = runner.invoke(args=["lti", "send-grades"])
    assert result.exit_code == 0 and "Scores sent: 1" in result.output
    (score,) = registered.scores
    assert score["scoreGiven"] == _expected(attempt)
    runner.invoke(args=["lti", "send-grades"])
    assert len(registered.scores) == 1
    assert "waiting to be sent" not in admin.get("/admin/lti/").text


def test_the_command_says_what_failed_and_fails_while_the_platform_is_down(app, registered, runner):
    browser = app.test_client()
    launch(app, browser, registered)
    registered.failing = True
    _play_to_the_end(browser)
    db.session.execute(update(LtiGrade).values(next_try_at=utcnow() - timedelta(seconds=1)))
    db.session.commit()
    result = runner.invoke(args=["lti", "send-grades"])
    assert result.exit_code == 1
    assert "Not sent, to be retried: 1" in result.output
    grade = db.session.scalars(select(LtiGrade)).one()
    assert grade.tries == 2 and grade.sent_at is None


def test_a_scenario_played_without_a_launch_sends_nothing(app, registered, make_user):
    make_user("walk-in@example.org")
    browser = Browser(app.test_client())
    browser.login("walk-in@example.org", PASSWORD)
    _play_to_the_end(browser.client)
    assert registered.scores == []
    assert db.session.scalars(select(LtiGrade)).all() == []
    assert db.session.scalar(select(User).where(User.email == "walk-in@example.org"))
