"""Migration 0017_insagg on a database already in use: every finished attempt gets its answers'
total time, so the insights' time figures stay what they were before the upgrade."""

from __future__ import annotations

from flask_migrate import downgrade, upgrade
from sqlalchemy import select, text

from app import create_app
from app.db import db
from app.models import StoredScenario
from app.services import library
from tests.conftest import FIXTURES, _config

ATTEMPT = (
    "INSERT INTO attempts (id, user_id, version_id, started_at, completed_at) "
    "VALUES (:id, NULL, :version, '2026-11-01 10:00:00', :done)"
)
STEP = (
    "INSERT INTO steps (attempt_id, number, node_id, kind, skipped, created_at, seconds_spent) "
    "VALUES (:attempt, :number, 'n', 'continue', false, '2026-11-01 10:05:00', :seconds)"
)


def test_the_upgrade_fills_each_finished_attempts_time(tmp_path):
    app = create_app(_config(tmp_path / "live.db", tmp_path))
    with app.app_context():
        upgrade(revision="0015_editor")
        vocab = library.vocabulary(str(FIXTURES.parent.parent / "content"))
        library.load_file(db.session, FIXTURES / "short-visit.scenario", vocab)
        version = db.session.scalar(select(StoredScenario.current_version_id))
        # 1: finished, 3 answers; 2: still open; 3: finished without answers
        for attempt, done in ((1, "2026-11-01 10:30:00"), (2, None), (3, "2026-11-01 11:00:00")):
            db.session.execute(text(ATTEMPT), {"id": attempt, "version": version, "done": done})
        for number, (attempt, seconds) in enumerate([(1, 40), (1, 125), (1, 0), (2, 30)]):
            db.session.execute(
                text(STEP), {"attempt": attempt, "number": number, "seconds": seconds}
            )
        db.session.commit()
        db.session.remove()

        upgrade(revision="0017_insagg")
        rows = db.session.execute(text("SELECT id, seconds_total FROM attempts ORDER BY id"))
        assert list(rows) == [(1, 165), (2, None), (3, None)]
        db.session.remove()

        downgrade(revision="0015_editor")
        columns = db.session.execute(text("PRAGMA table_info(attempts)")).all()
        assert "seconds_total" not in {c[1] for c in columns}
