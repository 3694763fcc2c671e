"""Publishing from the browser: versions, what learners get, archiving."""

from __future__ import annotations

from sqlalchemy import func, select

from app.db import db
from app.models import Attempt, Draft, ScenarioVersion, StoredScenario
from tests.conftest import Browser

from .author_helpers import build_small_scenario, save_node
from .helpers import answer, start


def _publish(browser, draft_id: int, **data):
    return browser.submit(f"/author/drafts/{draft_id}/publish", data)


def _stored() -> StoredScenario:
    db.session.expire_all()
    return db.session.scalar(select(StoredScenario).where(StoredScenario.slug == "first-visit"))


def _learner(app, make_user, email="jo@example.org") -> Browser:
    make_user(email)
    learner = Browser(app.test_client())
    assert learner.login(email).status_code == 302
    return learner


def test_a_draft_with_problems_cannot_be_published(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    save_node(browser, draft_id, "opening", text="No way on.")
    page = client.get(f"/author/drafts/{draft_id}/publish").text
    assert "Fix the problems above to publish." in page
    response = _publish(browser, draft_id)
    assert response.status_code == 400 and "problems. Fix them before publishing" in response.text
    assert db.session.scalar(select(func.count()).select_from(ScenarioVersion)) == 0


def test_publish_makes_version_learners_can_play(app, auth, browser, client, make_user):
    author = auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    page = client.get(f"/author/drafts/{draft_id}/publish").text
    assert "A new scenario" in page and "Publish version 1" in page
    response = _publish(browser, draft_id)
    assert response.headers["Location"].endswith("/author/scenarios/first-visit")
    assert (
        "Version 1 of &#39;A first visit&#39; is published"
        in client.get(response.headers["Location"]).text
    )
    version = _stored().current_version
    assert version.number == 1 and version.origin == "browser"
    assert version.published_by_id == author.id and version.source == draft_text_or_none(draft_id)
    learner = _learner(app, make_user)
    assert "A first visit" in learner.get("/scenarios").text
    url = start(learner, "first-visit")
    assert "You arrive at the house." in learner.get(url).text


def draft_text_or_none(draft_id: int) -> str | None:
    """The draft is gone once its text is published: the version holds that text."""
    db.session.expire_all()
    draft = db.session.get(Draft, draft_id)
    return draft.text if draft else _stored().current_version.source


def test_new_version_for_new_attempts_old_attempts_stay_pinned(app, auth, browser, make_user):
    auth("author@example.org", roles=("author",))
    _publish(browser, build_small_scenario(browser))
    learner = _learner(app, make_user)
    old_url = start(learner, "first-visit")
    answer(learner.client, old_url)  # past the opening scene: now at the choice
    response = browser.submit(
        "/author/scenarios/first-visit", {}, action="/author/scenarios/first-visit/edit"
    )
    draft_id = int(response.headers["Location"].rsplit("/", 1)[1])
    save_node(browser, draft_id, "good-end", outcome="You saw the whole home", text="Version two.")
    assert "Changes from version 1" in browser.get(f"/author/drafts/{draft_id}/publish").text
    _publish(browser, draft_id)
    assert _stored().current_version.number == 2
    # The learner part-way through finishes on version 1 and can review it.
    response = answer(learner.client, old_url, option_text="Ask to see the kitchen.")
    ending = learner.get(old_url, follow_redirects=True).text
    assert "You saw for yourself" in ending and "Version two." not in ending
    attempt = db.session.get(Attempt, int(old_url.rsplit("/", 1)[1]))
    assert attempt.version.number == 1 and attempt.completed_at is not None
    # Someone starting now gets version 2.
    other = _learner(app, make_user, "sam@example.org")
    new_url = start(other, "first-visit")
    answer(other.client, new_url)
    answer(other.client, new_url, option_text="Ask to see the kitchen.")
    assert "Version two." in other.get(new_url, follow_redirects=True).text


def test_archive_hides_from_catalogue_but_keeps_attempts(app, auth, browser, make_user):
    auth("author@example.org", roles=("author",))
    _publish(browser, build_small_scenario(browser))
    learner = _learner(app, make_user)
    url = start(learner, "first-visit")
    response = browser.submit(
        "/author/scenarios/first-visit", {}, action="/author/scenarios/first-visit/archive"
    )
    assert "Archived: learners no longer see it" in browser.get(response.headers["Location"]).text
    assert "A first visit" not in learner.get("/scenarios").text
    assert learner.get("/scenarios/first-visit").status_code == 404
    assert "You arrive at the house." in learner.get(url).text  # the attempt goes on
    assert db.session.scalar(select(func.count()).select_from(ScenarioVersion)) == 1
    browser.submit(
        "/author/scenarios/first-visit", {}, action="/author/scenarios/first-visit/archive"
    )
    assert "A first visit" in learner.get("/scenarios").text


def test_publishing_over_a_newer_version_needs_a_second_look(auth, browser, client):
    auth("author@example.org", roles=("author",))
    _publish(browser, build_small_scenario(browser))
    edit = "/author/scenarios/first-visit/edit"
    first = int(
        browser.submit("/author/scenarios/first-visit", {}, action=edit)
        .headers["Location"]
        .rsplit("/", 1)[1]
    )
    save_node(browser, first, "good-end", outcome="Edited in draft one", text="One.")
    # Someone else publishes version 2 from another draft meanwhile.
    db.session.get(Draft, first).origin = "upload"  # so "edit" opens a fresh browser draft
    db.session.commit()
    second = int(
        browser.submit("/author/scenarios/first-visit", {}, action=edit)
        .headers["Location"]
        .rsplit("/", 1)[1]
    )
    assert second != first
    save_node(browser, second, "poor-end", outcome="Edited in draft two", text="Two.")
    _publish(browser, second)
    page = client.get(f"/author/drafts/{first}/publish").text
    assert "Version 2 was published after this draft was started" in page
    refused = _publish(browser, first)
    assert refused.status_code == 400 and "A newer version was published" in refused.text
    assert _publish(browser, first, replace_newer="y").status_code == 302
    assert _stored().current_version.number == 3
    assert "Edited in draft one" in _stored().current_version.source


def test_back_after_publishing_reaches_the_published_scenario_not_a_404(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    _publish(browser, draft_id)
    for page in ("publish", "", "details", "map"):  # the pages Back or a bookmark may reach
        back = client.get(f"/author/drafts/{draft_id}/{page}".rstrip("/"))
        assert back.status_code == 302, page
        assert back.headers["Location"].endswith("/author/scenarios/first-visit")
    shown = client.get("/author/scenarios/first-visit").text
    assert "That draft was published as version 1 of &#39;A first visit&#39;" in shown
    assert client.get("/author/drafts/99999").status_code == 404  # never a draft at all
