"""Load and fault: ten learners play and reflect at once on gunicorn (two workers, a file SQLite
database); mid-run the whole server is killed with SIGKILL and started again on the same
database. Every answer a learner saw accepted is stored exactly once (reflections word for
word), and every learner resumes where they were and reaches the ending.

Bounded: at most ATTEMPTS attempts per learner and DEADLINE seconds in all; every process the
test starts is stopped, even when it fails."""

from __future__ import annotations

import html
import http.client
import http.cookiejar
import os
import re
import signal
import socket
import sqlite3
import subprocess
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import pytest
from flask_migrate import upgrade

from app import create_app
from app.db import db
from app.services import accounts, library
from tests.conftest import FIXTURES, PASSWORD, ROOT

LEARNERS, ATTEMPTS, DEADLINE = 10, 2, 120.0
KILL_AFTER = 25  # accepted answers across all learners before the server is killed


# The server is down or went down mid-answer: refused, reset, or a response cut short.
DOWN = (OSError, http.client.HTTPException)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _prepare(db_path: Path, tmp: Path) -> None:
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{db_path}",
            "SECRET_KEY": "x",
            "INSTANCE_PATH": str(tmp),
        }  # fmt: skip
    )
    with app.app_context():
        upgrade()
        library.load_file(
            db.session,
            FIXTURES / "short-visit.scenario",
            library.vocabulary(app.config["CONTENT_DIR"]),
        )
        for n in range(LEARNERS):
            accounts.create_user(
                db.session, email=f"load{n}@example.org", display_name=f"Load {n}",
                roles={"learner"}, password=PASSWORD,
            )  # fmt: skip
        db.session.commit()
        db.engine.dispose()


class Server:
    """gunicorn in its own process group, so SIGKILL reaches the master and its workers."""

    def __init__(self, db_path: Path, tmp: Path) -> None:
        self.port = _free_port()
        self.env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{db_path}",
            "SECRET_KEY": "load-test-secret",
            "SESSION_COOKIE_SECURE": "0",
            "SCENARIO_DIR": str(FIXTURES),
        }
        self.log = (tmp / "gunicorn.log").open("ab")
        self.proc: subprocess.Popen | None = None

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        self.proc = subprocess.Popen(
            [str(ROOT / ".venv/bin/gunicorn"), "--workers", "2", "--bind",
             f"127.0.0.1:{self.port}", "--timeout", "30", "app:create_app()"],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=self.log, start_new_session=True,
        )  # fmt: skip
        for _ in range(300):
            try:
                urllib.request.urlopen(self.base + "/healthz", timeout=2).read()  # noqa: S310
                return
            except OSError:
                time.sleep(0.1)
        raise AssertionError("gunicorn did not start")

    def kill(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()
        self.log.close()


@dataclass
class Learner:
    number: int
    base: str
    accepted: list[tuple[int, int, str | None]] = field(default_factory=list)
    finished: list[int] = field(default_factory=list)
    retries: int = 0
    error: str | None = None

    def __post_init__(self) -> None:
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))

    def request(self, path: str, data: dict | None = None) -> tuple[str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        with self.opener.open(self.base + path, data=body, timeout=20) as response:
            return response.geturl().removeprefix(self.base), response.read().decode()

    def submit(self, page: str, action: str, data: dict | None = None) -> tuple[str, str]:
        """Read a form's page and post it, again from the page if the server went down: a
        reply lost in the kill may have changed the session, and with it the form's token."""
        for _ in range(50):
            _, form = self.patiently(page)
            try:
                return self.request(
                    action, {"csrf_token": _field(form, "csrf_token"), **(data or {})}
                )
            except urllib.error.HTTPError as refused:
                # 400: the form's token no longer matched (a reply lost around the kill can
                # change the session); a person reloads and sends it again, and so does this.
                if refused.code != 400:
                    raise
            except DOWN:
                pass
            self.retries += 1
            time.sleep(0.2)
        raise AssertionError(f"learner {self.number}: could not post {action}")

    def patiently(self, path: str, data: dict | None = None) -> tuple[str, str]:
        """A GET, retried while the server is down (it is being restarted)."""
        for _ in range(200):
            try:
                return self.request(path, data)
            except urllib.error.HTTPError:
                raise  # the server answered: a refusal is a finding, not a reason to retry
            except DOWN:
                self.retries += 1
                time.sleep(0.2)
        raise AssertionError(f"learner {self.number}: server never came back for {path}")


def _field(page: str, name: str) -> str:
    found = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page)
    assert found, f"no {name} field"
    return html.unescape(found.group(1))


