"""Benchmark: the heavy pages at partnership scale, in process (Flask test client), on the
database bench/generate.py filled (DATABASE_URL). For each page: median and p95 wall time over
--rounds requests, the app's own CPU time (this thread's; PostgreSQL's is not in it), and the
number of SQL statements one request runs (which must not grow with the data: run it on a small
and a large generated database and compare). With --explain, the statement that took most time
in each page is run again under EXPLAIN (ANALYZE, BUFFERS) and its plan printed.

    DATABASE_URL=postgresql://... .venv/bin/python bench/pages.py [--rounds 50] [--explain]

Target: p95 under 200 ms for every page. Prints JSON figures (and plans on stderr).
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

from bench.generate import PASSWORD, TEAM_SIZE  # noqa: E402

CSRF = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"')


def pages(session) -> list[tuple[str, str, str]]:
    """(name, who signs in, URL) for every page measured."""
    from sqlalchemy import select

    from app.models import User

    busy = session.scalar(select(User.id).where(User.email == "learner0@example.org"))
    few = session.scalar(select(User.id).where(User.email == f"learner{TEAM_SIZE - 1}@example.org"))
    return [
        ("supervisor dashboard (team of 12)", "supervisor0", "/supervise/"),
        ("learner page, busy learner (supervisor)", "supervisor0", f"/supervise/learners/{busy}"),
        ("learner page, typical learner (supervisor)", "supervisor0", f"/supervise/learners/{few}"),
        ("agenda, busy learner", "supervisor0", f"/supervise/learners/{busy}/agenda"),
        ("author's list", "author0", "/author/"),
        ("my learning, busy learner", "learner0", "/my-learning"),
        ("my learning, typical learner", f"learner{TEAM_SIZE - 1}", "/my-learning"),
        ("admin users list", "admin", "/admin/users"),
        ("audit log", "admin", "/admin/audit"),
        ("scenario list (learner)", "learner0", "/scenarios"),
        ("insights, every scenario (author)", "author0", "/insights/"),
        ("insights, one scenario (author)", "author0", "/insights/scenarios/telephone-review"),
        (
            "insights, its choices (author)",
            "author0",
            "/insights/scenarios/telephone-review/choices",
        ),
        ("insights, misconceptions (author)", "author0", "/insights/misconceptions"),
        ("assignments report (supervisor)", "supervisor0", "/assignments/"),
        ("assignments report (admin)", "admin", "/assignments/"),
    ]


class Statements:
    """Counts and times the SQL statements a request runs."""

    def __init__(self, engine) -> None:
        from sqlalchemy import event

        self.log: list[tuple[float, str, object]] = []
        self._t0 = 0.0
        event.listen(engine, "before_cursor_execute", self._before)
        event.listen(engine, "after_cursor_execute", self._after)

    def _before(self, conn, cursor, statement, parameters, context, executemany):
        self._t0 = time.perf_counter()

    def _after(self, conn, cursor, statement, parameters, context, executemany):
        self.log.append((time.perf_counter() - self._t0, statement, parameters))


def explain(engine, statement: str, parameters) -> str:
    with engine.connect() as connection:
        cursor = connection.connection.driver_connection.cursor()
        cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + statement, parameters)
        plan = "\n".join(row[0] for row in cursor.fetchall())
        connection.rollback()
    return plan


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=50)
    parser.add_argument("--explain", action="store_true")
    parser.add_argument("--only", help="measure only pages whose name contains this")
    args = parser.parse_args()
    os.environ.setdefault("SECRET_KEY", "bench")
    os.environ.setdefault("SESSION_COOKIE_SECURE", "0")
    from app import create_app
    from app.db import db

    app = create_app({"INSTANCE_PATH": tempfile.mkdtemp(prefix="wp-pages-")})
    figures = {}
    with app.app_context():  # not around the requests: each must have its own `g`
        measured = pages(db.session)
        db.session.remove()
        engine = db.engine
    statements = Statements(engine)
    clients = {}
    for name, who, url in measured:
        if args.only and args.only not in name:
            continue
        if who not in clients:
            client = app.test_client()
            token = CSRF.search(client.get("/login").text).group(1)
            form = {"csrf_token": token, "email": f"{who}@example.org", "password": PASSWORD}
            signed = client.post("/login", data=form)
            assert signed.status_code == 302, (who, signed.status_code)
            clients[who] = client
        client = clients[who]
        reply = client.get(url)  # warm: caches, the parsed scenarios, templates
        assert reply.status_code == 200, (name, reply.status_code)
        times, cpu, counts, sql, by_statement = [], [], [], [], {}
        for _ in range(args.rounds):
            statements.log.clear()
            t0, c0 = time.perf_counter(), time.thread_time()
            reply = client.get(url)
            times.append(time.perf_counter() - t0)
            cpu.append(time.thread_time() - c0)
            assert reply.status_code == 200, (name, reply.status_code)
            counts.append(len(statements.log))
            sql.append(sum(s[0] for s in statements.log))
            for seconds, statement, parameters in statements.log:
                total, _ = by_statement.get(statement, (0.0, None))
                by_statement[statement] = (total + seconds, parameters)
        times.sort()
        heaviest, (total, parameters) = max(by_statement.items(), key=lambda kv: kv[1][0])
        figures[name] = {
            "url": url,
            "p50_ms": round(statistics.median(times) * 1000, 1),
            "p95_ms": round(times[int(len(times) * 0.95) - 1] * 1000, 1),
            "app_cpu_p50_ms": round(statistics.median(cpu) * 1000, 1),
            "queries": max(counts),
            "queries_min": min(counts),
            "sql_p50_ms": round(statistics.median(sql) * 1000, 1),
            "bytes": len(reply.data),
        }
        if args.explain and engine.dialect.name == "postgresql":
            print(f"\n## {name}: heaviest statement, {total * 1000 / args.rounds:.1f} ms a request",
                  file=sys.stderr)  # fmt: skip
            print(heaviest[:400], file=sys.stderr)
            print(explain(engine, heaviest, parameters), file=sys.stderr)
    print(json.dumps(figures, indent=2))


if __name__ == "__main__":
    main()
