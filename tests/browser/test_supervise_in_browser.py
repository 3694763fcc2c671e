"""A demo supervisor, with the demo activity loaded, opens a useful agenda (one printed page) and
records a session in real Chromium; the learner then sees it."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from app.db import utcnow
from app.services.demo import demo_email

from .conftest import DEMO_PASSWORD as PASSWORD
from .conftest import sign_in


@pytest.mark.browser
def test_supervisor_opens_agenda_and_records_a_session(app, demo, page, base_url):
    sign_in(page, base_url, demo_email("supervisor.care"), PASSWORD)
    page.get_by_role("link", name="Team").click()
    page.wait_for_url("**/supervise/")
    expect(page.get_by_role("heading", name="Your team", exact=True)).to_be_visible()
    expect(page.get_by_text("Relied on the parent's account at").first).to_be_visible()
    page.get_by_role("link", name="Agenda for the next session with Mia Hughes").click()
    page.wait_for_url("**/agenda")
    expect(page.get_by_role("heading", name="Mia Hughes")).to_be_visible()
    phases = [t.split()[0] for t in page.locator("h2[id^='phase-']").all_inner_texts()]
    assert phases == ["Experience", "Reflection", "Analysis", "Action"]
    assert page.get_by_text("Raised by:").count() >= 4
    page.emulate_media(media="print")
    pdf = page.pdf(format="A4", print_background=True)
    # one sheet to take into the room (both sides: note boxes to write in, reflections uncut)
    assert len(re.findall(rb"/Type\s*/Page[^s]", pdf)) <= 2
    page.emulate_media(media="screen")

    page.get_by_role("link", name="record the session").click()
    page.wait_for_url("**/sessions/new")
    first_prompt = page.locator("input[name=covered]").first
    first_prompt.check()
    page.fill("#notes", "Mia talked about writing reflections when the shift is quiet.")
    page.fill("#actions-0-text", "Write one reflection this week")
    page.fill("#actions-0-due_on-day", "1")
    page.fill("#actions-0-due_on-month", "1")
    page.fill("#actions-0-due_on-year", str(utcnow().year + 1))
    page.get_by_role("button", name="Save the record").click()
    page.wait_for_url("**#history")
    expect(page.get_by_text("Supervision record saved for Mia Hughes.")).to_be_visible()
    expect(page.get_by_text("Write one reflection this week")).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, base_url, demo_email("learner.recovery"), PASSWORD)
    page.get_by_role(
        "link", name="My learning"
    ).first.click()  # the header link; a notice may link there too
    page.wait_for_url("**/my-learning")
    expect(page.get_by_text("Mia talked about writing reflections")).to_be_visible()
    page.get_by_role("button", name=re.compile("Mark as done.*Write one reflection")).click()
    expect(page.get_by_text("Action marked as done.")).to_be_visible()