def play(learner: Learner, deadline: float, accepted_total: list[int]) -> None:
    try:
        _play(learner, deadline, accepted_total)
    except Exception as problem:  # noqa: BLE001 - reported by the test, not lost in a thread
        learner.error = repr(problem)


def _play(learner: Learner, deadline: float, accepted_total: list[int]) -> None:
    credentials = {"email": f"load{learner.number}@example.org", "password": PASSWORD}
    learner.submit("/login", "/login", credentials)
    for _ in range(ATTEMPTS):
        if time.monotonic() > deadline - 30:
            return
        where, page = learner.submit("/scenarios/short-visit", "/scenarios/short-visit/start")
        attempt = int(re.search(r"/attempts/(\d+)", where).group(1))
        url = f"/attempts/{attempt}"
        while time.monotonic() < deadline:
            where, page = learner.patiently(url)  # resume: the server says where we are
            if where.endswith("/ending"):
                learner.finished.append(attempt)
                break
            step = int(_field(page, "step"))
            data = {"csrf_token": _field(page, "csrf_token"), "step": str(step)}
            option = re.search(r'name="option" type="radio" value="(\d+)"', page)
            if option:
                data["option"] = option.group(1)
            text = None
            if 'name="reflection"' in page:
                text = data["reflection"] = f"Learner {learner.number}, step {step}: who else?"
            try:
                learner.request(url, data)
            except urllib.error.HTTPError as refused:  # 409: that step had moved on
                assert refused.code == 409, refused.code
                continue
            except DOWN:
                learner.retries += 1  # no answer seen: it may or may not be stored
                continue
            learner.accepted.append((attempt, step, text))
            accepted_total[0] += 1


@pytest.mark.timeout(DEADLINE + 120)  # its own bound, plus setup on a busy machine
def test_answers_survive_a_killed_server_and_learners_resume(tmp_path):
    db_path = tmp_path / "load.db"
    _prepare(db_path, tmp_path)
    server = Server(db_path, tmp_path)
    learners = [Learner(n, "") for n in range(LEARNERS)]
    try:
        server.start()
        for learner in learners:
            learner.base = server.base
        deadline, total = time.monotonic() + DEADLINE, [0]
        threads = [threading.Thread(target=play, args=(lr, deadline, total)) for lr in learners]
        started = time.monotonic()
        for thread in threads:
            thread.start()
        while total[0] < KILL_AFTER and time.monotonic() < deadline:
            time.sleep(0.05)
        accepted_at_kill = total[0]
        server.kill()
        time.sleep(1)
        server.start()
        for thread in threads:
            thread.join(max(1.0, deadline - time.monotonic() + 10))
        elapsed = time.monotonic() - started
        assert not any(t.is_alive() for t in threads), "a learner was still playing"
    finally:
        server.stop()

    connection = sqlite3.connect(db_path)
    rows = connection.execute(
        "SELECT s.attempt_id, s.number, r.text FROM steps s LEFT JOIN reflections r "
        "ON r.step_id = s.id"
    ).fetchall()
    stored: dict[tuple[int, int], list[str | None]] = {}
    for attempt, number, text in rows:
        stored.setdefault((attempt, number), []).append(text)
    accepted = [a for learner in learners for a in learner.accepted]
    missing = [(a, s) for a, s, _ in accepted if len(stored.get((a, s), [])) != 1]
    wrong_text = [(a, s) for a, s, text in accepted if text and stored[(a, s)] != [text]]
    open_attempts = connection.execute(
        "SELECT COUNT(*) FROM attempts WHERE completed_at IS NULL"
    ).fetchone()[0]
    connection.close()
    print(
        f"\n{len(accepted)} answers accepted ({accepted_at_kill} before the kill), "
        f"{sum(len(lr.finished) for lr in learners)} attempts finished, "
        f"{sum(lr.retries for lr in learners)} requests retried, {elapsed:.1f} s"
    )
    assert [lr.error for lr in learners if lr.error] == []
    assert accepted_at_kill >= KILL_AFTER and len(accepted) > accepted_at_kill
    assert missing == [] and wrong_text == []
    assert len(stored) == len(rows)  # (attempt, number) is never stored twice
    assert all(learner.finished for learner in learners), "every learner reached an ending"
    assert open_attempts == 0, "every attempt started was resumed and finished"
