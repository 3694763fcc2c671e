"""A PostgreSQL connection the server dropped while it sat idle in the pool (a restart, a
firewall) is replaced before use: the next request works instead of failing with an error."""

from __future__ import annotations

from sqlalchemy import create_engine, text

from app import db as db_module
from app.db import db
from app.models import User

from .test_postgres import pg_app  # noqa: F401 - the fixture


def _drop_every_other_connection(url: str) -> int:
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        dropped = connection.scalar(
            text(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = current_database() AND pid <> pg_backend_pid()"
            )
        )
    admin.dispose()
    return dropped


def test_a_dropped_idle_connection_is_replaced_before_a_request_uses_it(pg_app, monkeypatch):  # noqa: F811
    client = pg_app.test_client()
    assert client.get("/login").status_code == 200  # the pool now holds a connection
    db.session.remove()
    assert _drop_every_other_connection(pg_app.config["SQLALCHEMY_DATABASE_URI"]) >= 1
    monkeypatch.setattr(db_module, "IDLE_PING_SECONDS", 0.0)  # "idle long enough"

    assert client.get("/login").status_code == 200
    assert db.session.query(User).count() == 0  # and the session's queries work too


def test_a_connection_in_steady_use_is_not_pinged(pg_app):  # noqa: F811
    pings = []
    client = pg_app.test_client()
    client.get("/login")
    db.session.remove()
    for connection in db.engine.pool._pool.queue:  # noqa: SLF001 - the idle connections
        real = connection.dbapi_connection
        original = real.execute
        real.execute = lambda sql, *a, original=original, **k: (
            pings.append(sql),
            original(sql, *a, **k),
        )[1]
    client.get("/login")
    assert "SELECT 1" not in pings
