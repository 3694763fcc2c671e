"""What supervisors are told about simulation choices, and what learners are reminded about real
families when they write a reflection."""

from __future__ import annotations

from tests.conftest import PASSWORD

from .helpers import hidden_fields, step_number, to_first_reflection
from .supervision_world import jo_leans_on_accounts, sign_in

NOTE = "Choices in a simulation are prompts for curiosity, not evidence of competence"
HINT = "leave out anything that could identify them, such as names, ages, addresses or schools"


def test_supervisors_are_told_choices_are_not_evidence_wherever_they_see_prompts(
    world, browser, client
):
    jo_leans_on_accounts(world)
    sign_in(browser, world.sam)
    base = f"/supervise/learners/{world.jo.id}"
    for url in ("/supervise/", base, f"{base}/agenda", f"{base}/sessions/new"):
        page = client.get(url)
        assert page.status_code == 200, url
        assert page.text.count(NOTE) == 1, url
    dashboard = client.get("/supervise/").text
    assert dashboard.index(NOTE) < dashboard.index("Relied on the parent&#39;s account")


def test_learners_do_not_see_the_supervisors_note(world, browser, client):
    jo_leans_on_accounts(world)
    sign_in(browser, world.jo)
    assert NOTE not in client.get("/my-learning").text


def test_the_reflection_box_asks_learners_to_leave_out_what_identifies_a_family(
    auth, browser, client, load_fixture
):
    load_fixture()
    auth()
    url = to_first_reflection(browser, client)
    page = client.get(url).text
    assert HINT in page
    assert 'id="reflection-hint"' in page  # the box's hint, read out with it
    assert 'aria-describedby="reflection-info reflection-hint"' in page


def test_the_reminder_is_there_when_a_carried_draft_is_shown_back(
    auth, browser, client, load_fixture
):
    load_fixture()
    auth()
    url = to_first_reflection(browser, client)
    number = step_number(client.get(url).text)
    client.delete_cookie("session", domain="localhost")
    carried = client.post(
        url,
        data={"step": number, "reflection": "Thinking of a family."},
        headers={"Origin": "http://localhost"},  # as a browser sends it from the step page
    )
    assert carried.status_code == 401
    signed_in = client.post(
        "/login",
        data={**hidden_fields(carried.text), "email": "learner@example.org", "password": PASSWORD},
    )
    assert signed_in.status_code == 302
    page = client.get(url).text
    assert "Thinking of a family." in page and HINT in page
