"""The accounts list at partnership scale: pages of 50 with links between them, and a search
by name or email, so an administrator finds one person among thousands without a huge page."""

from __future__ import annotations

import re

from sqlalchemy import insert

from app.db import db
from app.models import User
from app.services.organisation import PER_PAGE


def _names(html: str) -> list[str]:
    return re.findall(r'href="/admin/users/\d+">([^<]+)</a>', html)


def _add_people(count: int) -> None:
    rows = [
        {"email": f"person{n:03}@example.org", "display_name": f"Person {n:03}", "active": True}
        for n in range(count)
    ]
    db.session.execute(insert(User), rows)
    db.session.commit()


def test_accounts_come_in_pages_with_links_between_them(auth, client):
    auth("admin@example.org", roles=("admin",))
    _add_people(PER_PAGE + 20)  # with the admin: 71 accounts, two pages
    first = client.get("/admin/users").text
    assert "71 accounts, page 1 of 2" in first
    assert len(_names(first)) == PER_PAGE
    assert 'href="/admin/users?page=2"' in first and "govuk-pagination__next" in first
    second = client.get("/admin/users?page=2").text
    assert len(_names(second)) == 71 - PER_PAGE
    assert not set(_names(first)) & set(_names(second)), "no one is listed on both pages"
    assert "govuk-pagination__prev" in second and "govuk-pagination__next" not in second
    past_the_end = client.get("/admin/users?page=99").text
    assert _names(past_the_end) == _names(second), "a page past the end shows the last"


def test_find_narrows_by_name_or_email_and_says_when_nothing_matches(auth, client):
    auth("admin@example.org", roles=("admin",))
    _add_people(30)
    found = client.get("/admin/users?find=PERSON 01").text
    assert _names(found) == [f"Person 01{n}" for n in range(10)]
    assert "10 accounts matching “PERSON 01”" in found
    assert _names(client.get("/admin/users?find=person007@").text) == ["Person 007"]
    assert _names(client.get("/admin/users?find=%25").text) == [], (
        "% is a character, not a wildcard"
    )
    nothing = client.get("/admin/users?find=nobody-here").text
    assert "No account's name or email contains “nobody-here”." in nothing
