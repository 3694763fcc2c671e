"""Real Chromium (Debian's package) driven by Playwright, against the app on a live server."""

from __future__ import annotations

import shutil

import pytest
from flask import url_for

DEMO_PASSWORD = "demo password for the browser test"  # noqa: S105
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]


@pytest.fixture(scope="session")
def chromium():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def base_url(live_server) -> str:
    return url_for("auth.login", _external=True).rsplit("/login", 1)[0]


def sign_in(page, base_url: str, email: str, password: str = "correct horse battery staple"):
    page.goto(base_url + "/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/login" not in url)  # each role lands on its own home


@pytest.fixture
def demo(app):
    """The demo organisation with its activity, as `make run` builds it."""
    from app.db import db, utcnow
    from app.services import library
    from app.services.demo import build_demo
    from app.services.demo_activity import add_activity
    from app.services.supervision import rules_for
    from tests.conftest import ROOT

    vocab = library.vocabulary(app.config["CONTENT_DIR"])
    for path in library.scenario_files([ROOT / "scenarios"]):
        library.load_file(db.session, path, vocab)
    build_demo(db.session, DEMO_PASSWORD)
    add_activity(db.session, utcnow(), rules_for(app.config), vocab)
    db.session.commit()
