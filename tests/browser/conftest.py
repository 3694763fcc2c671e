"""Real Chromium (Debian's package) driven by Playwright, against the app on a live server."""

from __future__ import annotations

import shutil
import threading
from dataclasses import dataclass
from pathlib import Path

import pytest
from flask import Flask
from werkzeug.serving import make_server

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
    """One Chromium per test process; closed, with Playwright's driver, at the end."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        try:
            yield browser
        finally:
            browser.close()


@dataclass(frozen=True)
class LiveServer:
    app: Flask  # pytest-flask's request-context fixture reads this
    port: int

    def url(self, path: str = "") -> str:
        return f"http://localhost:{self.port}{path}"


@pytest.fixture
def live_server(app):
    """The app on a free loopback port, served by a thread of this process and stopped after
    the test. Not a forked process (as pytest-flask's is): a fork would inherit Playwright's
    pipes and threads, and a server left running kept the whole run from ending."""
    server = make_server("localhost", 0, app, threaded=True)
    app.config["SERVER_NAME"] = f"localhost:{server.server_port}"
    thread = threading.Thread(target=server.serve_forever, name="live-server", daemon=True)
    thread.start()
    try:
        yield LiveServer(app, server.server_port)
    finally:
        server.shutdown()
        thread.join(timeout=10)
        server.server_close()
        assert not thread.is_alive(), "the live server did not stop"


@pytest.fixture
def page(chromium, live_server):
    context = chromium.new_context()
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def base_url(live_server) -> str:
    return live_server.url()


def sign_in(page, base_url: str, email: str, password: str = "correct horse battery staple"):
    page.goto(base_url + "/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.keyboard.press("Enter")
    page.wait_for_url(lambda url: "/login" not in url)  # each role lands on its own home


@pytest.fixture(scope="session")
def demo_db(migrated_db, tmp_path_factory) -> Path:
    """The demo organisation with its activity, as `make run` builds it: built once per test
    process on a copy of the migrated database (62 learners' passwords and attempts take a
    while), then copied for each test that asks for `demo`."""
    from app import create_app
    from app.db import db, utcnow
    from app.services import library
    from app.services.demo import build_demo
    from app.services.demo_activity import add_activity
    from app.services.supervision import rules_for
    from tests.conftest import ROOT, _config

    folder = tmp_path_factory.mktemp("demo")
    path = folder / "demo.db"
    shutil.copy(migrated_db, path)
    app = create_app(_config(path, folder))
    with app.app_context():
        vocab = library.vocabulary(app.config["CONTENT_DIR"])
        for scenario in library.scenario_files([ROOT / "scenarios"]):
            library.load_file(db.session, scenario, vocab)
        build_demo(db.session, DEMO_PASSWORD)
        add_activity(db.session, utcnow(), rules_for(app.config), vocab)
        db.session.commit()
        db.session.remove()
        db.engine.dispose()  # closing the last connection folds SQLite's WAL into the file
    return path


@pytest.fixture
def demo(app, demo_db):
    """The test's database becomes a copy of the demo one. Nothing has been asked of the live
    server yet, so no connection holds the file it replaces."""
    from app.db import db

    database = Path(db.engine.url.database)
    db.session.remove()
    db.engine.dispose()
    for leftover in (Path(f"{database}-wal"), Path(f"{database}-shm")):
        leftover.unlink(missing_ok=True)
    shutil.copy(demo_db, database)
