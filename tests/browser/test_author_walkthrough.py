"""A new author, in real Chromium, writes a small scenario, sees and fixes a problem, previews
it, publishes it, and a learner plays it. A screenshot of the map is kept for people to look at."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .conftest import sign_in

# Kept for people to look at; tmp/ in the checkout is ignored by git.
SHOTS = Path(os.environ.get("SCREENSHOT_DIR", Path(__file__).resolve().parents[2] / "tmp"))


def _save(page, button: str = "Save node") -> None:
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def _option(page, text: str, target: str, feedback: str, score: str) -> None:
    page.get_by_role("link", name="Add an option").click()
    page.get_by_label("Option text").fill(text)
    page.get_by_label("Leads to").select_option(target)
    page.get_by_label("Feedback", exact=True).fill(feedback)
    page.get_by_label("Score for Testing self-report").select_option(score)
    _save(page, "Save option")


@pytest.mark.browser
def test_author_writes_checks_previews_publishes_and_a_learner_plays(make_user, page, base_url):
    make_user("writer@example.org", roles=("author",))
    make_user("player@example.org")
    sign_in(page, base_url, "writer@example.org")
    page.get_by_role("link", name="Authoring").click()
    page.get_by_role("link", name="Start a new scenario").click()
    page.get_by_label("Title").fill("The doorstep")
    page.get_by_label("Scenario id").fill("the-doorstep")
    _save(page, "Create draft")
    expect(page.locator("#problems")).to_contain_text("the Summary field is empty")

    # A problem links to the form that fixes it.
    page.locator("#problems a", has_text="Summary").click()
    page.get_by_label("Summary").fill("A parent keeps you on the doorstep.")
    page.get_by_label("The learner's role in the story").fill("Health visitor")
    page.get_by_label("Health", exact=True).check()
    page.get_by_label("Testing self-report").check()
    _save(page, "Save details")
    expect(page.locator("#problems")).to_contain_text("has no 'Go to' step")

    for kind, node_id in (("Choice", "ask"), ("Ending", "inside"), ("Ending", "outside")):
        page.get_by_label(kind, exact=False).first.check()
        page.get_by_label("Node id").fill(node_id)
        _save(page, "Add node")
        page.get_by_role("link", name="Overview").click()
    page.locator("#problems a", has_text="has no 'Go to' step").click()  # the problem's link
    page.get_by_label("Text").fill("Dana opens the door but does not let you in.")
    page.get_by_label("Go to (line 1)").select_option("ask")
    _save(page)
    page.goto(page.url.rsplit("/", 1)[0] + "/ask")
    page.get_by_label("Text").fill("What do you do?")
    _save(page)
    _option(page, "Ask to come in and see the children.", "inside", "You see for yourself.", "2")
    _option(page, "Talk on the doorstep.", "outside", "", "-1")  # forgot the feedback
    for node_id, outcome in (("inside", "You saw the home"), ("outside", "You stayed outside")):
        page.goto(page.url.split("/nodes/")[0] + f"/nodes/{node_id}")
        page.get_by_label("Outcome").fill(outcome)
        page.get_by_label("Text").fill("The visit ends.")
        _save(page)

    # The checker names the missing feedback; its link opens that option.
    page.get_by_role("link", name="Overview").click()
    problem = page.locator("#problems a", has_text="has no Feedback")
    expect(problem).to_have_count(1)
    problem.click()
    page.get_by_label("Feedback", exact=True).fill("Quicker, but you only hear her account.")
    _save(page, "Save option")
    page.get_by_role("link", name="Overview").click()
    expect(page.locator("#problems")).to_contain_text("The checker found nothing to fix.")

    page.get_by_role("link", name="Map").click()
    expect(page.locator("svg a")).to_have_count(4)
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / "author-map.png"), full_page=True)

    page.get_by_role("link", name="Preview").click()
    _save(page, "Start preview")
    _save(page, "Continue")
    page.get_by_label("Talk on the doorstep.").check()
    _save(page, "Choose")
    expect(page.get_by_text("Quicker, but you only hear her account.")).to_be_visible()
    expect(page.get_by_role("heading", name="You stayed outside")).to_be_visible()

    page.get_by_role("link", name="Publish", exact=True).click()
    _save(page, "Publish version 1")
    expect(page.get_by_text("Version 1 of 'The doorstep' is published.")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, base_url, "player@example.org")
    page.get_by_role("link", name="The doorstep").click()
    page.get_by_role("button", name="Start").click()
    _save(page, "Continue")
    page.get_by_label("Ask to come in and see the children.").check()
    _save(page, "Choose")
    expect(page.get_by_text("You see for yourself.")).to_be_visible()
    page.get_by_role("link", name="See how it ended").click()
    expect(page.get_by_role("heading", name="You saw the home")).to_be_visible()
