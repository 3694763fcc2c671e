"""The demo author, with the demo activity loaded, opens the partnership insights in real
Chromium: charts and tables with figures, a suppressed small group, the choice-share map with
weighted arrows, where practice is weakest by agency, and a CSV download."""

from __future__ import annotations

import csv
import io
from pathlib import Path

import pytest
from playwright.sync_api import expect

from app.services.demo import demo_email

from .conftest import DEMO_PASSWORD as PASSWORD
from .conftest import sign_in


@pytest.mark.browser
def test_author_sees_insights_and_the_choice_share_map(app, demo, page, base_url):
    sign_in(page, base_url, demo_email("author"), PASSWORD)
    page.get_by_role("link", name="Insights").first.click()
    page.wait_for_url("**/insights/")
    expect(page.get_by_role("heading", name="Insights", exact=True)).to_be_visible()
    expect(page.get_by_role("img", name="Completion rate per scenario")).to_be_visible()
    table = page.locator("#table-scenarios")
    expect(table.get_by_role("row", name="All fine on the phone")).to_be_visible()

    page.select_option("#f-by", "agency")
    page.get_by_role("button", name="Show").click()
    page.wait_for_url("**by=agency**")
    expect(
        page.locator("#table-scenarios").get_by_text("Northvale Recovery Service").first
    ).to_be_visible()
    expect(page.get_by_text("suppressed (fewer than 5 learners)").first).to_be_visible()

    with page.expect_download() as download:
        page.locator("a[href*='download=scenarios']").click()
    rows = list(csv.DictReader(io.StringIO(Path(download.value.path()).read_text())))
    assert any(r["Group"] == "Northvale Recovery Service" and r["Starts"].isdigit() for r in rows)

    page.get_by_role("link", name="choice map of All fine on the phone").click()
    page.wait_for_url("**/choices")
    shares = page.locator("svg .wp-map-share")
    expect(shares.first).to_be_visible()
    assert shares.count() >= 5
    assert "%" in (shares.first.text_content() or "")
    choices = page.locator("#table-choices")
    expect(choices.get_by_role("columnheader", name="Share of answers (%)")).to_be_visible()

    page.goto(base_url + "/insights/misconceptions")
    expect(page.get_by_role("heading", name="Where practice is weakest, by agency")).to_be_visible()
    expect(page.get_by_text("staff chose an option that lost ground on").first).to_be_visible()
    for person in ("Jo Whitfield", "Mia Hughes", "Tom Reid"):
        assert person not in page.content()
