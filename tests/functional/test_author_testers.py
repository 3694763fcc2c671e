"""Publishing to named testers first, then to everyone: testers see the version marked "Test
version" in their catalogue and can play it; nobody else sees it until it is published. The
approval setting is offered where publishing happens, and nothing asks the author for files."""

from __future__ import annotations

from sqlalchemy import select

from app.db import db
from app.models import Attempt, StoredScenario
from tests.conftest import Browser

from .author_helpers import build_small_scenario, save_node
from .helpers import start


def _learner(app, make_user, email: str) -> tuple[Browser, str]:
    make_user(email)
    learner = Browser(app.test_client())
    assert learner.login(email).status_code == 302
    return learner, email


def _to_testers(browser, draft_id: int, *emails: str):
    return browser.submit(
        f"/author/drafts/{draft_id}/publish",
        {"testers": "\n".join(emails)},
        action=f"/author/drafts/{draft_id}/publish-to-testers",
    )


def test_testers_see_a_test_version_that_nobody_else_sees_until_it_is_published(
    app, auth, browser, client, make_user
):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    tester, tess = _learner(app, make_user, "tess@example.org")
    other, _ = _learner(app, make_user, "olly@example.org")
    response = _to_testers(browser, draft_id, tess)
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).text
    assert "is published to tess to test" in page and "Testing now: tess (version 1)" in page
    catalogue = tester.get("/scenarios").text
    assert "A first visit" in catalogue and "Test version" in catalogue
    assert "A first visit" not in other.get("/scenarios").text
    assert other.get("/scenarios/first-visit").status_code == 404
    url = start(tester, "first-visit")
    assert "You arrive at the house." in tester.get(url).text
    # then to everyone: the same version, now current, and no longer marked as a test
    published = browser.submit(f"/author/drafts/{draft_id}/publish", {})
    assert published.status_code == 302
    db.session.expire_all()
    stored = db.session.scalar(select(StoredScenario).where(StoredScenario.slug == "first-visit"))
    assert stored.current_version.number == 1
    assert "A first visit" in other.get("/scenarios").text
    assert "Test version" not in tester.get("/scenarios").text
    attempt = db.session.scalars(select(Attempt)).one()
    assert attempt.version_id == stored.current_version_id


def test_a_test_of_a_new_version_leaves_everyone_else_on_the_current_one(
    app, auth, browser, client, make_user
):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    assert browser.submit(f"/author/drafts/{draft_id}/publish", {}).status_code == 302
    edit = browser.submit("/author/scenarios/first-visit", {},
                          action="/author/scenarios/first-visit/edit")  # fmt: skip
    new_draft = int(edit.headers["Location"].rsplit("/", 1)[1])
    save_node(browser, new_draft, "opening", text="You arrive early.", routes=[("ask", "")])
    tester, tess = _learner(app, make_user, "tess@example.org")
    other, _ = _learner(app, make_user, "olly@example.org")
    assert _to_testers(browser, new_draft, tess).status_code == 302
    assert "You arrive early." in tester.get(start(tester, "first-visit")).text
    assert "You arrive at the house." in other.get(start(other, "first-visit")).text


def test_testers_must_be_chosen_and_the_draft_must_have_no_problems(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    response = _to_testers(browser, draft_id)
    assert response.status_code == 400 and "Enter the email address" in response.text
    response = _to_testers(browser, draft_id, "nobody@example.org")
    assert response.status_code == 400 and "No one can sign in with nobody@example.org" in (
        response.text
    )
    save_node(browser, draft_id, "opening", text="No way on.")
    page = client.get(f"/author/drafts/{draft_id}/publish").text
    assert "Publish to testers first" not in page


def test_the_publish_page_offers_the_approval_setting_and_asks_for_no_files(auth, browser, client):
    auth("admin@example.org", roles=("admin",))
    draft_id = build_small_scenario(browser)
    page = client.get(f"/author/drafts/{draft_id}/publish").text
    assert "A second author must approve each version" in page
    assert "commit" not in page.lower()
    back = f"/author/drafts/{draft_id}/publish"
    response = browser.submit(back, {"approval_required": "y", "back": back},
                              action="/author/settings")  # fmt: skip
    assert response.headers["Location"] == back
    assert "Ask for approval" in client.get(back).text
    published = client.get("/author/scenarios/first-visit")
    assert published.status_code == 404 or "commit" not in published.text.lower()


def test_an_author_who_is_not_an_admin_is_told_the_setting(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    page = client.get(f"/author/drafts/{draft_id}/publish").text
    assert "No second author needs to approve a version." in page


def test_a_chosen_tester_is_told_with_a_link_and_sees_the_media(
    app, auth, browser, client, make_user
):
    import io

    from tests.media_samples import png

    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    uploaded = browser.submit(
        f"/author/drafts/{draft_id}/media",
        {"file": (io.BytesIO(png()), "boots.png"), "alt": "Boots by the door", "transcript": ""},
        content_type="multipart/form-data",
    )
    assert uploaded.status_code in (200, 302)
    tester, tess = _learner(app, make_user, "tess@example.org")
    other, _ = _learner(app, make_user, "olly@example.org")
    assert tester.get("/media/boots").status_code == 404  # not yet given to her
    assert _to_testers(browser, draft_id, tess).status_code == 302
    landing = tester.get("/scenarios").text
    assert "A scenario for you to test" in landing
    assert "asked you to test the scenario &#39;A first visit&#39;" in landing
    assert 'href="/scenarios/first-visit">Play the test version</a>' in landing
    assert "A scenario for you to test" not in other.get("/scenarios").text
    assert tester.get("/media/boots").status_code == 200
    assert other.get("/media/boots").status_code == 404  # nobody else, until it is published


def test_naming_a_tester_again_for_the_same_version_tells_them_once(app, auth, browser, make_user):
    from sqlalchemy import func

    from app.models import Notice, User

    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    _, tess = _learner(app, make_user, "tess@example.org")
    _, olly = _learner(app, make_user, "olly@example.org")
    assert _to_testers(browser, draft_id, tess).status_code == 302
    assert _to_testers(browser, draft_id, tess, olly).status_code == 302  # Olly added later

    def told(email: str) -> int:
        user = db.session.scalar(select(User).where(User.email == email))
        return db.session.scalar(
            select(func.count(Notice.id)).where(
                Notice.user_id == user.id, Notice.text.contains("asked you to test")
            )
        )

    assert (told(tess), told(olly)) == (1, 1)
