"""Migration 0008_learning_sources on a database already in use: attempts made before it keep
their pages, briefing links and profile, and new sources can be added afterwards."""

from __future__ import annotations

from flask import g
from flask_migrate import downgrade, upgrade
from sqlalchemy import func, inspect, select

from app import create_app
from app.db import db
from app.engine import Answer
from app.models import Attempt, AttemptAnswer, StoredScenario
from app.services import accounts, library, player
from tests.conftest import FIXTURES, PASSWORD, Browser, _config

SOURCE_TABLES = {
    "learning_sources",
    "source_findings",
    "source_competencies",
    "source_tags",
    "source_pages",
}


def _played_before_upgrade() -> tuple[int, int]:
    """A supervisor, a learner and one finished attempt."""
    sam = accounts.create_user(db.session, email="sam@example.org", display_name="sam",
                               roles={"supervisor", "learner"}, password=PASSWORD)  # fmt: skip
    jo = accounts.create_user(db.session, email="jo@example.org", display_name="jo",
                              roles={"learner"}, password=PASSWORD, supervisor_id=sam.id)  # fmt: skip
    vocab = library.vocabulary(str(FIXTURES.parent.parent / "content"))
    assert library.load_file(db.session, FIXTURES / "short-visit.scenario", vocab).status == "added"
    stored = db.session.scalar(select(StoredScenario))
    attempt = Attempt(user_id=jo.id, version_id=stored.current_version_id)
    db.session.add(attempt)
    db.session.flush()
    position = player.load_play(attempt).position
    while not position.finished:
        node = position.node
        if node.kind == "choice":
            answer = Answer.choose(node.options[0].index)
        elif node.kind == "reflection":
            answer = Answer.reflect("I would check with the school.")
        else:
            answer = Answer.continue_()
        position = player.submit(db.session, attempt, position.step_number, answer).position
    db.session.commit()
    return attempt.id, jo.id


def test_upgrade_keeps_attempts_links_and_profile(tmp_path):
    app = create_app(_config(tmp_path / "live.db", tmp_path))
    app.teardown_request(lambda _exc: (g.pop("_login_user", None), g.pop("csrf_token", None)))
    with app.app_context():
        # The data is made with today's code on today's schema, then the schema is taken back to
        # before sources: the models of today cannot write to the old tables.
        upgrade()
        attempt_id, jo_id = _played_before_upgrade()
        db.session.remove()
        downgrade(revision="0007_walk_corrections")
        assert not SOURCE_TABLES & set(inspect(db.engine).get_table_names())
        answers_before = db.session.scalar(select(func.count()).select_from(AttemptAnswer))
        db.session.remove()

        upgrade()
        assert set(inspect(db.engine).get_table_names()) >= SOURCE_TABLES
        assert db.session.scalar(select(func.count()).select_from(AttemptAnswer)) == answers_before

        learner = Browser(app.test_client())
        assert learner.login("jo@example.org").status_code == 302
        feedback = learner.get(f"/attempts/{attempt_id}/feedback/1").text
        assert "review finding 3" in feedback and "/guide/finding-3?back=" in feedback
        assert learner.get("/guide/finding-3").status_code == 200
        ending = learner.get(f"/attempts/{attempt_id}/ending")
        assert ending.status_code == 200 and 'href="/guide/finding-3"' in ending.text

        supervisor = Browser(app.test_client())
        assert supervisor.login("sam@example.org").status_code == 302
        profile = supervisor.get(f"/supervise/learners/{jo_id}").text
        assert "Testing self-report" in profile and "100%" in profile

        author = Browser(app.test_client())
        accounts.create_user(db.session, email="al@example.org", display_name="al",
                             roles={"author"}, password=PASSWORD)  # fmt: skip
        db.session.commit()
        assert author.login("al@example.org").status_code == 302
        added = author.submit("/sources/", {"slug": "new-review", "title": "A new review",
                                            "kind": "review"})  # fmt: skip
        assert added.status_code == 302
        db.session.remove()

        downgrade(revision="0007_walk_corrections")
        assert not SOURCE_TABLES & set(inspect(db.engine).get_table_names())
        assert db.session.scalar(select(func.count()).select_from(Attempt)) == 1
        db.engine.dispose()
