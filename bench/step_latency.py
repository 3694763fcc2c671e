"""Benchmark: a learner's step under 50 concurrent learners, against a bare Flask endpoint
served the same way (gunicorn, 2 workers x 8 threads, on this machine's loopback).

    .venv/bin/python bench/step_latency.py [--learners 50] [--seconds 20] [--database URL]

Prints JSON figures; copy them into bench/RESULTS.md with the date and machine.
"""

from __future__ import annotations

import argparse
import functools
import json
import os
import socket
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
from bench.load import Client, Clock, Results, bare_loop, learner_loop, run_threads  # noqa: E402

PASSWORD = "bench password long enough"
GUNICORN = [
    str(ROOT / ".venv/bin/gunicorn"),
    "-w",
    "2",
    "-k",
    "gthread",
    "--threads",
    "8",
    "--log-level",
    "warning",
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app_spec: str, env: dict, port: int) -> subprocess.Popen:
    process = subprocess.Popen([*GUNICORN, "-b", f"127.0.0.1:{port}", app_spec], env=env, cwd=ROOT)
    for _ in range(100):
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("server did not start")


def prepare(env: dict, learners: int) -> None:
    flask = [str(ROOT / ".venv/bin/flask"), "--app", "app"]
    subprocess.run([*flask, "db", "upgrade"], env=env, cwd=ROOT, check=True, capture_output=True)
    subprocess.run(
        [*flask, "scenarios", "load"], env=env, cwd=ROOT, check=True, capture_output=True
    )
    code = (
        "from app import create_app\nfrom app.db import db\nfrom app.services import accounts\n"
        "app = create_app()\nwith app.app_context():\n"
        f"    for i in range({learners}):\n"
        "        if not accounts.find_by_email(db.session, f'bench{i}@example.org'):\n"
        "            accounts.create_user(db.session, email=f'bench{i}@example.org', "
        f"display_name=f'Bench {{i}}', roles={{'learner'}}, password={PASSWORD!r})\n"
        "    db.session.commit()\n"
    )
    subprocess.run([str(ROOT / ".venv/bin/python"), "-c", code], env=env, cwd=ROOT, check=True)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--learners", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--database")
    parser.add_argument("--scenario", default="telephone-review")
    args = parser.parse_args()
    folder = tempfile.mkdtemp(prefix="wp-bench-")
    env = {
        **os.environ,
        "SECRET_KEY": "bench",
        "SESSION_COOKIE_SECURE": "0",
        "DATABASE_URL": args.database or f"sqlite:///{folder}/bench.db",
    }
    prepare(env, args.learners)
    figures = {
        "learners": args.learners,
        "seconds": args.seconds,
        "database": env["DATABASE_URL"].split(":", 1)[0],
    }
    for name, spec in (("app", "app:create_app()"), ("bare", "bench.bare_app:app")):
        port = free_port()
        server = serve(spec, env, port)
        try:
            results = Results()
            clock = Clock(args.learners, args.seconds)
            if name == "app":
                targets = [
                    functools.partial(
                        learner_loop,
                        Client("127.0.0.1", port),
                        f"bench{i}@example.org",
                        PASSWORD,
                        args.scenario,
                        clock,
                        results,
                    )
                    for i in range(args.learners)
                ]
            else:
                targets = [
                    functools.partial(bare_loop, Client("127.0.0.1", port), clock, results)
                    for _ in range(args.learners)
                ]
            duration = run_threads(targets, clock)
            figures[name] = results.summary(duration)
        finally:
            server.terminate()
            server.wait(10)
    app_rate = sum(v["per_second"] for k, v in figures["app"].items() if k != "errors")
    figures["app_requests_per_second"] = round(app_rate, 1)
    figures["share_of_bare_throughput"] = round(
        app_rate / figures["bare"]["GET bare"]["per_second"], 2
    )
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
