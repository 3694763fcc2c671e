"""The server side of bench/load_wrk.py: gunicorn as the README's recipe runs it, the learners'
sessions made beforehand, and the CPU the app and PostgreSQL use while a phase runs."""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.step_latency import free_port  # noqa: E402

SECRET = "bench key shared by every worker"  # noqa: S105 - benchmark only
# As the README's recipe: gunicorn's default closes an idle keep-alive connection after 2 s, so a
# learner who pauses 5-20 s would meet a closed connection on every request (a browser silently
# reconnects; wrk counts a read error). A reverse proxy keeps its upstream connections open so.
KEEP_ALIVE = 30
SLUGS = ("telephone-review", "consent-conversation", "the-missing-history")


def recipe(app_spec: str, port: int) -> list[str]:
    """The README's production command line, on a loopback port."""
    workers = 2 * (os.cpu_count() or 1)
    return [str(ROOT / ".venv/bin/gunicorn"), "-w", str(workers), "-k", "gthread",
            "--threads", "4", "-b", f"127.0.0.1:{port}", "--log-level", "warning",
            "--backlog", "4096", "--keep-alive", str(KEEP_ALIVE), app_spec]  # fmt: skip


def serve(app_spec: str, env: dict, port: int | None = None) -> tuple[subprocess.Popen, int]:
    port = port or free_port()
    process = subprocess.Popen(recipe(app_spec, port), env=env, cwd=ROOT)  # noqa: S603
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        check = subprocess.run(  # noqa: S603
            ["curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", f"http://127.0.0.1:{port}/"],
            capture_output=True,
            text=True,
        )
        if check.stdout not in ("", "000"):
            return process, port
        time.sleep(0.3)
    process.kill()
    raise SystemExit(f"{app_spec} did not start")


def stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(10)


def prepare_sessions(count: int, folder: Path) -> Path:
    """`count` learners each with a live session and an open attempt; one line each:
    the signed session cookie, the attempt id, the scenario's slug."""
    from flask import g
    from flask import session as flask_session
    from flask_login import login_user
    from flask_wtf.csrf import generate_csrf
    from sqlalchemy import select

    from app import create_app
    from app.db import db
    from app.models import StoredScenario, User
    from app.services import player, sessions

    app = create_app({"INSTANCE_PATH": str(folder / "instance"), "SECRET_KEY": SECRET})
    lines = []
    with app.app_context():
        scenarios = {s.slug: s for s in db.session.scalars(select(StoredScenario))}
        emails = [f"learner{i}@example.org" for i in range(count)]
        people = {
            u.email: u for u in db.session.scalars(select(User).where(User.email.in_(emails)))
        }
        if len(people) < count:
            raise SystemExit(f"only {len(people)} generated learners; run bench/generate.py")
        serializer = app.session_interface.get_signing_serializer(app)
        for n, email in enumerate(emails):
            user, slug = people[email], SLUGS[n % len(SLUGS)]
            attempt = player.start_attempt(db.session, user, scenarios[slug])
            with app.test_request_context("/", environ_base={"REMOTE_ADDR": "127.0.0.1"}):
                sessions.open_session(db.session, user, app.config["PERMANENT_SESSION_LIFETIME"])
                login_user(user)
                g.pop("csrf_token", None)  # the outer app context's `g` is shared: start anew
                generate_csrf()  # the form secret lives in the session: the cookie never changes
                assert "csrf_token" in flask_session
                cookie = serializer.dumps(dict(flask_session))
            name = app.config["SESSION_COOKIE_NAME"]
            lines.append(f"{name}={cookie} {attempt.id} {slug}")
        db.session.commit()
        db.session.remove()
        db.engine.dispose()
    path = folder / "sessions.txt"
    path.write_text("\n".join(lines) + "\n")
    return path


def cpu_seconds(processes: list[psutil.Process]) -> float:
    total = 0.0
    for process in processes:
        try:
            times = process.cpu_times()
            total += times.user + times.system
        except psutil.NoSuchProcess:
            continue
    return total


class ServerCpu:
    """CPU used by gunicorn's workers and PostgreSQL's processes between start() and stop()."""

    def __init__(self, gunicorn: subprocess.Popen | None, postmaster: int | None) -> None:
        self.gunicorn, self.postmaster = gunicorn, postmaster

    def _processes(self) -> tuple[list, list]:
        app = psutil.Process(self.gunicorn.pid).children() if self.gunicorn else []
        sql = []
        if self.postmaster:
            with contextlib.suppress(psutil.NoSuchProcess):
                sql = psutil.Process(self.postmaster).children()
        return app, sql

    def start(self) -> None:
        app, sql = self._processes()
        self.before = {p.pid: cpu_seconds([p]) for p in app + sql}

    def stop(self, requests: int) -> dict:
        app, sql = self._processes()
        if not requests:
            return {}

        def used(processes: list) -> float:
            return sum(cpu_seconds([p]) - self.before.get(p.pid, 0.0) for p in processes)

        return {
            "app_cpu_ms_per_request": round(1000 * used(app) / requests, 2),
            "sql_cpu_ms_per_request": round(1000 * used(sql) / requests, 2),
        }


def postmaster_pid() -> int | None:
    """The PostgreSQL server's process, if it runs on this machine (its data directory's
    postmaster.pid), so its CPU can be counted; None otherwise."""
    from sqlalchemy import create_engine, text

    from app.config import from_environment

    engine = create_engine(from_environment(tempfile.gettempdir())["SQLALCHEMY_DATABASE_URI"])
    try:
        with engine.connect() as connection:
            folder = connection.execute(text("SHOW data_directory")).scalar()
        return int((Path(folder) / "postmaster.pid").read_text().split()[0])
    except Exception:  # noqa: BLE001 - not a superuser, or not local: no SQL CPU figure
        return None
    finally:
        engine.dispose()
