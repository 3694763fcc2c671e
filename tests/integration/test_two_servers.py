"""Two app servers (gunicorn, as the README's production recipe runs them) on one PostgreSQL:
one learner's attempt played alternating between them, with a double submit sent to both at
once. Every answer is stored once and in order, and the learner never notices the switch."""

from __future__ import annotations

import http.client
import os
import re
import socket
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest
from flask_migrate import upgrade
from sqlalchemy import select, text

from app import create_app
from app.db import db
from app.models import Attempt, AttemptAnswer
from app.services import accounts, library
from tests.conftest import FIXTURES, PASSWORD, ROOT

SECRET = "one key shared by every server"  # noqa: S105 - test only
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
STEP = re.compile(r'<input[^>]*name="step"[^>]*value="(\d+)"')
OPTION = re.compile(r'name="option" type="radio" value="(\d+)"')
NEXT = re.compile(r'<a class="govuk-button"[^>]*href="([^"]+)"')


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Browser:
    """One browser without JavaScript whose requests may go to either server: the cookie is
    the only thing that travels with the learner."""

    def __init__(self, ports: list[int]) -> None:
        self.ports = ports
        self.cookies: dict[str, str] = {}
        self.lock = threading.Lock()

    def request(self, server: int, method: str, path: str, form: dict | None = None):
        conn = http.client.HTTPConnection("127.0.0.1", self.ports[server], timeout=60)
        with self.lock:
            headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urllib.parse.urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        page = response.read().decode()
        with self.lock:
            for name, value in response.getheaders():
                if name.lower() == "set-cookie":
                    key, _, rest = value.partition("=")
                    self.cookies[key] = rest.split(";", 1)[0]
        conn.close()
        location = response.getheader("Location") or ""
        return response.status, urllib.parse.urlsplit(location).path, page


@pytest.fixture
def database(postgres_url, tmp_path):
    """A migrated PostgreSQL with the short scenario and one learner."""
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": postgres_url,
            "SECRET_KEY": SECRET,
            "INSTANCE_PATH": str(tmp_path / "setup"),
        }
    )
    with app.app_context():
        with db.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        upgrade()
        vocab = library.vocabulary(app.config["CONTENT_DIR"])
        library.load_file(db.session, FIXTURES / "short-visit.scenario", vocab)
        accounts.create_user(
            db.session,
            email="two@example.org",
            display_name="Two Servers",
            roles={"learner"},
            password=PASSWORD,
        )
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    return app


@pytest.fixture
def servers(database, postgres_url, tmp_path):
    """Two gunicorn servers, each with its own instance folder, one database, one key."""
    ports, processes = [], []
    gunicorn = Path(sys.executable).parent / "gunicorn"
    try:
        for n in range(2):
            port = _free_port()
            env = {
                **os.environ,
                "DATABASE_URL": postgres_url,
                "SECRET_KEY": SECRET,
                "SESSION_COOKIE_SECURE": "0",
                "SCENARIO_DIR": str(FIXTURES),
            }
            instance = tmp_path / f"server{n}"
            instance.mkdir()
            command = [str(gunicorn), "-w", "2", "-k", "gthread", "--threads", "4"]
            command += ["-b", f"127.0.0.1:{port}", "--log-level", "warning"]
            processes.append(
                subprocess.Popen([*command, "app:create_app()"], cwd=ROOT, env=env)  # noqa: S603
            )
            ports.append(port)
        for port, process in zip(ports, processes, strict=True):
            _wait_for(port, process)
        yield ports
    finally:
        for process in processes:
            process.terminate()
        for process in processes:
            try:
                process.wait(20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(10)


def _wait_for(port: int, process: subprocess.Popen) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        if process.poll() is not None:
            pytest.fail(f"gunicorn on port {port} ended with {process.returncode}")
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            conn.request("GET", "/login")
            if conn.getresponse().status == 200:
                return
        except OSError:
            time.sleep(0.2)
    pytest.fail(f"gunicorn on port {port} did not answer within 120 s")


def _form(page: str) -> dict:
    form = {"csrf_token": CSRF.search(page).group(1), "step": STEP.search(page).group(1)}
    option = OPTION.search(page)
    if option:
        form["option"] = option.group(1)
    if 'name="reflection"' in page:
        form["reflection"] = "Written on one server, read on the other."
    return form


def test_one_attempt_alternating_between_two_servers(servers, database):
    browser = Browser(servers)
    _, _, page = browser.request(0, "GET", "/login")
    credentials = {"email": "two@example.org", "password": PASSWORD}
    status, _, _ = browser.request(
        1, "POST", "/login", {"csrf_token": CSRF.search(page).group(1), **credentials}
    )
    assert status == 302, "signed in on the second server with the first server's form"
    status, _, page = browser.request(0, "GET", "/scenarios/short-visit")
    assert status == 200
    status, where, _ = browser.request(
        1, "POST", "/scenarios/short-visit/start", {"csrf_token": CSRF.search(page).group(1)}
    )
    assert status == 302 and where.startswith("/attempts/")
    attempt_id = int(where.split("/")[2])

    sent: list[dict] = []  # what each answered step sent, in order
    server, doubled = 0, False
    while "/ending" not in where:
        status, _, page = browser.request(server, "GET", where)
        assert status == 200, f"GET {where} on server {server}"
        server = 1 - server
        if "/feedback/" in where:
            where = urllib.parse.urlsplit(NEXT.search(page).group(1)).path
            continue
        form = _form(page)
        if "option" in form and not doubled:
            doubled = True
            replies = _both_at_once(browser, where, form)
            assert sorted(status for status, _, _ in replies) == [302, 409]
            status, where, _ = next(r for r in replies if r[0] == 302)
        else:
            status, where, _ = browser.request(server, "POST", where, form)
            server = 1 - server
            assert status == 302, f"answer on server {server}: {status}"
        sent.append(form)

    assert doubled, "the scenario had a choice to send twice"
    with database.app_context():
        attempt = db.session.get(Attempt, attempt_id)
        stored = db.session.scalars(
            select(AttemptAnswer)
            .where(AttemptAnswer.attempt_id == attempt_id)
            .order_by(AttemptAnswer.id)
        ).all()
        assert [a.number for a in stored] == list(range(len(sent)))
        assert [a.option_index is not None for a in stored] == ["option" in f for f in sent]
        assert [bool(a.reflection) for a in stored] == ["reflection" in f for f in sent]
        assert attempt.ending_node is not None
        db.session.remove()
        db.engine.dispose()


def _both_at_once(browser: Browser, where: str, form: dict) -> list[tuple]:
    """The same answer to both servers at the same moment (a double click, two tabs)."""
    replies: list[tuple] = []
    start = threading.Barrier(2)

    def send(server: int) -> None:
        start.wait()
        replies.append(browser.request(server, "POST", where, form))

    threads = [threading.Thread(target=send, args=(n,)) for n in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return replies
