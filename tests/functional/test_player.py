"""Playing a scenario through the test client, as a learner without JavaScript would."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from app.db import db
from app.engine import MAX_REFLECTION_CHARS
from app.models import Attempt, AttemptAnswer, Reflection
from app.services import library
from tests.conftest import csrf_token

from .helpers import (
    answer,
    hidden_fields,
    options,
    start,
    step_number,
    to_first_reflection,
    to_optional_reflection,
)


def _steps(attempt_id: int) -> int:
    return db.session.scalar(
        select(func.count())
        .select_from(AttemptAnswer)
        .where(AttemptAnswer.attempt_id == attempt_id)
    )


def test_catalogue_lists_scenario_with_status(auth, client, load_fixture):
    load_fixture()
    auth()
    page = client.get("/scenarios")
    assert "A short visit" in page.text
    assert "Not started" in page.text
    assert "About 5 minutes" in page.text
    assert "Testing self-report" in page.text


def test_content_note_shown_before_start_with_way_out(auth, client, load_fixture):
    load_fixture()
    auth()
    page = client.get("/scenarios/short-visit")
    assert "This test scenario mentions drug use." in page.text
    assert "you do not have to go on" in page.text
    assert 'href="/guide/support"' in page.text


def test_play_to_an_ending(auth, browser, client, load_fixture):
    load_fixture()
    auth()
    url = start(browser)
    assert "Dana says all is well." in client.get(url).text
    assert answer(client, url).status_code == 302
    response = answer(client, url, option_text="Visit her at home.")
    feedback = client.get(response.headers["Location"])
    assert "Seeing the home tests what you are told." in feedback.text
    assert "read the briefing" in feedback.text
    answer(client, url)  # after-first scene
    answer(client, url, reflection="I lean on the parent's account most.")
    page = client.get(url)
    assert "Share what you saw at the visit." in options(page.text)
    response = answer(client, url, option_text="Share what you saw at the visit.")
    ending = client.get(client.get(response.headers["Location"]).request.path)
    ending = client.get(url, follow_redirects=True)
    assert "You saw the whole picture" in ending.text
    assert "The visit and the school together told you more." in ending.text
    assert "I lean on the parent&#39;s account most." in ending.text
    row = re.search(r"Testing self-report</a></th>\s*<td[^>]*>(\d+)%", ending.text)
    assert row and row.group(1) == "100"
    assert "Completed" in client.get("/scenarios").text


def test_flag_changes_later_options(auth, browser, client, load_fixture):
    load_fixture()
    auth()
    url = start(browser)
    answer(client, url)
    answer(client, url, option_text="Take her word for it.")
    answer(client, url)
    answer(client, url, reflection="Mostly the parent.")
    offered = options(client.get(url).text)
    assert "Share what you saw at the visit." not in offered
    assert "Ask the school what they see." in offered


def test_resume_after_leaving(auth, browser, client, load_fixture):
    load_fixture()
    auth()
    url = start(browser)
    answer(client, url)
    answer(client, url, option_text="Visit her at home.")
    browser.submit("/scenarios", {}, action="/logout")
    browser.login("learner@example.org")
    assert "Carry on where you left off" in client.get("/scenarios/short-visit").text
    assert start(browser) == url
    assert "A week passes." in client.get(url).text


def test_double_submit_stores_once(auth, browser, client, load_fixture):
    load_fixture()
    auth()
    url = start(browser)
    page = client.get(url)
    data = {"csrf_token": csrf_token(page.text), "step": step_number(page.text)}
    first = client.post(url, data=data)
    second = client.post(url, data=data)
    assert first.status_code == 302
    assert second.status_code == 409
    assert "nothing was saved twice" in second.text
    assert "What do you do?" in second.text  # the current step is shown
    assert _steps(int(url.rsplit("/", 1)[1])) == 1


def test_back_from_feedback_to_an_answered_choice_says_answers_cannot_change(
    auth, browser, client, load_fixture
):
    load_fixture()
    auth()
    url = start(browser)
    answer(client, url)
    question = client.get(url)  # the choice, as the back button will show it again
    offers = options(question.text)
    data = {"csrf_token": csrf_token(question.text), "step": step_number(question.text)}
    chosen = client.post(url, data={**data, "option": offers["Visit her at home."]})
    client.get(chosen.headers["Location"])  # the feedback page; then Back, and a second choice
    again = client.post(url, data={**data, "option": offers["Take her word for it."]})
    assert again.status_code == 409
    assert "answers cannot be changed once they are sent" in again.text
    assert "Your first answer stands" in again.text
    assert "A week passes." in again.text  # the step the learner is on now
    assert _steps(int(url.rsplit("/", 1)[1])) == 2


def test_back_from_feedback_lands_on_a_page_that_says_answers_are_kept(
    auth, browser, client, load_fixture
):
    load_fixture()
    auth()
    url = start(browser)
    first = client.get(url).text
    assert "cannot be changed" not in first  # nothing answered yet
    answer(client, url)
    back = client.get(url).text  # Back from the feedback page fetches the step again
    assert "Your earlier answers are saved and cannot be changed" in back


def test_stale_submit_keeps_reflection_text(auth, browser, client, load_fixture):
    load_fixture()
    auth()
    url = to_first_reflection(browser, client)
    page = client.get(url)  # the reflection step, drawn twice as if in two tabs
    token, number = csrf_token(page.text), step_number(page.text)
    client.post(url, data={"csrf_token": token, "step": number, "reflection": "First tab."})
    stale = client.post(
        url,
        data={
            "csrf_token": token,
            "step": number,
            "reflection": "A long second thought I must not lose.",
        },
    )
    assert stale.status_code == 409
    assert "A long second thought I must not lose." in stale.text
    assert db.session.scalar(select(func.count()).select_from(Reflection)) == 1


def test_reflection_over_the_limit_is_refused_and_shown_back(auth, browser, client, load_fixture):
    load_fixture()
    auth()
    url = to_first_reflection(browser, client)
    text = "word " * (MAX_REFLECTION_CHARS // 5 + 10)
    response = answer(client, url, reflection=text)
    assert response.status_code == 400
    assert f"The most it can be is {MAX_REFLECTION_CHARS:,}" in response.text
    assert text.strip() in response.text
    assert "Only you and your supervisor can read it." in response.text
    assert db.session.scalar(select(func.count()).select_from(Reflection)) == 0


def test_required_reflection_cannot_be_empty(auth, browser, client, load_fixture):
    load_fixture()
    auth()
    url = to_first_reflection(browser, client)
    response = answer(client, url, reflection="   ")
    assert response.status_code == 400
    assert "Write your reflection before you go on." in response.text


def test_optional_reflection_skip_is_recorded(auth, browser, client, load_fixture):
    load_fixture()
    auth()
    url = to_optional_reflection(browser, client)
    answer(client, url, skip="Skip this reflection")
    ending = client.get(url, follow_redirects=True)
    assert "You saw part of the picture" in ending.text
    assert "skipped" in ending.text
    skipped = db.session.scalar(
        select(AttemptAnswer).where(AttemptAnswer.node_id == "optional-note")
    )
    assert skipped.skipped is True and skipped.reflection is None


def test_missing_csrf_token_is_rejected_and_keeps_reflection(auth, browser, client, load_fixture):
    load_fixture()
    auth()
    url = to_first_reflection(browser, client)
    page = client.get(url)
    response = client.post(
        url,
        data={"step": step_number(page.text), "reflection": "Text typed before the token expired."},
    )
    assert response.status_code == 409
    assert "This form had expired, so nothing was saved." in response.text
    assert "Text typed before the token expired." in response.text
    assert db.session.scalar(select(func.count()).select_from(Reflection)) == 0
    plain = client.post("/scenarios/short-visit/start", data={})
    assert plain.status_code == 400


def test_expired_session_keeps_reflection_through_sign_in(auth, browser, client, load_fixture):
    load_fixture()
    auth()
    url = to_first_reflection(browser, client)
    page = client.get(url)
    number = step_number(page.text)
    client.delete_cookie("session", domain="localhost")
    response = client.post(
        url,
        data={"step": number, "reflection": "Half an hour of thought."},
        headers={"Origin": "http://localhost"},  # as a browser sends it from the step page
    )
    assert response.status_code == 401, response.text[-3000:]
    assert "Half an hour of thought." in response.text
    signed_in = client.post(
        "/login",
        data={
            **hidden_fields(response.text),
            "email": "learner@example.org",
            "password": "correct horse battery staple",
        },
    )
    assert signed_in.status_code == 302, signed_in.text[-2500:]
    assert signed_in.headers["Location"] == url
    assert "Half an hour of thought." in client.get(url).text


def test_other_learner_cannot_open_attempt(auth, browser, client, load_fixture, make_user):
    load_fixture()
    auth()
    url = start(browser)
    browser.submit("/scenarios", {}, action="/logout")
    make_user("other@example.org")
    browser.login("other@example.org")
    assert client.get(url).status_code == 404
    assert client.get(url + "/ending").status_code == 404
    assert client.post(url, data={"step": "0"}).status_code in (404, 409, 400)
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == 1


def test_my_learning_lists_attempts_and_reflections(auth, browser, client, load_fixture):
    load_fixture()
    auth()
    url = to_first_reflection(browser, client)
    answer(client, url, reflection="Checking with school matters.")
    page = client.get("/my-learning")
    assert "A short visit" in page.text and "In progress" in page.text
    assert "Checking with school matters." in page.text


def test_a_step_costs_the_same_queries_however_far_in(auth, browser, client, load_fixture, app):
    from sqlalchemy import event

    load_fixture()
    auth()
    url = start(browser)
    answer(client, url)
    queries: list[str] = []

    def count(*args) -> None:
        queries.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    client.get(url)  # the first choice: one step answered, no reflections
    early = len(queries)
    event.remove(db.engine, "before_cursor_execute", count)
    answer(client, url, option_text="Visit her at home.")
    answer(client, url)
    answer(client, url, reflection="One reflection so far.")
    queries.clear()
    event.listen(db.engine, "before_cursor_execute", count)
    client.get(url)  # the second choice: four steps answered, one reflection
    event.remove(db.engine, "before_cursor_execute", count)
    assert len(queries) == early


def test_catalogue_costs_the_same_queries_for_more_scenarios(
    auth, client, load_fixture, app, tmp_path
):
    from sqlalchemy import event

    from tests.conftest import FIXTURES

    load_fixture()
    auth()
    queries: list[str] = []

    def count(*args) -> None:
        queries.append(args[2])

    def measure() -> int:
        queries.clear()
        event.listen(db.engine, "before_cursor_execute", count)
        assert client.get("/scenarios").status_code == 200
        event.remove(db.engine, "before_cursor_execute", count)
        return len(queries)

    one = measure()
    for n in range(3):
        other = tmp_path / f"other-{n}.scenario"
        other.write_text(
            (FIXTURES / "short-visit.scenario")
            .read_text()
            .replace("id: short-visit", f"id: other-{n}")
        )
        library.load_file(db.session, other, library.vocabulary(app.config["CONTENT_DIR"]))
    db.session.commit()
    assert measure() == one
