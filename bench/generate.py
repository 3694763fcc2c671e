"""Generate a partnership's worth of data: N learners in teams of 12 (each team with its
supervisor) across agencies, who have played the real scenarios to the end M times between them,
with their answers, reflections, scores, supervision sessions, agreed actions, comments on
reflections and the audit entries those reads left.

    DATABASE_URL=postgresql://... .venv/bin/python bench/generate.py [--learners 10000]
        [--answers 1000000] [--paths 300] [--audit 500000] [--seed 1]

Every path is played through the engine (`advance`), a few hundred per scenario, then the rows
are written in bulk (COPY on PostgreSQL, executemany on SQLite) with ids chosen here. It refuses
a database that already has people in it. Everyone's password is `PASSWORD`; emails are
learner{i}@example.org, supervisor{t}@example.org, author{i}@example.org, admin@example.org.
Learner 0 is a busy learner (many more attempts than the others).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import random
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

PASSWORD = "bench password long enough"  # noqa: S105 - benchmark accounts only
TEAM_SIZE = 12
BUSY_ATTEMPTS = 60
NOW = datetime(2026, 11, 30, 17, 0)


@dataclass(frozen=True)
class Path_:
    """One valid play of a scenario version from start to an ending."""

    version_id: int
    answers: tuple[
        tuple[str, str, int | None, bool, str | None], ...
    ]  # node, kind, option, skipped, text
    ending_node: str
    ending_outcome: str | None
    scores: tuple[tuple[str, int, int], ...]  # competency, won, best
    walk: object  # attempt_summaries.Walk with answer ids and times to fill in per attempt


def walk(scenario, version_id: int, rng: random.Random, texts: list[str]) -> Path_:
    """A random path through the engine: any offered option, reflections written or skipped."""
    from app.engine import Answer, NodeKind, advance, profile, start

    position = start(scenario)
    while not position.finished:
        node = position.node
        if node.kind == NodeKind.CHOICE:
            answer = Answer.choose(rng.choice(position.offered_options()).index)
        elif node.kind == NodeKind.REFLECTION:
            skip = node.optional and rng.random() < 0.4
            answer = Answer.reflect(None if skip else rng.choice(texts))
        else:
            answer = Answer.continue_()
        position = advance(scenario, position, answer)
    answers = tuple(
        (
            s.node.id,
            str(s.answer.kind),
            s.answer.option,
            s.node.kind == NodeKind.REFLECTION and s.answer.text is None,
            s.answer.text,
        )
        for s in position.path
    )
    from app.services.attempt_summaries import walk_of

    scores = tuple((k, r.won, r.best) for k, r in profile(scenario, position.path).items())
    numbered = [_Numbered(n, NOW) for n in range(len(position.path))]
    walked = walk_of(scenario, position, numbered)
    return Path_(version_id, answers, position.node.id, position.node.outcome, scores, walked)


@dataclass(frozen=True)
class _Numbered:
    """A stand-in answer while a path is made: its id is its step number."""

    id: int
    created_at: datetime


def summary_body(walked, step_ids: list[int], times: list[datetime]) -> dict:
    """A path's walk for one attempt: its own answers' ids and times (by step number)."""
    from dataclasses import replace

    from app.services.attempt_summaries import encode

    return encode(
        replace(
            walked,
            choices=tuple(replace(c, at=times[c.number]) for c in walked.choices),
            reflections=tuple(
                replace(r, answer_id=step_ids[r.number], at=times[r.number])
                for r in walked.reflections
            ),
        )
    )


class Writer:
    """Bulk rows into a table: COPY on PostgreSQL, executemany on SQLite."""

    def __init__(self, engine) -> None:
        self.engine = engine
        self.postgres = engine.dialect.name == "postgresql"
        self.counts: dict[str, int] = {}

    def write(self, table, columns: list[str], rows: list[tuple]) -> None:
        if not rows:
            return
        self.counts[table.name] = self.counts.get(table.name, 0) + len(rows)
        if self.postgres:
            raw = self.engine.raw_connection()
            try:
                cursor = raw.driver_connection.cursor()
                with cursor.copy(f"COPY {table.name} ({', '.join(columns)}) FROM STDIN") as copy:
                    for row in rows:
                        copy.write_row(row)
                raw.driver_connection.commit()
            finally:
                raw.close()
        else:
            with self.engine.begin() as connection:
                connection.execute(
                    table.insert(), [dict(zip(columns, r, strict=True)) for r in rows]
                )

    def reset_sequences(self, tables) -> None:
        if not self.postgres:
            return
        from sqlalchemy import text

        with self.engine.begin() as connection:
            for table in tables:
                connection.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table.name}', 'id'), "
                        f"COALESCE((SELECT MAX(id) FROM {table.name}), 0) + 1, false)"
                    )
                )
            connection.execute(text("ANALYZE"))


def _json(value, postgres: bool):
    return json.dumps(value) if postgres else value


def generate(
    learners: int,
    answers: int,
    paths: int,
    seed: int,
    database: str | None = None,
    log=print,
    reads: int = 0,
) -> dict:
    """Fill the database (`database`, else DATABASE_URL); returns the row counts written.
    `reads`: at least this many audit entries (supervisors' reads), for the audit log."""
    from flask_migrate import upgrade
    from sqlalchemy import func, select

    from app import create_app
    from app.db import db
    from app.engine import AGENCY_KINDS
    from app.models import (
        Agency,
        AgreedAction,
        Attempt,
        AttemptAnswer,
        AttemptScore,
        AttemptSummary,
        AuditEvent,
        Reflection,
        ReflectionComment,
        ScenarioVersion,
        StoredScenario,
        SupervisionSession,
        Team,
        User,
        UserRole,
    )
    from app.services import library
    from app.services.demo_texts import BRIEF, MIDDLING, THOUGHTFUL
    from app.services.passwords import hash_password

    started = time.monotonic()
    rng = random.Random(seed)
    config = {"INSTANCE_PATH": tempfile.mkdtemp(prefix="wp-generate-")}
    if database:
        config["SQLALCHEMY_DATABASE_URI"] = database
    app = create_app(config)
    with app.app_context():
        upgrade()
        if db.session.scalar(select(func.count()).select_from(User)):
            raise SystemExit("generate: this database already has people in it; use an empty one")
        vocab = library.vocabulary(app.config["CONTENT_DIR"])
        for file in library.scenario_files([app.config["SCENARIO_DIR"]]):
            library.load_file(db.session, file, vocab)
        db.session.commit()
        texts = list(BRIEF) + list(MIDDLING) + list(THOUGHTFUL.values())
        played = []
        for stored in db.session.scalars(select(StoredScenario).order_by(StoredScenario.id)):
            if stored.current_version is None or stored.archived:
                continue
            scenario = library.parsed(stored.current_version)
            played.append(
                [walk(scenario, stored.current_version_id, rng, texts) for _ in range(paths)]
            )
        db.session.remove()
        engine = db.engine
        out = Writer(engine)
        pg = out.postgres
        log(f"paths: {len(played)} scenarios x {paths} in {time.monotonic() - started:.1f} s")

        # people: agencies, teams of TEAM_SIZE learners with their supervisor, authors, an admin
        hashed = hash_password(PASSWORD)
        kinds = list(AGENCY_KINDS)
        agencies = [(i + 1, f"Agency {i + 1} ({AGENCY_KINDS[k]})", k) for i, k in enumerate(kinds)]
        out.write(Agency.__table__, ["id", "name", "kind"], agencies)
        team_count = max(1, -(-learners // TEAM_SIZE))
        teams = [(t + 1, t % len(agencies) + 1, f"Team {t + 1}") for t in range(team_count)]
        out.write(Team.__table__, ["id", "agency_id", "name"], teams)
        users, roles = [], []
        created = NOW - timedelta(days=400)

        def person(uid, email, name, team, supervisor, role):
            agency = teams[team - 1][1] if team else None
            users.append((uid, email, name, hashed, agency, team, supervisor, True, created, 1))
            roles.append((uid, role))

        for t in range(team_count):
            person(
                t + 1, f"supervisor{t}@example.org", f"Supervisor {t}", t + 1, None, "supervisor"
            )
        first_learner = team_count + 1
        for i in range(learners):
            t = i // TEAM_SIZE
            person(
                first_learner + i,
                f"learner{i}@example.org",
                f"Learner {i}",
                t + 1,
                t + 1,
                "learner",
            )
        next_id = first_learner + learners
        for i in range(5):
            person(next_id + i, f"author{i}@example.org", f"Author {i}", None, None, "author")
        person(next_id + 5, "admin@example.org", "Admin", None, None, "admin")
        user_cols = ["id", "email", "display_name", "password_hash", "agency_id", "team_id",
                     "supervisor_id", "active", "created_at", "session_version"]  # fmt: skip
        out.write(User.__table__, user_cols, users)
        out.write(UserRole.__table__, ["user_id", "role"], roles)
        log(f"people: {len(users)} in {time.monotonic() - started:.1f} s")

        # attempts: learners take turns until the answers reach the target
        ids = {"attempt": 0, "step": 0, "reflection": 0, "session": 0, "action": 0,
               "comment": 0, "audit": 0}  # fmt: skip
        made = 0
        per_learner_reflections: dict[int, list[tuple[int, datetime]]] = {}
        everyone = range(first_learner, first_learner + learners)
        order = itertools.chain([first_learner] * BUSY_ATTEMPTS, itertools.cycle(everyone))
        batch: dict[str, list] = {"a": [], "s": [], "r": [], "c": [], "w": []}
        versions = select(ScenarioVersion.id, ScenarioVersion.content_hash)
        hashes = dict(db.session.execute(versions).all())
        db.session.remove()
        from app.services.attempt_summaries import FORMAT

        def flush() -> None:
            out.write(Attempt.__table__, ["id", "user_id", "version_id", "started_at",
                      "completed_at", "ending_node", "ending_outcome"], batch["a"])  # fmt: skip
            out.write(AttemptAnswer.__table__, ["id", "attempt_id", "number", "node_id", "kind",
                      "option_index", "skipped", "created_at", "seconds_spent"], batch["s"])  # fmt: skip
            out.write(Reflection.__table__, ["id", "step_id", "user_id", "text", "created_at"],
                      batch["r"])  # fmt: skip
            out.write(
                AttemptScore.__table__, ["attempt_id", "competency", "won", "best"], batch["c"]
            )
            out.write(AttemptSummary.__table__, ["attempt_id", "content_hash", "format", "body",
                      "built_at"], batch["w"])  # fmt: skip
            for rows in batch.values():
                rows.clear()

        while made < answers:
            uid = next(order)
            path = rng.choice(rng.choice(played))
            ids["attempt"] += 1
            attempt = ids["attempt"]
            when = NOW - timedelta(days=rng.uniform(1, 365))
            begun = when
            step_ids, times = [], []
            for number, (node, kind, option, skipped, text) in enumerate(path.answers):
                ids["step"] += 1
                spent = rng.randint(8, 240)
                when += timedelta(seconds=spent)
                step_ids.append(ids["step"])
                times.append(when)
                batch["s"].append(
                    (ids["step"], attempt, number, node, kind, option, skipped, when, spent)
                )
                if text is not None:
                    ids["reflection"] += 1
                    batch["r"].append((ids["reflection"], ids["step"], uid, text, when))
                    per_learner_reflections.setdefault(uid, []).append((ids["reflection"], when))
            made += len(path.answers)
            batch["a"].append((attempt, uid, path.version_id, begun, when, path.ending_node,
                               path.ending_outcome))  # fmt: skip
            batch["c"].extend((attempt, k, won, best) for k, won, best in path.scores)
            body = summary_body(path.walk, step_ids, times)
            batch["w"].append((attempt, hashes[path.version_id], FORMAT, _json(body, pg), when))
            if len(batch["s"]) >= 100_000:
                flush()
                log(f"  {made:,} answers in {time.monotonic() - started:.1f} s")
        flush()
        log(f"attempts: {ids['attempt']:,}, answers {made:,} in {time.monotonic() - started:.1f} s")

        # supervision: sessions, agreed actions, comments, and the audit entries of the reads
        sessions, actions, comments, audit = [], [], [], []
        for i in range(learners):
            uid, sup = first_learner + i, i // TEAM_SIZE + 1
            mine = per_learner_reflections.get(uid, [])
            for _ in range(rng.randint(0, 3)):
                ids["session"] += 1
                held = NOW - timedelta(days=rng.uniform(1, 300))
                covered = [{"key": "bench", "stage": "experience", "text": "A prompt covered."}]
                sessions.append((ids["session"], uid, sup, held.date(), "Talked it through.",
                                 _json(covered, pg), held, None, None, None))  # fmt: skip
                for _ in range(rng.randint(1, 2)):
                    ids["action"] += 1
                    done = held + timedelta(days=7) if rng.random() < 0.5 else None
                    actions.append((ids["action"], ids["session"], uid, "Read the briefing.",
                                    (held + timedelta(days=14)).date(), done, held))  # fmt: skip
                if mine:
                    ids["comment"] += 1
                    rid = rng.choice(mine)[0]
                    comments.append((ids["comment"], rid, sup, "Thank you: a thoughtful point.",
                                     held, None, None, None))  # fmt: skip
                ids["audit"] += 1
                shown = {"reflection_ids": [r for r, _ in mine[-3:]], "page": "supervise.learner"}
                audit.append((ids["audit"], held, sup, "read_reflections", uid, _json(shown, pg)))
        out.write(SupervisionSession.__table__, ["id", "learner_id", "supervisor_id", "held_on",
                  "notes", "covered", "created_at", "corrected_at", "withdrawn_at",
                  "withdrawn_by_id"], sessions)  # fmt: skip
        out.write(AgreedAction.__table__, ["id", "session_id", "learner_id", "text", "due_on",
                  "done_at", "created_at"], actions)  # fmt: skip
        out.write(ReflectionComment.__table__, ["id", "reflection_id", "author_id", "text",
                  "created_at", "corrected_at", "withdrawn_at", "withdrawn_by_id"], comments)  # fmt: skip
        # a year of supervisors opening their dashboards: one read entry per learner shown
        while len(audit) < reads:
            sup = rng.randrange(team_count)
            at = NOW - timedelta(days=rng.uniform(1, 365))
            detail = {"reflection_ids": [], "page": "supervise.dashboard"}
            team = range(sup * TEAM_SIZE, min(learners, (sup + 1) * TEAM_SIZE))
            audit.extend(
                (0, at, sup + 1, "read_reflections", first_learner + i, _json(detail, pg))
                for i in team
            )
        audit.sort(key=lambda row: row[1])
        audit = [(n + 1, *row[1:]) for n, row in enumerate(audit)]
        out.write(AuditEvent.__table__, ["id", "at", "actor_id", "action", "subject_user_id",
                  "detail"], audit)  # fmt: skip
        out.reset_sequences([Agency.__table__, Team.__table__, User.__table__,
                             Attempt.__table__, AttemptAnswer.__table__, Reflection.__table__,
                             SupervisionSession.__table__, AgreedAction.__table__,
                             ReflectionComment.__table__, AuditEvent.__table__])  # fmt: skip
        fill_insight_summaries(engine)
        engine.dispose()
    out.counts["seconds"] = round(time.monotonic() - started, 1)
    log(json.dumps(out.counts))
    return out.counts


def fill_insight_summaries(engine) -> None:
    """What the app keeps for the insights as attempts finish (migration 0017_insagg): each
    finished attempt's total time, computed in the database from the answers just written."""
    from sqlalchemy import text

    with engine.begin() as connection:
        connection.execute(
            text(
                "UPDATE attempts SET seconds_total = (SELECT SUM(steps.seconds_spent) FROM steps"
                " WHERE steps.attempt_id = attempts.id) WHERE completed_at IS NOT NULL"
            )
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--learners", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=1_000_000)
    parser.add_argument("--paths", type=int, default=300, help="valid paths made per scenario")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--audit", type=int, default=500_000, help="audit entries (reads)")
    args = parser.parse_args()
    os.environ.setdefault("SECRET_KEY", "bench")
    generate(args.learners, args.answers, args.paths, args.seed, reads=args.audit)


if __name__ == "__main__":
    main()
