"""In real Chromium: an author adds a learning source with its own finding, competency and
briefing, writes a small scenario that names it, and publishes it; a learner plays it, is sent
to the new source's briefing, and sees the new competency in their profile at the end."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.functional.source_helpers import SCENARIO as FUNCTIONAL_SCENARIO
from tests.functional.source_helpers import SOURCE

from .conftest import sign_in

# The functional tests' scenario, without its `sources:` line: here the author ticks the source
# in the details form instead.
SCENARIO = FUNCTIONAL_SCENARIO.replace(f"sources: {SOURCE}\n", "")


def _click(page, button: str) -> None:
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def _add_source(page) -> None:
    page.get_by_role("link", name="Learning sources").click()
    page.get_by_label("Source id").fill("home-safety-review")
    page.get_by_label("Title").fill("Home safety thematic review")
    page.get_by_label("A thematic report").check()
    _click(page, "Add source")
    expect(page.get_by_role("heading", name="Home safety thematic review")).to_be_visible()

    page.get_by_label("Page id").fill("asking-alone")
    page.locator("#page ~ details").get_by_label("Title").fill("Asking about safety")
    page.get_by_label("Briefing (Markdown)").fill(
        "## Why ask alone\n\nA parent may only answer when **alone**."
    )
    _click(page, "Add page")
    page.get_by_label("Finding number").fill("1")
    page.locator("form[action$='/findings']").get_by_label("Title").fill("Nobody asked")
    page.locator("form[action$='/findings']").get_by_label("Briefing page").select_option(
        "asking-alone"
    )
    _click(page, "Add finding")
    page.get_by_label("Competency id").fill("routine-enquiry")
    page.get_by_label("Name").fill("Asking about abuse routinely")
    page.get_by_label("Findings behind it").fill("1")
    page.locator("form[action$='/competencies']").get_by_label("Briefing page").select_option(
        "asking-alone"
    )
    _click(page, "Add competency")
    page.get_by_label("Tag id").fill("asked-alone")
    page.get_by_label("Label").fill("Asked the parent when alone")
    _click(page, "Add tag")
    expect(page.get_by_text("Finding 1: Nobody asked")).to_be_visible()
    expect(
        page.get_by_text("Asking about abuse routinely (id routine-enquiry, findings 1)")
    ).to_be_visible()


@pytest.mark.browser
def test_author_adds_a_source_and_a_learner_is_sent_to_its_briefing(make_user, page, base_url):
    make_user("writer@example.org", roles=("author",))
    make_user("player@example.org")
    sign_in(page, base_url, "writer@example.org")
    page.get_by_role("link", name="Authoring").click()
    _add_source(page)

    page.goto(base_url + "/author/")
    page.get_by_role("link", name="Start a new scenario").click()
    page.get_by_label("Title").fill("A talk in the kitchen")
    page.get_by_label("Scenario id").fill("kitchen-talk")
    _click(page, "Create draft")
    page.get_by_role("link", name="Edit as text").first.click()
    page.get_by_label("Scenario text").fill(SCENARIO)
    _click(page, "Save text")
    # Not yet naming the source: its competency and tag are unknown to this scenario.
    expect(page.locator("#problems")).to_contain_text("unknown competency 'routine-enquiry'")

    page.get_by_role("link", name="Details").first.click()
    page.get_by_label("Home safety thematic review").check()
    _click(page, "Save details")  # back on the draft's overview
    expect(page.locator("#problems")).to_contain_text("The checker found nothing to fix.")
    page.get_by_role("link", name="Publish", exact=True).click()
    _click(page, "Publish version 1")
    expect(page.get_by_text("Version 1 of 'A talk in the kitchen' is published.")).to_be_visible()
    page.get_by_role("button", name="Sign out").click()

    sign_in(page, base_url, "player@example.org")
    page.get_by_role("link", name="A talk in the kitchen").click()
    page.get_by_role("button", name="Start").click()
    page.get_by_label(
        "Ask her, when you are alone together, whether she feels safe at home."
    ).check()
    _click(page, "Choose")
    expect(page.get_by_text("Home safety thematic review finding 1")).to_be_visible()
    page.get_by_role("link", name="read the briefing on finding 1").click()
    expect(page.get_by_role("heading", name="Asking about safety")).to_be_visible()
    expect(page.get_by_role("heading", name="Why ask alone")).to_be_visible()
    page.get_by_role("link", name="Back to your scenario").click()
    page.get_by_role("link", name="See how it ended").click()
    expect(page.get_by_role("heading", name="The visit ends")).to_be_visible()
    expect(page.get_by_role("link", name="Asking about abuse routinely")).to_be_visible()
