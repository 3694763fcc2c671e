"""A learner signs in and plays a real scenario to an ending in Chromium, keyboard only."""

from __future__ import annotations

import shutil

import pytest
from flask import url_for

from app.db import db
from app.services import library
from tests.conftest import ROOT

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture
def page(live_server):
    with playwright_api.sync_playwright() as p:
        browser = p.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
            ],
        )
        yield browser.new_page()
        browser.close()


@pytest.fixture
def real_scenario(app, make_user):
    vocab = library.vocabulary(app.config["CONTENT_DIR"])
    library.load_file(db.session, ROOT / "scenarios" / "telephone-review.scenario", vocab)
    db.session.commit()
    make_user("player@example.org")


@pytest.mark.browser
def test_learner_plays_to_an_ending_with_the_keyboard(app, real_scenario, live_server, page):
    base = url_for("auth.login", _external=True).rsplit("/login", 1)[0]
    page.goto(base + "/login")
    page.fill("#email", "player@example.org")
    page.fill("#password", "correct horse battery staple")
    page.keyboard.press("Enter")
    page.wait_for_url("**/scenarios")
    page.click("text=All fine on the phone")
    page.get_by_role("button", name="Start scenario").press("Enter")
    for _ in range(80):
        page.wait_for_load_state()
        if "/ending" in page.url:
            break
        if "/feedback/" in page.url:
            page.get_by_role("link", name="Continue").or_(
                page.get_by_role("link", name="See how it ended")
            ).press("Enter")
            continue
        radios = page.locator("input[name=option]")
        if radios.count():
            radios.first.focus()
            page.keyboard.press("Space")
            page.get_by_role("button", name="Choose").press("Enter")
        elif page.locator("textarea[name=reflection]").count():
            page.locator("textarea[name=reflection]").fill("I would ask the school and visit.")
            page.get_by_role("button", name="Save and continue").press("Enter")
        else:
            page.get_by_role("button", name="Continue").press("Enter")
    assert "/ending" in page.url
    assert page.locator("h1").inner_text()
    assert page.get_by_text("Your competency profile").is_visible()
    assert page.get_by_text("I would ask the school and visit.").first.is_visible()
