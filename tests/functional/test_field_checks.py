"""Field checks on every way in (issue 10: I1, L6, M6): demo addresses are accepted, names
cannot hide direction-changing characters, and author text has a limit that is explained while
what was typed is kept."""

from __future__ import annotations

from app.db import db
from app.models import User
from app.services.drafts import MAX_DRAFT_CHARS

from .author_helpers import draft_text, new_draft

RLO = "\u202e"


def _user_form(user, **changes) -> dict:
    return {
        "email": user.email,
        "display_name": user.display_name,
        "roles": sorted(user.roles),
        "agency_id": "0",
        "team_id": "0",
        "supervisor_id": "0",
        **changes,
    }


def test_admins_can_edit_and_create_demo_accounts(auth, browser, make_user):
    auth("admin@demo.wholepicture.test", roles=("admin",))
    demo = make_user("learner.social@demo.wholepicture.test")
    saved = browser.submit(f"/admin/users/{demo.id}", _user_form(demo, display_name="Sam Social"))
    assert saved.status_code == 302, saved.text[-2000:]
    db.session.expire_all()
    assert db.session.get(User, demo.id).display_name == "Sam Social"
    created = browser.submit(
        "/admin/users/new",
        _user_form(demo, email="leaver@demo.wholepicture.test", display_name="A Leaver"),
    )
    assert created.status_code == 302, created.text[-2000:]


def test_a_malformed_address_is_still_refused(auth, browser, make_user):
    auth("admin@example.org", roles=("admin",))
    person = make_user()
    refused = browser.submit(f"/admin/users/{person.id}", _user_form(person, email="not an email"))
    assert refused.status_code == 400
    assert "Enter an email address like name@example.org" in refused.text


def test_direction_changing_characters_are_refused_in_names(auth, browser, make_user):
    auth("admin@example.org", roles=("admin", "author"))
    person = make_user()
    spoof = f"Jo {RLO}nhoJ"
    refused = browser.submit(f"/admin/users/{person.id}", _user_form(person, display_name=spoof))
    assert refused.status_code == 400
    assert "hidden characters that change the direction of text" in refused.text
    db.session.expire_all()
    assert RLO not in db.session.get(User, person.id).display_name
    agency = browser.submit(
        "/admin/organisation",
        {"agency-name": f"Health{RLO}", "agency-kind": "health", "agency-submit": "1"},
    )
    assert agency.status_code == 400 and "hidden characters" in agency.text
    draft = browser.submit("/author/new", {"title": f"Visit{RLO}", "slug": "visit"})
    assert draft.status_code != 302 and "hidden characters" in draft.text


def test_author_text_has_a_limit_and_what_was_typed_is_kept(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = new_draft(browser)
    before = draft_text(draft_id)
    too_long = "MARKER-TYPED-TEXT\n" + "x" * MAX_DRAFT_CHARS
    response = browser.submit(f"/author/drafts/{draft_id}/text", {"text": too_long})
    assert response.status_code == 400
    assert f"Keep this to {MAX_DRAFT_CHARS:,} characters" in response.text
    assert "MARKER-TYPED-TEXT" in response.text  # still in the box to cut down
    assert draft_text(draft_id) == before


def test_an_uploaded_scenario_file_is_held_to_the_same_limit(auth, browser, client):
    import io

    from tests.conftest import csrf_token

    auth("author@example.org", roles=("author",))
    page = client.get("/author/import")
    data = ("id: big\n" + "x" * MAX_DRAFT_CHARS).encode()
    response = client.post(
        "/author/import",
        data={"csrf_token": csrf_token(page.text), "file": (io.BytesIO(data), "big.scenario")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 400
    assert f"longer than {MAX_DRAFT_CHARS:,} characters" in response.text
