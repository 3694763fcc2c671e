"""Shared fixtures: an app on a migrated SQLite database, users, and helpers that post forms
the way a browser does (with the CSRF token from the page)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import psutil
import pytest
from flask import Flask, g
from flask_migrate import upgrade
from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from app import create_app
from app.db import db
from app.services import accounts, library

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
PASSWORD = "correct horse battery staple"  # noqa: S105 - test accounts only


class CompiledTemplates(BytecodeCache):
    """Each test makes its own app, and each app compiled every template it rendered afresh:
    over half the time of a page-rendering test. Every app this test process makes shares the
    compiled code instead, keyed by the template's source (its checksum) and by each setting
    that changes what Jinja compiles from it, so no app ever runs another's code."""

    def __init__(self) -> None:
        self.code: dict[str, bytes] = {}

    def get_bucket(self, environment, name, filename, source) -> Bucket:
        escape = environment.autoescape
        settings = (
            environment.block_start_string, environment.block_end_string,
            environment.variable_start_string, environment.variable_end_string,
            environment.comment_start_string, environment.comment_end_string,
            environment.line_statement_prefix, environment.line_comment_prefix,
            environment.trim_blocks, environment.lstrip_blocks,
            environment.newline_sequence, environment.keep_trailing_newline,
            environment.optimized, environment.is_async, environment.finalize is None,
            sorted(environment.extensions), escape(name) if callable(escape) else escape,
        )  # fmt: skip
        key = f"{self.get_cache_key(name, filename)}:{settings!r}"
        bucket = Bucket(environment, key, self.get_source_checksum(source))
        self.load_bytecode(bucket)
        return bucket

    def load_bytecode(self, bucket: Bucket) -> None:
        code = self.code.get(bucket.key)
        if code is not None:
            bucket.bytecode_from_string(code)  # dropped if the source's checksum changed

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.code[bucket.key] = bucket.bytecode_to_string()


Flask.jinja_options = {**Flask.jinja_options, "bytecode_cache": CompiledTemplates()}


@pytest.fixture(scope="session", autouse=True)
def no_process_left_behind():
    """Every process a test starts is stopped by the test (servers, databases, browsers). Set up
    before any other fixture, so it looks last: a child of this test process still running then
    fails the run, named, and is stopped so the run still ends."""
    yield
    children = psutil.Process().children(recursive=True)
    _gone, alive = psutil.wait_procs(children, timeout=5)
    if not alive:
        return
    left = []
    for proc in alive:
        try:
            left.append(f"{proc.pid} {' '.join(proc.cmdline())[:200]}")
            proc.kill()
        except psutil.NoSuchProcess:
            pass
    psutil.wait_procs(alive, timeout=5)
    if left:
        pytest.fail("processes left running by the tests:\n" + "\n".join(left), pytrace=False)


def _config(db_path: Path, instance: Path) -> dict:
    return {
        "TESTING": True,
        "SECRET_KEY": "test-secret",
        "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_path}",
        "SESSION_COOKIE_SECURE": False,
        "REMEMBER_COOKIE_SECURE": False,
        "SCENARIO_DIR": str(FIXTURES),
        "SERVER_NAME": "localhost",
        "INSTANCE_PATH": str(instance),
    }


@pytest.fixture(scope="session")
def migrated_db(tmp_path_factory) -> Path:
    """One database upgraded by Alembic; each test gets a copy (fast, and migrations tested)."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "template.db"
    app = create_app(_config(path, folder))
    with app.app_context():
        upgrade()
        db.engine.dispose()  # closing the last connection folds SQLite's WAL into the file
    return path


@pytest.fixture
def app(migrated_db, tmp_path):
    path = tmp_path / "test.db"
    shutil.copy(migrated_db, path)
    app = create_app(_config(path, tmp_path))

    @app.teardown_request
    def _forget_cached_user(_exc) -> None:
        # Tests hold an app context open, and Flask reuses it (and `g`) for each test request.
        # In a real server every request has its own `g`: drop what Flask-Login and Flask-WTF
        # cache there so the tests see the same thing.
        g.pop("_login_user", None)
        g.pop("csrf_token", None)

    with app.app_context():
        yield app
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def load_fixture(app):
    def load(name: str = "short-visit.scenario"):
        vocab = library.vocabulary(app.config["CONTENT_DIR"])
        result = library.load_file(db.session, FIXTURES / name, vocab)
        db.session.commit()
        assert result.status in ("added", "unchanged"), result.problems
        return result

    return load


@pytest.fixture
def make_user(app):
    def make(email: str = "learner@example.org", roles=("learner",), **kwargs):
        user = accounts.create_user(
            db.session,
            email=email,
            display_name=email.split("@")[0],
            roles=set(roles),
            password=PASSWORD,
            **kwargs,
        )
        db.session.commit()
        return user

    return make


def csrf_token(html: str) -> str:
    match = re.search(r'name="csrf_token" (?:type="hidden" )?value="([^"]+)"', html)
    assert match, "page has no CSRF token"
    return match.group(1)


class Browser:
    """Drives the test client like a person with JavaScript off: read a page, fill a form."""

    def __init__(self, client) -> None:
        self.client = client

    def get(self, url: str, **kw):
        return self.client.get(url, **kw)

    def submit(self, page_url: str, data: dict, action: str | None = None, **kw):
        page = self.client.get(page_url)
        assert page.status_code == 200, (page_url, page.status_code)
        return self.client.post(
            action or page_url, data={"csrf_token": csrf_token(page.text), **data}, **kw
        )

    def login(self, email: str, password: str = PASSWORD):
        return self.submit("/login", {"email": email, "password": password})


@pytest.fixture
def browser(client) -> Browser:
    return Browser(client)


@pytest.fixture
def auth(browser, make_user):
    """A signed-in learner; returns the user."""

    def sign_in(email: str = "learner@example.org", roles=("learner",), **kwargs):
        user = make_user(email, roles, **kwargs)
        response = browser.login(email)
        assert response.status_code == 302, response.text
        return user

    return sign_in


@pytest.fixture
def runner(app):
    return app.test_cli_runner()
