"""The same schema and the same step handling on PostgreSQL (started by `make test`)."""

from __future__ import annotations

import threading

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import create_engine, func, select, text
from sqlalchemy.orm import Session

from app import create_app
from app.db import db, utcnow
from app.engine import Answer
from app.models import Attempt, AttemptAnswer, LoginThrottle
from app.services import accounts, library, player, throttle
from tests.conftest import FIXTURES, PASSWORD


@pytest.fixture
def pg_app(postgres_url, tmp_path):
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": postgres_url,
            "SECRET_KEY": "x",
            "TESTING": True,
            "INSTANCE_PATH": str(tmp_path),
        }
    )
    with app.app_context():
        with db.engine.begin() as connection:
            connection.execute(text("DROP SCHEMA public CASCADE; CREATE SCHEMA public"))
        upgrade()
        yield app
        db.session.remove()
        db.engine.dispose()


def test_migrations_build_the_models_on_postgres(pg_app):
    with db.engine.connect() as connection:
        diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
    assert diff == []


def _attempt(pg_app) -> Attempt:
    vocab = library.vocabulary(pg_app.config["CONTENT_DIR"])
    library.load_file(db.session, FIXTURES / "short-visit.scenario", vocab)
    user = accounts.create_user(
        db.session, email="pg@example.org", display_name="Pg", roles={"learner"}, password=PASSWORD
    )
    stored = library.catalogue(db.session)[0]
    attempt = player.start_attempt(db.session, user, stored)
    db.session.commit()
    return attempt


def test_play_to_an_ending_on_postgres(pg_app):
    attempt = _attempt(pg_app)
    for answer in (
        Answer.continue_(),
        Answer.choose(0),
        Answer.continue_(),
        Answer.reflect("On PostgreSQL."),
        Answer.choose(0),
    ):
        play = player.submit(db.session, attempt, len(attempt.answers), answer)
        db.session.commit()
    assert play.position.finished and attempt.ending_node == "ending-whole"
    assert {s.competency: (s.won, s.best) for s in attempt.scores}["triangulation"] == (4, 4)


def test_two_servers_answering_the_same_step_store_it_once(pg_app):
    attempt = _attempt(pg_app)
    engine = create_engine(pg_app.config["SQLALCHEMY_DATABASE_URI"])
    with Session(engine) as first, Session(engine) as second:
        a1, a2 = first.get(Attempt, attempt.id), second.get(Attempt, attempt.id)
        player.load_play(a1), player.load_play(a2)  # both drew step 0
        player.submit(first, a1, 0, Answer.continue_())
        first.commit()
        with pytest.raises(player.StaleStep):
            player.submit(second, a2, 0, Answer.continue_())
    engine.dispose()
    count = db.session.scalar(
        select(func.count())
        .select_from(AttemptAnswer)
        .where(AttemptAnswer.attempt_id == attempt.id)
    )
    assert count == 1


def test_login_throttle_on_postgres(pg_app):
    accounts.create_user(
        db.session, email="t@example.org", display_name="T", roles={"learner"}, password=PASSWORD
    )
    db.session.commit()
    with pytest.raises(accounts.LoginRefused):
        accounts.authenticate(db.session, "t@example.org", "wrong", throttle.Policy())
    db.session.commit()
    user = accounts.authenticate(db.session, "t@example.org", PASSWORD, throttle.Policy())
    assert user.email == "t@example.org"


def test_parallel_sign_in_attempts_are_counted_atomically_on_postgres(pg_app):
    """Thirty app 'servers' (threads, each its own connection) guess at once: exactly the free
    attempts are let through, each counted once, and nothing raises."""
    policy = throttle.Policy()
    now = utcnow()
    engine = db.engine
    outcomes: list[str] = []
    gate = threading.Barrier(30)

    def guess() -> None:
        with Session(engine) as session:
            gate.wait()
            try:
                throttle.count_attempt(session, "t@example.org", "10.0.0.1", policy, now)
                session.commit()
                outcomes.append("counted")
            except throttle.Throttled:
                session.rollback()
                outcomes.append("throttled")

    threads = [threading.Thread(target=guess) for _ in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert outcomes.count("counted") == policy.free and len(outcomes) == 30
    row = db.session.get(LoginThrottle, ("t@example.org", "10.0.0.1"))
    assert row.failures == policy.free


def test_nul_bytes_in_form_text_do_not_reach_postgres(pg_app):
    """PostgreSQL refuses NUL in text: the sign-in form strips it and answers as usual."""
    pg_app.config["WTF_CSRF_ENABLED"] = False
    client = pg_app.test_client()
    response = client.post("/login", data={"email": "a\x00@example.org", "password": "x"})
    assert response.status_code == 400
    assert "The email address or password is not right." in response.text


def test_parallel_starts_make_one_open_attempt_on_postgres(pg_app):
    """Ten sessions start the same scenario at once: the partial unique index lets one insert,
    and the others resume it."""
    attempt = _attempt(pg_app)
    user_id, stored_id = attempt.user_id, attempt.version.scenario_id
    db.session.delete(attempt)
    db.session.commit()
    ids: list[int] = []
    gate = threading.Barrier(10)
    engine = db.engine

    def start() -> None:
        with Session(engine) as session:
            from app.models import StoredScenario, User

            user, stored = session.get(User, user_id), session.get(StoredScenario, stored_id)
            gate.wait()
            ids.append(player.start_attempt(session, user, stored).id)
            session.commit()

    threads = [threading.Thread(target=start) for _ in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(ids) == 10 and len(set(ids)) == 1


def test_export_erasure_and_retention_on_postgres(pg_app):
    """The data-rights statements (subqueries, bulk updates, JSON) hold on PostgreSQL too."""
    import json

    from app.models import Reflection, User
    from app.services import personal_data, retention
    from tests.functional.supervision_world import play

    library.load_file(
        db.session,
        FIXTURES / "short-visit.scenario",
        library.vocabulary(pg_app.config["CONTENT_DIR"]),
    )
    people = [
        accounts.create_user(
            db.session,
            email=f"{n}@example.org",
            display_name=n,
            roles={"learner"},
            password=PASSWORD,
        )  # fmt: skip
        for n in ("ana", "ben")
    ]
    db.session.commit()
    choices = ["Take her word for it.", "Say you cannot share without consent."]
    play(people[0], "short-visit", choices, ["Ana's reflection"], days_ago=2)
    play(people[1], "short-visit", choices, ["Ben's old reflection"], days_ago=60)
    exported = json.loads(json.dumps(personal_data.export(db.session, people[0])))
    assert [r["text"] for r in exported["reflections"]] == ["Ana's reflection"]
    personal_data.erase(db.session, people[0])
    outcome = retention.apply(db.session, 30)
    db.session.commit()
    assert (outcome.reflections, outcome.attempts) == (1, 1)
    assert db.session.scalar(select(func.count(Reflection.id))) == 0
    assert db.session.get(User, people[0].id).display_name == "Erased person"
    assert db.session.scalar(select(func.count(Attempt.id)).where(Attempt.user_id.is_(None))) == 2
    assert db.session.scalar(select(func.count(AttemptAnswer.id))) > 0
