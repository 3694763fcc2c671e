"""bench/generate.py at a tiny scale on SQLite, so the benchmark data generator cannot rot:
what it writes is what learners playing through the app would have left, and people can sign in."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import func, select

from app import create_app
from app.db import db
from app.models import Attempt, AttemptScore, AttemptSummary, Reflection, User
from app.services import player
from app.services.attempt_summaries import decode, walk_of
from bench.generate import PASSWORD, TEAM_SIZE, generate


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    folder = tmp_path_factory.mktemp("generate")
    url = f"sqlite:///{folder}/bench.db"
    counts = generate(
        learners=20, answers=600, paths=4, seed=3, database=url, log=lambda _: None, reads=100
    )
    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": url, "INSTANCE_PATH": str(folder), "SECRET_KEY": "t"}
    )
    return url, counts, app


def test_every_generated_attempt_replays_to_its_stored_ending_and_scores(generated):
    _, counts, app = generated
    assert counts["steps"] >= 600 and counts["audit_events"] >= 100
    with app.app_context():
        attempts = db.session.scalars(select(Attempt)).all()
        assert len(attempts) == counts["attempts"]
        for attempt in attempts:
            play = player.load_play(attempt)
            assert play.position.finished
            assert play.position.node.id == attempt.ending_node
            assert attempt.seconds_total == sum(a.seconds_spent for a in attempt.answers) > 0
            assert {k: (r.won, r.best) for k, r in play.profile.items()} == {
                s.competency: (s.won, s.best) for s in attempt.scores
            }
            # the kept summary is the one the app would build (the pages read it, not a replay)
            kept = db.session.get(AttemptSummary, attempt.id)
            assert kept.content_hash == attempt.version.content_hash
            assert decode(kept.body) == walk_of(play.scenario, play.position, attempt.answers)
        reflections = db.session.scalar(select(func.count()).select_from(Reflection))
        assert reflections == counts["reflections"] > 0
        assert db.session.scalar(select(func.count()).select_from(AttemptScore)) > 0
        db.session.remove()


def test_teams_have_a_supervisor_who_signs_in_and_sees_them(generated):
    _, _, app = generated
    with app.app_context():
        learners = db.session.scalars(select(User).where(User.email.like("learner%"))).all()
        assert len(learners) == 20
        supervisors = {u.supervisor_id for u in learners}
        assert len(supervisors) == -(-20 // TEAM_SIZE)
        db.session.remove()
    client = app.test_client()
    page = client.get("/login").text
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page).group(1)
    form = {"csrf_token": token, "email": "supervisor0@example.org", "password": PASSWORD}
    assert client.post("/login", data=form).status_code == 302
    dashboard = client.get("/supervise/")
    assert dashboard.status_code == 200
    assert "Learner 0" in dashboard.text and "Learner 11" in dashboard.text
    assert "Learner 12" not in dashboard.text, "another team's learner"


def test_refuses_a_database_that_already_has_people(generated):
    url, _, _ = generated
    with pytest.raises(SystemExit, match="already has people"):
        generate(learners=2, answers=10, paths=1, seed=1, database=url, log=lambda _: None)
