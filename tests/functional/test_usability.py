"""Fixes from a fresh-eyes walk through the site as each kind of user."""

from __future__ import annotations

from sqlalchemy import func, select

from app.db import db
from app.models import SupervisionSession
from app.models.accounts import Agency, Team
from app.services import accounts
from tests.conftest import csrf_token

from .helpers import answer, start, to_optional_reflection
from .supervision_world import sign_in


def test_people_land_where_their_work_is(world, browser):
    assert browser.login(world.sam.email).headers["Location"] == "/supervise/"
    browser.submit("/supervise/", {}, action="/logout")
    assert browser.login(world.author.email).headers["Location"] == "/author/"
    browser.submit("/author/", {}, action="/logout")
    assert browser.login(world.jo.email).headers["Location"] == "/scenarios"


def test_an_empty_supervision_record_is_refused(world, browser):
    sign_in(browser, world.sam)
    url = f"/supervise/learners/{world.jo.id}/sessions/new"
    today = __import__("datetime").date.today()
    response = browser.submit(
        url, {"held_on": [str(today.day), str(today.month), str(today.year)], "notes": ""}
    )
    assert response.status_code == 400
    assert "Write some notes, tick the prompts you covered or add an agreed action" in (
        response.text
    )
    assert db.session.scalar(select(func.count()).select_from(SupervisionSession)) == 0


def test_a_team_must_belong_to_the_chosen_agency(auth, browser):
    auth("admin@example.org", roles=("admin",))
    police, health = Agency(name="Police", kind="police"), Agency(name="Health", kind="health")
    db.session.add_all([police, health])
    db.session.flush()
    ward = Team(agency_id=health.id, name="Ward")
    db.session.add(ward)
    db.session.commit()
    response = browser.submit(
        "/admin/users/new",
        {
            "email": "rosa@example.org",
            "display_name": "Rosa",
            "roles": ["learner"],
            "agency_id": str(police.id),
            "team_id": str(ward.id),
            "supervisor_id": "0",
        },
    )
    assert response.status_code == 400
    assert "Choose a team in the person&#39;s agency, or no team" in response.text


def test_optional_reflection_is_skipped_only_on_purpose(auth, browser, client, load_fixture):
    load_fixture()
    auth()
    url = to_optional_reflection(browser, client)
    page = client.get(url)
    assert "This reflection is optional: you can skip it." in page.text
    assert "on the question: Anything else to note?" in page.text  # the label carries it
    response = answer(client, url, reflection="")
    assert response.status_code == 400
    assert "Write your reflection, or choose &#39;Skip this reflection&#39;" in response.text


def test_set_password_names_the_account_and_sign_in_is_prefilled(client, make_user):
    user = make_user("new.person@example.org")
    token = accounts.issue_password_link(db.session, user, None, hours=1)
    db.session.commit()
    page = client.get(f"/set-password/{token}")
    assert "new.person@example.org" in page.text
    new = "another long enough password"
    done = client.post(
        f"/set-password/{token}",
        data={"csrf_token": csrf_token(page.text), "password": new, "confirm": new},
    )
    assert done.headers["Location"].endswith("email=new.person@example.org")
    assert 'value="new.person@example.org"' in client.get(done.headers["Location"]).text


def test_briefing_leads_back_to_the_scenario_and_play_again(auth, browser, client, load_fixture):
    load_fixture()
    auth()
    url = start(browser)
    answer(client, url)
    feedback = answer(client, url, option_text="Visit her at home.").headers["Location"]
    page = client.get(feedback)
    assert "read the briefing on finding 3" in page.text
    briefing = client.get(f"/guide/finding-3?back={feedback}")
    assert f'href="{feedback}"' in briefing.text and "Back to your scenario" in briefing.text
    elsewhere = client.get("/guide/finding-3?back=https://example.org/")
    assert "https://example.org/" not in elsewhere.text
    answer(client, url)
    answer(client, url, reflection="Done.")
    answer(client, url, option_text="Share what you saw at the visit.")
    overview = client.get("/scenarios/short-visit")
    assert "You finished this scenario on" in overview.text and "Play again" in overview.text
