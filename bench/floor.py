"""Benchmark: the learner's step against its floor, in process, side by side in one run.

Four requests, timed in turn round after round (so a busy machine slows all four alike):
  bare    a bare Flask endpoint (bench/bare_app.py) through Flask's test client;
  layout  a page that renders only base.html, for a signed-in learner (the layout floor);
  step    a learner's GET of a choice step;
  answer  a learner's POST of an answer to that step (a new attempt each round, played to
          the same choice untimed).
Targets: layout <= 4x bare, step <= 10x bare, answer <= 12x bare (medians of each request's
CPU time, robust to a machine shared with other work; wall times are printed too).

    .venv/bin/python bench/floor.py [--rounds 300] [--scenario telephone-review]
    .venv/bin/python bench/floor.py --profile step     # pyinstrument's tree for one kind

Prints JSON figures; copy them into bench/RESULTS.md with the date and machine.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "bench password long enough"
CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')
STEP = re.compile(r'<input[^>]*name="step"[^>]*value="(\d+)"')
OPTION = re.compile(r'name="option" type="radio" value="(\d+)"')
NEXT = re.compile(r'<a class="govuk-button"[^>]*href="([^"]+)"')
LAYOUT = '{% extends "base.html" %}{% block title %}Floor{% endblock %}'


def build(database: str | None):
    folder = tempfile.mkdtemp(prefix="wp-floor-")
    os.environ.update(
        SECRET_KEY="bench",
        SESSION_COOKIE_SECURE="0",
        DATABASE_URL=database or f"sqlite:///{folder}/floor.db",
    )
    from flask import render_template
    from flask_login import login_required
    from flask_migrate import upgrade

    from app import create_app
    from app.db import db
    from app.services import accounts, library
    from bench.bare_app import app as bare

    app = create_app({"INSTANCE_PATH": folder})
    floor_page = app.jinja_env.from_string(LAYOUT)  # compiled once, as a template file is

    @login_required
    def layout() -> str:
        return render_template(floor_page)

    app.add_url_rule("/bench-layout", "bench_layout", layout)
    with app.app_context():
        upgrade()
        vocab = library.vocabulary(app.config["CONTENT_DIR"])
        for path in library.scenario_files([app.config["SCENARIO_DIR"]]):
            library.load_file(db.session, path, vocab)
        if not accounts.find_by_email(db.session, "floor@example.org"):
            accounts.create_user(
                db.session,
                email="floor@example.org",
                display_name="Floor",
                roles={"learner"},
                password=PASSWORD,
            )
        db.session.commit()
    return app, bare


def sign_in(client) -> None:
    page = client.get("/login").text
    token = CSRF.search(page).group(1)
    reply = client.post(
        "/login", data={"csrf_token": token, "email": "floor@example.org", "password": PASSWORD}
    )
    assert reply.status_code == 302, reply.status_code


def to_first_choice(client, slug: str) -> str:
    """Start an attempt and play it (untimed) to its first choice; return the step's URL."""
    page = client.get(f"/scenarios/{slug}").text
    where = client.post(
        f"/scenarios/{slug}/start", data={"csrf_token": CSRF.search(page).group(1)}
    ).headers["Location"]
    while True:
        page = client.get(where).text
        if OPTION.search(page):
            return where
        form = {"csrf_token": CSRF.search(page).group(1), "step": STEP.search(page).group(1)}
        if 'name="reflection"' in page:
            form["reflection"] = "A benchmark reflection."
        where = client.post(where, data=form).headers["Location"]


def play_to_end(client, where: str) -> None:
    """Finish the attempt (untimed), so the next round starts a new one."""
    while "/ending" not in where:
        page = client.get(where).text
        if "/feedback/" in where:
            where = NEXT.search(page).group(1)
            continue
        form = {"csrf_token": CSRF.search(page).group(1), "step": STEP.search(page).group(1)}
        option = OPTION.search(page)
        if option:
            form["option"] = option.group(1)
        if 'name="reflection"' in page:
            form["reflection"] = "A benchmark reflection."
        where = client.post(where, data=form).headers["Location"]


def answer_form(page: str) -> dict:
    return {
        "csrf_token": CSRF.search(page).group(1),
        "step": STEP.search(page).group(1),
        "option": OPTION.search(page).group(1),
    }


def timed(call) -> tuple[float, float, object]:
    """Wall seconds and this thread's CPU seconds. On a machine shared with other work, wall
    time stretches with every time slice lost to others (most for the longer requests); CPU time
    is what the request itself costs, so the ratios use it."""
    w0, c0 = time.perf_counter(), time.thread_time()
    reply = call()
    return time.perf_counter() - w0, time.thread_time() - c0, reply


def run(rounds: int, slug: str, database: str | None, profile: str | None) -> dict:
    app, bare = build(database)
    bare_client, client = bare.test_client(), app.test_client()
    sign_in(client)
    times: dict[str, list[float]] = {"bare": [], "layout": [], "step": [], "answer": []}
    cpu: dict[str, list[float]] = {k: [] for k in times}
    profiler = None
    if profile:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.0002)
    for n in range(rounds + 20):  # the first 20 rounds warm up and are not counted
        where = to_first_choice(client, slug)
        page = client.get(where).text
        form = answer_form(page)
        calls = {
            "bare": lambda: bare_client.get("/"),
            "layout": lambda: client.get("/bench-layout"),
            "step": lambda where=where: client.get(where),
            "answer": lambda where=where, form=form: client.post(where, data=form),
        }
        for kind, call in calls.items():
            if profiler and kind == profile and n >= 20:
                profiler.start()
            seconds, cpu_seconds, reply = timed(call)
            if profiler and kind == profile and n >= 20:
                profiler.stop()
            expected = 302 if kind == "answer" else 200
            assert reply.status_code == expected, (kind, reply.status_code)
            if n >= 20:
                times[kind].append(seconds)
                cpu[kind].append(cpu_seconds)
        play_to_end(client, reply.headers["Location"])  # reply: the timed answer's
    if profiler:
        print(
            profiler.output_text(
                unicode=False,
                color=False,
                show_all=bool(os.environ.get("SHOW_ALL")),
                short_mode=False,
            ),
            file=sys.stderr,
        )
    medians = {k: statistics.median(v) for k, v in cpu.items()}
    figures = {
        "rounds": rounds,
        "scenario": slug,
        "database": os.environ["DATABASE_URL"].split(":", 1)[0],
        "cpu_median_ms": {k: round(v * 1000, 3) for k, v in medians.items()},
        "wall_median_ms": {k: round(statistics.median(v) * 1000, 3) for k, v in times.items()},
        "wall_p95_ms": {
            k: round(sorted(v)[int(len(v) * 0.95) - 1] * 1000, 3) for k, v in times.items()
        },
        "times_bare": {k: round(v / medians["bare"], 1) for k, v in medians.items()},
        "targets_times_bare": {"layout": 4, "step": 10, "answer": 12},
    }
    figures["met"] = {
        k: figures["times_bare"][k] <= t for k, t in figures["targets_times_bare"].items()
    }
    return figures


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=300)
    parser.add_argument("--scenario", default="telephone-review")
    parser.add_argument("--database", help="a PostgreSQL URL (default: a new SQLite file)")
    parser.add_argument("--profile", choices=["bare", "layout", "step", "answer"])
    args = parser.parse_args()
    print(json.dumps(run(args.rounds, args.scenario, args.database, args.profile), indent=2))


if __name__ == "__main__":
    main()
