"""Administration: only admins, account changes recorded, links issued."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from app.db import db
from app.models import AccountChange, Agency, Team, User


def test_learner_refused_admin_pages(auth, client):
    auth()
    for url in ("/admin/users", "/admin/users/new", "/admin/organisation"):
        assert client.get(url).status_code == 403, url
    assert client.post("/admin/users/1/active").status_code in (400, 403)


def test_admin_creates_user_with_supervisor_and_changes_are_recorded(
    auth, browser, client, make_user
):
    admin = auth("admin@example.org", roles=("admin",))
    supervisor = make_user("boss@example.org", roles=("supervisor",))
    response = browser.submit(
        "/admin/users/new",
        {
            "email": "New.Person@Example.org",
            "display_name": "New Person",
            "roles": ["learner"],
            "agency_id": "0",
            "team_id": "0",
            "supervisor_id": str(supervisor.id),
        },
    )
    assert response.status_code == 302
    user = db.session.scalar(select(User).where(User.email == "new.person@example.org"))
    assert user.supervisor_id == supervisor.id and user.roles == {"learner"}
    browser.submit(
        f"/admin/users/{user.id}",
        {
            "email": user.email,
            "display_name": "New Person",
            "roles": ["learner", "author"],
            "agency_id": "0",
            "team_id": "0",
            "supervisor_id": "0",
        },
    )
    changes = {
        c.field: c
        for c in db.session.scalars(select(AccountChange).where(AccountChange.user_id == user.id))
    }
    assert changes["roles"].new_value == "author,learner"
    assert changes["roles"].changed_by_id == admin.id
    assert changes["supervisor"].old_value == str(supervisor.id)
    assert changes["supervisor"].new_value is None
    page = client.get(f"/admin/users/{user.id}")
    assert "roles" in page.text and "admin" in page.text


def test_admin_issues_link_and_deactivates(auth, browser, client, make_user):
    auth("admin@example.org", roles=("admin",))
    user = make_user()
    page = browser.submit(
        f"/admin/users/{user.id}", {}, action=f"/admin/users/{user.id}/password-link"
    )
    link = re.search(r"<code>(http[^<]+)</code>", page.text).group(1)
    assert "/set-password/" in link
    assert client.get(link.replace("http://localhost", "")).status_code == 200
    browser.submit(f"/admin/users/{user.id}", {}, action=f"/admin/users/{user.id}/active")
    db.session.refresh(user)
    assert user.active is False


def test_adding_an_agency_or_team_twice_is_a_form_error_not_a_crash(auth, browser, client):
    auth("admin@example.org", roles=("admin",))
    add_agency = {"agency-name": "Northfield Health", "agency-kind": "health", "agency-submit": "1"}
    assert browser.submit("/admin/organisation", add_agency).status_code == 302
    again = browser.submit(
        "/admin/organisation", {**add_agency, "agency-name": "northfield health "}
    )
    assert again.status_code == 400
    assert "There is already an agency called" in again.text
    assert db.session.scalar(select(func.count()).select_from(Agency)) == 1

    agency = db.session.scalar(select(Agency))
    add_team = {
        "team-agency_id": str(agency.id),
        "team-name": "Health visiting",
        "team-submit": "1",
    }
    assert browser.submit("/admin/organisation", add_team).status_code == 302
    again = browser.submit("/admin/organisation", add_team)
    assert again.status_code == 400
    assert "Northfield Health already has a team called" in again.text
    assert [t.name for t in db.session.scalars(select(Team))] == ["Health visiting"]
