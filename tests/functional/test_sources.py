"""Learning sources in the browser: an author adds a source, a scenario names it, and a learner's
feedback, ending and supervision profile use that source's competency and briefing."""

from __future__ import annotations

import re

from sqlalchemy import select

from app.db import db
from app.models import LearningSource
from tests.conftest import Browser

from .helpers import answer, start
from .source_helpers import SCENARIO, SOURCE, create_source, publish_scenario


def _learner(app, make_user, email="jo@example.org", **kwargs) -> tuple[Browser, object]:
    user = make_user(email, **kwargs)
    learner = Browser(app.test_client())
    assert learner.login(email).status_code == 302
    return learner, user


def test_author_builds_a_source_and_sees_it_listed(auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    page = browser.get(f"/sources/{SOURCE}").text
    assert "Finding 1: Nobody asked" in page
    assert "Asking about abuse routinely" in page and "Asked the parent when alone" in page
    listing = browser.get("/sources/").text
    assert "Home safety thematic review" in listing
    assert "Local Child Safeguarding Practice Review" in listing  # the shipped one, read-only


def test_briefing_markdown_is_rendered_and_sanitised(auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    response = browser.submit(
        f"/sources/{SOURCE}/pages/asking-alone/edit",
        {"title": "Asking about safety", "body": "Ask **alone**.\n\n<script>alert(1)</script>"},
    )
    assert response.status_code == 302
    page = browser.get(f"/sources/{SOURCE}/pages/asking-alone").text
    assert "<strong>alone</strong>" in page and "<script>alert(1)" not in page


def test_mistakes_get_a_clear_message_and_lose_nothing(auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    again = browser.submit("/sources/", {"slug": SOURCE, "title": "Again", "kind": "review"})
    assert again.status_code == 400 and "already a source with the id" in again.text
    shipped = browser.submit("/sources/", {"slug": "lcspr", "title": "Copy", "kind": "review"})
    assert shipped.status_code == 400 and "already a source with the id" in shipped.text
    url = f"/sources/{SOURCE}"
    clash = browser.submit(
        url,
        {"competency-key": "triangulation", "competency-name": "Mine"},
        action=f"{url}/competencies",
    )
    assert clash.status_code == 400 and "already a competency of another source" in clash.text
    missing = browser.submit(
        url,
        {"competency-key": "new-one", "competency-name": "New", "competency-findings": "7"},
        action=f"{url}/competencies",
    )
    assert missing.status_code == 400 and "no finding 7" in missing.text
    assert 'value="New"' in missing.text  # what was typed is still there


def test_checker_uses_the_scenarios_sources(app, runner, tmp_path, auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    path = tmp_path / "kitchen-talk.scenario"
    path.write_text(SCENARIO, encoding="utf-8")
    assert runner.invoke(args=["scenarios", "check", str(path)]).exit_code == 0
    # without the source, its competency and tag are unknown
    path.write_text(SCENARIO.replace("sources: home-safety-review\n", ""), encoding="utf-8")
    result = runner.invoke(args=["scenarios", "check", str(path)])
    assert result.exit_code == 1
    assert "unknown competency 'routine-enquiry'" in result.output
    assert "unknown tag 'asked-alone'" in result.output
    path.write_text(SCENARIO.replace("home-safety-review", "no-such-review"), encoding="utf-8")
    result = runner.invoke(args=["scenarios", "check", str(path)])
    assert "unknown source 'no-such-review'" in result.output


def test_details_form_offers_and_keeps_the_sources(auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    publish_scenario(browser)
    response = browser.submit(
        "/author/scenarios/kitchen-talk", {}, action="/author/scenarios/kitchen-talk/edit"
    )
    draft_id = int(response.headers["Location"].rsplit("/", 1)[1])
    page = browser.get(f"/author/drafts/{draft_id}/details").text
    assert "Home safety thematic review" in page
    assert 'value="home-safety-review" checked' in page or 'home-safety-review" checked' in page


def test_learner_is_sent_to_the_sources_briefing(app, auth, browser, make_user):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    publish_scenario(browser)
    learner, _ = _learner(app, make_user)
    url = start(learner, "kitchen-talk")
    response = answer(
        learner.client,
        url,
        option_text="Ask her, when you are alone together, whether she feels safe at home.",
    )
    feedback = learner.get(response.headers["Location"]).text
    assert "Asking about abuse routinely (Home safety thematic review finding 1)" in feedback
    link = f"/sources/{SOURCE}/pages/asking-alone?back="
    assert link in feedback
    briefing = learner.get(f"/sources/{SOURCE}/pages/asking-alone").text
    assert "Why ask alone" in briefing
    assert "Edit this page" not in briefing  # learners read, never edit
    assert learner.get("/sources/").status_code == 403
    assert learner.get(f"/sources/{SOURCE}").status_code == 403


def test_shipped_scenarios_still_link_to_the_shipped_briefings(load_fixture, auth, browser):
    load_fixture()
    auth()
    url = start(browser)
    answer(browser.client, url)
    response = answer(browser.client, url, option_text="Visit her at home.")
    feedback = browser.get(response.headers["Location"]).text
    assert "review finding 3" in feedback and "/guide/finding-3?back=" in feedback


def test_sources_are_stored(auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    db.session.expire_all()
    row = db.session.scalar(select(LearningSource).where(LearningSource.slug == SOURCE))
    assert [c.key for c in row.competencies] == ["routine-enquiry"]
    assert [t.key for t in row.tags] == ["asked-alone"] and row.findings[0].page == "asking-alone"


def test_profile_shows_the_new_sources_competency(app, auth, browser, make_user):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    publish_scenario(browser)
    sam = make_user("sam@example.org", roles=("supervisor", "learner"))
    learner, jo = _learner(app, make_user, supervisor_id=sam.id)
    url = start(learner, "kitchen-talk")
    good = "Ask her, when you are alone together, whether she feels safe at home."
    answer(learner.client, url, option_text=good)
    supervisor = Browser(app.test_client())
    assert supervisor.login("sam@example.org").status_code == 302
    page = supervisor.get(f"/supervise/learners/{jo.id}").text
    row = re.search(r"Asking about abuse routinely.*?</tr>", page, re.S)
    assert row and "(finding 1)" in row.group(0) and "100%" in row.group(0)


def test_sources_list_and_check_commands(runner, auth, browser):
    result = runner.invoke(args=["sources", "check"])
    assert result.exit_code == 0, result.output  # the shipped source fits together
    auth("author@example.org", roles=("author",))
    create_source(browser)
    listed = runner.invoke(args=["sources", "list"]).output
    assert "lcspr (shipped, default): 6 findings" in listed
    assert "home-safety-review (browser): 1 findings, 1 competencies, 1 tags" in listed
    url = f"/sources/{SOURCE}"
    browser.submit(
        url,
        {"finding-number": "2", "finding-title": "Late help", "finding-page": "not-written"},
        action=f"{url}/findings",
    )
    result = runner.invoke(args=["sources", "check"])
    assert result.exit_code == 1
    assert "home-safety-review: finding 2: no briefing page 'not-written'" in result.output
