"""Load benchmark with a compiled client (wrk), against gunicorn as the README's production
recipe runs it (2 workers per core, gthread, 4 threads each, keep-alive 30 s), on PostgreSQL
holding the data bench/generate.py made. In one run:

  bare    wrk against bench/bare_app.py served the same way: the throughput ceiling;
  flow    learners playing with no pauses (bench/load_flow.lua): throughput as a share of bare;
  paused  learners pausing 5-20 s before each request, ramped (250, 500, 1000, 2000 ...): the
          most the machine holds with p95 under 100 ms and no errors.

Each learner is one wrk connection with its own thread (so its own Lua state); sessions are
made beforehand in the database and signed with the servers' key, so no one signs in (argon2)
during the run. The client's CPU use (wrk's user + system time) is measured for every phase.
Loopback only; every phase bounded in time; servers stopped at the end.

    DATABASE_URL=postgresql://... .venv/bin/python bench/load_wrk.py \
        [--seconds 30] [--ramp 250,500,1000,2000] [--paused-seconds 60]

Prints one JSON document; copy the figures into bench/RESULTS.md with the date and machine.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
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


def serve(app_spec: str, env: dict) -> tuple[subprocess.Popen, int]:
    port = free_port()
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


def wrk(url: str, connections: int, seconds: float, env: dict, script: bool) -> dict:
    """Run wrk; return its figures and the client's own CPU use."""
    command = ["wrk", "--latency", "--timeout", "10s", "-d", f"{int(seconds)}s"]
    if script:  # one thread per connection: each learner has its own Lua state
        command += ["-t", str(connections), "-c", str(connections)]
        command += ["-s", str(ROOT / "bench/load_flow.lua")]
    else:
        command += ["-t", "2", "-c", str(connections)]
    process = subprocess.Popen([*command, url], env=env, stdout=subprocess.PIPE, text=True)  # noqa: S603
    watched = psutil.Process(process.pid)
    cpu = 0.0
    while process.poll() is None:
        try:
            times = watched.cpu_times()
            cpu = times.user + times.system
        except psutil.NoSuchProcess:
            break
        time.sleep(0.5)
    output = process.stdout.read()
    figures = {"connections": connections, "client_cpu_cores": round(cpu / seconds, 3)}
    for line in output.splitlines():
        if line.startswith("WPJSON "):
            figures.update(json.loads(line[len("WPJSON ") :]))
        elif line.startswith("Requests/sec:"):
            figures.setdefault("per_second", float(line.split()[1]))
        elif line.strip().startswith(("50%", "99%")):
            key, value = line.split()
            figures.setdefault(f"p{key.rstrip('%')}", value)
        elif "Non-2xx or 3xx" in line or "Socket errors" in line:
            figures.setdefault("problems", []).append(line.strip())
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=30, help="bare and no-pause phases")
    parser.add_argument("--flow-connections", type=int, default=16)
    parser.add_argument("--ramp", default="250,500,1000,2000")
    parser.add_argument("--paused-seconds", type=float, default=60)
    parser.add_argument("--pause", default="5000,20000", help="min,max ms before each request")
    parser.add_argument(
        "--keep-going", action="store_true", help="run every ramp step, not only up to a miss"
    )
    args = parser.parse_args()
    if not shutil.which("wrk"):
        raise SystemExit("wrk is missing: apt-get install -y wrk")
    if not os.environ.get("DATABASE_URL", "").startswith("postgresql"):
        raise SystemExit("set DATABASE_URL to the PostgreSQL that bench/generate.py filled")
    ramp = [int(n) for n in args.ramp.split(",") if n]
    folder = Path(tempfile.mkdtemp(prefix="wp-load-"))
    env = {**os.environ, "SECRET_KEY": SECRET, "SESSION_COOKIE_SECURE": "0"}
    os.environ.update(SECRET_KEY=SECRET, SESSION_COOKIE_SECURE="0")
    sessions_file = prepare_sessions(max([args.flow_connections, *ramp]), folder)
    results: dict = {"cores": os.cpu_count(), "gunicorn": " ".join(recipe("APP", 0)[1:])}
    bare, port = serve("bench.bare_app:app", env)
    try:
        results["bare"] = wrk(f"http://127.0.0.1:{port}/", 16, args.seconds, env, script=False)
    finally:
        stop(bare)
    server, port = serve("app:create_app()", env)
    url = f"http://127.0.0.1:{port}"
    flow_env = {**env, "WP_SESSIONS": str(sessions_file), "WP_PAUSE_MIN": "0", "WP_PAUSE_MAX": "0"}
    try:
        # warm-up, not counted: each worker parses the scenarios and compiles its templates
        wrk(url, args.flow_connections, 10, flow_env, script=True)
        results["load_before"] = os.getloadavg()
        flow = wrk(url, args.flow_connections, args.seconds, flow_env, script=True)
        results["flow"] = flow
        results["flow_share_of_bare"] = round(flow["per_second"] / results["bare"]["per_second"], 3)
        low, high = args.pause.split(",")
        paused_env = {**flow_env, "WP_PAUSE_MIN": low, "WP_PAUSE_MAX": high}
        results["paused"] = []
        for learners in ramp:
            step = wrk(url, learners, args.paused_seconds, paused_env, script=True)
            step["load_after"] = os.getloadavg()
            results["paused"].append(step)
            print(json.dumps(step), file=sys.stderr)
            missed = step["p95_ms"] >= 100 or sum(step["errors"].values())
            if (missed or step["unexpected_status"]) and not args.keep_going:
                break
    finally:
        stop(server)
    print(json.dumps(results, indent=2))


if __name__ == "__main__":
    main()
