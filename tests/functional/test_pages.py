"""What every page shares: GOV.UK Frontend components rendered, none of GOV.UK's own identity,
and no page needing JavaScript or a third party."""

from __future__ import annotations

import re

from app.db import db
from app.services import accounts
from tests.conftest import ROOT

from .helpers import answer, start

COMPONENTS = {
    "govuk-skip-link",
    "govuk-service-navigation",
    "govuk-phase-banner",
    "govuk-footer",
    "govuk-button",
    "govuk-input",
    "govuk-password-input",
    "govuk-error-summary",
    "govuk-error-message",
    "govuk-notification-banner",
    "govuk-radios",
    "govuk-character-count",
    "govuk-textarea",
    "govuk-warning-text",
    "govuk-back-link",
    "govuk-tag",
    "govuk-summary-list",
    "govuk-table",
    "govuk-details",
    "govuk-inset-text",
    "govuk-checkboxes",
    "govuk-select",
    "govuk-fieldset",
    "govuk-label",
    "govuk-hint",
}


def _pages(auth, browser, client, load_fixture):
    load_fixture()
    user = auth("admin@example.org", roles=("admin", "learner"))
    seen = [
        client.get(u).text
        for u in (
            "/scenarios",
            "/scenarios/short-visit",
            "/my-learning",
            "/admin/users",
            "/admin/users/new",
            "/guide/",
            f"/admin/users/{user.id}",
        )
    ]
    seen.append(browser.submit("/admin/users/new", {"email": "bad"}).text)  # errors shown
    created = browser.submit(
        "/admin/users/new",
        {
            "email": "x@example.org",
            "display_name": "X",
            "roles": ["learner"],
            "agency_id": "0",
            "team_id": "0",
            "supervisor_id": "0",
        },
        follow_redirects=True,
    )
    seen.append(created.text)  # a success banner
    url = start(browser)
    answer(client, url)
    seen.append(client.get(url).text)  # a choice
    feedback = answer(client, url, option_text="Visit her at home.")
    seen.append(client.get(feedback.headers["Location"]).text)
    answer(client, url)
    seen.append(client.get(url).text)  # a reflection
    seen.append(answer(client, url, reflection="").text)  # refused, with errors
    answer(client, url, reflection="Thinking.")
    answer(client, url, option_text="Share what you saw at the visit.")
    seen.append(client.get(url, follow_redirects=True).text)  # the ending
    token = accounts.issue_password_link(db.session, user, None, 1)
    db.session.commit()
    seen.append(client.get(f"/set-password/{token}").text)
    return seen


def test_every_component_used_renders(auth, browser, client, load_fixture):
    html = "\n".join(_pages(auth, browser, client, load_fixture))
    missing = {c for c in COMPONENTS if f'class="{c}' not in html and f" {c}" not in html}
    assert missing == set()


def test_no_gov_uk_identity_and_no_third_party_requests(auth, browser, client, load_fixture):
    for html in _pages(auth, browser, client, load_fixture):
        assert "GOV.UK" not in html
        assert "govuk-header__logo" not in html and "crown" not in html.lower()
        assert not re.search(r'(src|href)="(https?:)?//', html)
        assert '<link rel="icon" href="/static/favicon.svg"' in html


def test_stylesheet_has_no_gds_transport_font():
    css = (ROOT / "app" / "static" / "build" / "app.css").read_text()
    assert "GDS Transport" not in css and "@font-face" not in css
    assert "system-ui" in css


def test_pages_work_without_javascript(auth, browser, client, load_fixture):
    for html in _pages(auth, browser, client, load_fixture):
        for form in re.findall(r"<form[^>]*>", html):
            # every form goes to the server: POST for a change, GET for a search (find a person)
            assert 'method="post"' in form or 'method="get"' in form
        assert "onclick" not in html
