"""Optional second-author approval: the setting, the request, the diff, approve or send back."""

from __future__ import annotations

from sqlalchemy import select

from app.db import db
from app.models import ApprovalRequest, Draft, StoredScenario
from tests.conftest import Browser

from .author_helpers import build_small_scenario, save_node


def _second_author(app, make_user, email="second@example.org") -> Browser:
    make_user(email, roles=("author",))
    other = Browser(app.test_client())
    assert other.login(email).status_code == 302
    return other


def _turn_on_approval(app, make_user):
    make_user("admin@example.org", roles=("admin",))
    admin = Browser(app.test_client())
    admin.login("admin@example.org")
    response = admin.submit("/author/settings", {"approval_required": "y"})
    assert response.status_code == 302
    assert "checked" in admin.get("/author/settings").text


def test_only_admins_change_the_setting(auth, client):
    auth("author@example.org", roles=("author",))
    assert client.get("/author/settings").status_code == 403


def test_with_approval_on_an_author_asks_instead_of_publishing(
    app, auth, browser, client, make_user
):
    _turn_on_approval(app, make_user)
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    page = client.get(f"/author/drafts/{draft_id}/publish").text
    assert "Ask for approval" in page and "Publish version" not in page
    refused = browser.submit(f"/author/drafts/{draft_id}/publish", {})
    assert refused.status_code == 400 and "ask for approval instead" in refused.text
    response = browser.submit(f"/author/drafts/{draft_id}/publish", {},
                              action=f"/author/drafts/{draft_id}/request-approval")  # fmt: skip
    assert response.status_code == 302
    request = db.session.scalar(select(ApprovalRequest))
    # The author who asked cannot approve their own request.
    own = client.get(f"/author/approvals/{request.id}").text
    assert "another author must give it" in own and "Approve and publish" not in own
    forced = browser.submit(f"/author/approvals/{request.id}", {"approve": "y"})
    assert forced.status_code == 403
    assert db.session.scalar(select(StoredScenario)) is None


def test_second_author_sees_the_diff_and_approves(app, auth, browser, client, make_user):
    _turn_on_approval(app, make_user)
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    browser.submit(f"/author/drafts/{draft_id}/publish", {},
                   action=f"/author/drafts/{draft_id}/request-approval")  # fmt: skip
    request = db.session.scalar(select(ApprovalRequest))
    other = _second_author(app, make_user)
    listing = other.get("/author/").text
    assert "Waiting for approval" in listing and f"/author/approvals/{request.id}" in listing
    page = other.get(f"/author/approvals/{request.id}").text
    assert "Scene opening" in page and "+ You arrive at the house." in page
    response = other.submit(f"/author/approvals/{request.id}", {"approve": "y", "comment": "Good."})
    assert response.status_code == 302
    db.session.expire_all()
    stored = db.session.scalar(select(StoredScenario))
    version = stored.current_version
    assert version.number == 1 and version.published_by_id != request.requested_by_id
    assert db.session.get(Draft, draft_id) is None  # its text is now the published version
    assert db.session.get(ApprovalRequest, request.id).decision == "approved"


def test_a_change_request_shows_only_what_changed(app, auth, browser, client, make_user):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    browser.submit(f"/author/drafts/{draft_id}/publish", {})
    _turn_on_approval(app, make_user)
    edit = browser.submit(
        "/author/scenarios/first-visit", {}, action="/author/scenarios/first-visit/edit"
    )
    draft_id = int(edit.headers["Location"].rsplit("/", 1)[1])
    save_node(browser, draft_id, "poor-end", outcome="You only heard her side", text="Think again.")
    browser.submit(f"/author/drafts/{draft_id}/publish", {},
                   action=f"/author/drafts/{draft_id}/request-approval")  # fmt: skip
    request = db.session.scalar(select(ApprovalRequest))
    other = _second_author(app, make_user)
    page = other.get(f"/author/approvals/{request.id}").text
    assert "- outcome: You took her word" in page and "+ outcome: You only heard her side" in page
    assert "Scene opening" not in page  # unchanged nodes are left out
    response = other.submit(
        f"/author/approvals/{request.id}", {"send_back": "y", "comment": "Keep the old wording."}
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(ApprovalRequest, request.id).decision == "returned"
    assert db.session.scalar(select(StoredScenario)).current_version.number == 1
    assert "Keep the old wording." in browser.get(f"/author/approvals/{request.id}").text
