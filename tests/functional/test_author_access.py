"""Only authors and admins reach authoring; authors never see learners' names or reflections."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db import db
from app.models import Reflection

from .author_helpers import add_node, build_small_scenario, save_node
from .helpers import answer, start

PAGES = ["/author/", "/author/new", "/author/import", "/author/import-twine", "/author/settings"]


@pytest.mark.parametrize("roles", [("learner",), ("supervisor", "learner")])
def test_learners_and_supervisors_are_refused(auth, client, roles):
    auth("someone@example.org", roles=roles)
    for url in PAGES + ["/author/drafts/1", "/author/drafts/1/preview", "/author/scenarios/x"]:
        assert client.get(url).status_code == 403, url
    assert client.post("/author/new", data={"title": "x", "slug": "x"}).status_code in (400, 403)
    assert "Authoring" not in client.get("/scenarios").text


def test_signed_out_visitors_are_sent_to_sign_in(client):
    response = client.get("/author/")
    assert response.status_code == 302 and "/login" in response.headers["Location"]


def test_admin_and_author_get_in_and_see_the_nav_item(auth, client):
    auth("admin@example.org", roles=("admin",))
    page = client.get("/author/")
    assert page.status_code == 200 and 'href="/author/"' in page.text


def test_authoring_pages_show_no_learner_names_or_reflections(
    app, auth, browser, client, make_user
):
    from tests.conftest import Browser

    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    add_node(browser, draft_id, "reflection", "think")
    save_node(browser, draft_id, "opening", text="You arrive.", routes=[("think", "")])
    save_node(browser, draft_id, "think", text="What do you expect?", routes=[("ask", "")])
    browser.submit(f"/author/drafts/{draft_id}/publish", {})
    make_user("jo.whitfield@example.org")
    learner = Browser(app.test_client())
    learner.login("jo.whitfield@example.org")
    url = start(learner, "first-visit")
    answer(learner.client, url)
    answer(learner.client, url, reflection="My private worry about the Hendry family.")
    assert db.session.scalar(select(Reflection.text)).startswith("My private worry")
    edit = browser.submit(
        "/author/scenarios/first-visit", {}, action="/author/scenarios/first-visit/edit"
    )
    draft_id = int(edit.headers["Location"].rsplit("/", 1)[1])
    pages = ["/author/", "/author/scenarios/first-visit", f"/author/drafts/{draft_id}",
             f"/author/drafts/{draft_id}/map", f"/author/drafts/{draft_id}/publish",
             f"/author/drafts/{draft_id}/preview?node=opening"]  # fmt: skip
    for page in pages:
        text = client.get(page).text
        assert "jo.whitfield" not in text, page
        assert "Hendry" not in text, page
