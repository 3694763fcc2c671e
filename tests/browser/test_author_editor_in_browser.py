"""In real Chromium, issue 14's "Done when": an author adds a learning source with its own
finding, competency and briefing; writes a scenario forwards from its options ("A new step...");
leaves a page mid-edit and comes back to the text; deletes a step and brings it back; previews
with the supervisor's questions shown; publishes to a tester, then to everyone; a learner plays
it and is sent from the feedback to the new source's briefing.

The author's page loads are counted (printed with -s) for the before/after measure in the
editor's report: every full page load in the author's tab, from signing in to publishing."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from .conftest import sign_in
from .test_sources_in_browser import _add_source


def _click(page, button: str) -> None:
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def _saved(page) -> None:
    expect(page.locator("[data-autosave-status]")).to_contain_text("Saved at", timeout=10_000)


def _new_step(page, select, title: str, kind: str) -> None:
    """Choose "A new step..." in a Leads to / Go to list: its fields appear at once."""
    expect(page.get_by_label("Title of the new step")).to_be_hidden()
    select.select_option(label="A new step…")
    page.get_by_label("Title of the new step").fill(title)
    page.get_by_label(kind).check()


def _details(page) -> None:
    page.get_by_role("link", name="Details").first.click()
    page.get_by_label("Summary").fill(
        "A health visitor notices signs of harm at a new birth visit."
    )
    page.get_by_label("The learner's role in the story").fill("Health visitor")
    page.get_by_label("Health", exact=True).check()
    page.get_by_label("Home safety thematic review").check()
    page.get_by_label("Asking about abuse routinely").check()
    page.get_by_label("Content note").fill("This scenario mentions domestic abuse.")
    page.get_by_label("First node").select_option("opening")
    _click(page, "Save details")


def _option(page, text: str, feedback: str, score: str, title: str, **extra) -> None:
    page.get_by_role("link", name="Add an option").click()
    page.get_by_label("Option text").fill(text)
    page.get_by_label("Feedback").fill(feedback)
    page.get_by_label("Score for Asking about abuse routinely").select_option(score)
    if extra.get("tag"):
        page.get_by_label(extra["tag"]).check()
    if extra.get("prompt"):
        page.get_by_label("Questions for supervision").fill(extra["prompt"])
    _new_step(page, page.get_by_label("Leads to"), title, "Ending: the outcome")
    _click(page, "Save option")
    expect(page.get_by_text(f"Now write the new step ‘{title}’")).to_be_visible()


@pytest.mark.browser
def test_author_writes_forwards_never_loses_work_tests_and_publishes(
    chromium, make_user, page, base_url
):
    make_user("writer@example.org", roles=("author",))
    make_user("player@example.org")
    loads: list[str] = []
    page.on("load", lambda p: loads.append(p.url))
    page.on("dialog", lambda dialog: (loads.append("dialog:" + dialog.type), dialog.dismiss()))
    sign_in(page, base_url, "writer@example.org")
    page.get_by_role("link", name="Authoring").click()
    _add_source(page)

    page.get_by_role("link", name="Authoring").click()
    page.get_by_role("link", name="Start a new scenario").click()
    page.get_by_label("Title").fill("The boots by the door")
    page.get_by_label("Scenario id").fill("boots-by-the-door")
    _click(page, "Create draft")
    _details(page)

    # Forwards from the opening scene: its Go to creates the choice and opens it.
    page.get_by_role("link", name="opening").first.click()
    page.get_by_label("Text", exact=True).fill("Work boots by the door, a dent in the wall.")
    _new_step(page, page.get_by_label("Go to (line 1)"), "What now", "Choice: a question")
    _click(page, "Save node")
    expect(page.get_by_role("heading", name="Choice: what-now")).to_be_visible()
    page.get_by_label("Text", exact=True).fill("Leah says everything is fine.")
    _click(page, "Save node")
    _option(page, "Ask Leah, when she is alone at clinic, whether she feels safe at home.",
            "Asking alone gives her a safe chance to answer.", "2", "Safe at clinic",
            tag="Asked the parent when alone",
            prompt="(analysis) What made you wait until she was alone?")  # fmt: skip
    page.get_by_label("Text", exact=True).fill("Leah tells you what happens at home.")
    _click(page, "Save node")
    page.get_by_role("link", name="Leah says everything is fine. (what-now)").click()
    _option(page, "Accept her account and leave.", "Quick, but nobody asked her alone.", "-1",
            "A missed chance")  # fmt: skip

    # Mid-edit: leaving at once warns (the author stays); the words are saved as they are
    # typed, so leaving after that is silent and coming back finds them.
    page.get_by_label("Text", exact=True).press_sequentially("Nothing changes for Leah.")
    page.get_by_role("link", name="Overview").click()
    expect(page.get_by_role("heading", name="Ending: a-missed-chance")).to_be_visible()
    assert "dialog:beforeunload" in loads
    _saved(page)
    page.get_by_role("link", name="Overview").click()
    expect(page.get_by_role("heading", name="Overview")).to_be_visible()
    assert loads.count("dialog:beforeunload") == 1
    page.get_by_role("link", name="a-missed-chance").first.click()
    expect(page.get_by_label("Text", exact=True)).to_have_value("Nothing changes for Leah.")

    # Delete a step, then Undo brings it back with its words.
    page.get_by_role("link", name="Delete this node").click()
    _click(page, "Delete node")
    expect(page.get_by_text("Step ‘a-missed-chance’ deleted.")).to_be_visible()
    _click(page, "Undo")
    expect(page.get_by_label("Text", exact=True)).to_have_value("Nothing changes for Leah.")
    page.get_by_role("link", name="Overview").click()
    expect(page.locator("#problems")).to_contain_text("The checker found nothing to fix.")

    # Preview: the content note, the feedback's link, and the supervisor's questions.
    page.get_by_role("link", name="Preview", exact=True).click()
    _click(page, "Start preview")
    expect(page.get_by_text("This scenario mentions domestic abuse.")).to_be_visible()
    _click(page, "Continue")
    page.get_by_label("Ask Leah, when she is alone at clinic").check()
    _click(page, "Choose")
    expect(page.get_by_text("Home safety thematic review finding 1")).to_be_visible()
    side = page.locator("aside")
    expect(side).to_contain_text("What made you wait until she was alone?")

    # Publish to a tester first, then to everyone.
    page.get_by_role("link", name="Publish", exact=True).click()
    page.get_by_label("Email addresses of the people who test it first").fill("player@example.org")
    _click(page, "Publish to these testers")
    expect(page.get_by_text("Testing now: player (version 1)")).to_be_visible()
    learner = chromium.new_context().new_page()
    try:
        sign_in(learner, base_url, "player@example.org")
        learner.goto(base_url + "/scenarios")
        card = learner.locator(".wp-card", has_text="The boots by the door")
        expect(card).to_contain_text("Test version")
        author_loads = len(loads)
        _click(page, "Publish version 1 to everyone")
        expect(
            page.get_by_text("Version 1 of 'The boots by the door' is published")
        ).to_be_visible()

        learner.goto(base_url + "/scenarios")
        expect(learner.locator(".wp-card", has_text="The boots by the door")).not_to_contain_text(
            "Test version"
        )
        learner.get_by_role("link", name="The boots by the door").click()
        expect(learner.get_by_text("This scenario mentions domestic abuse.")).to_be_visible()
        learner.get_by_role("button", name="Start").click()
        learner.get_by_role("button", name="Continue").click()
        learner.get_by_label("Ask Leah, when she is alone at clinic").check()
        learner.get_by_role("button", name="Choose").click()
        expect(learner.get_by_text("Home safety thematic review finding 1")).to_be_visible()
        learner.get_by_role("link", name="read the briefing on finding 1").click()
        expect(learner.get_by_role("heading", name="Asking about safety")).to_be_visible()
    finally:
        learner.context.close()
    print(f"\nauthor page loads, sign-in to publishing to everyone: {author_loads + 1}")
    print("\n".join(u.split("localhost")[-1] for u in loads))
