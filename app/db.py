"""The database handle and the declarative base, with a naming convention so Alembic can name
and later drop constraints the same way on SQLite and PostgreSQL."""

import os
import time
from datetime import UTC, datetime

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import Engine, MetaData, event
from sqlalchemy.exc import DisconnectionError
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.pool import Pool

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)


def utcnow() -> datetime:
    """Naive UTC now (SQLite keeps no zone); passed as a callable default, never called once."""
    return datetime.now(UTC).replace(tzinfo=None)


@event.listens_for(Engine, "connect")
def _sqlite_pragmas(dbapi_connection, _record) -> None:
    """On SQLite only: write-ahead logging so readers and a writer do not block each other
    across app processes, a busy timeout instead of instant 'database is locked', and foreign
    keys enforced as PostgreSQL does."""
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.execute("PRAGMA foreign_keys=ON")
        files = [row[2] for row in cursor.execute("PRAGMA database_list") if row[2]]
        cursor.close()
        for path in files:
            _owner_only(path)


# A PostgreSQL connection idle in the pool this long is checked before use (a server restart
# or a firewall may have dropped it); one in steady use is not: SQLAlchemy's pool_pre_ping
# would add a round trip to PostgreSQL to every request.
IDLE_PING_SECONDS = 10.0


@event.listens_for(Pool, "checkin")
def _note_idle(_dbapi_connection, record) -> None:
    if record is not None:
        record.info["idle_since"] = time.monotonic()


@event.listens_for(Pool, "checkout")
def _ping_if_idle(dbapi_connection, record, _proxy) -> None:
    """Ping a PostgreSQL connection that sat idle; a dead one is replaced (the pool retries
    the checkout with a new connection), so the request does not fail."""
    since = record.info.get("idle_since")
    if since is None or time.monotonic() - since < IDLE_PING_SECONDS:
        return
    if not type(dbapi_connection).__module__.startswith("psycopg"):
        return
    prior = dbapi_connection.autocommit
    try:
        dbapi_connection.autocommit = True  # no transaction left open by the ping
        dbapi_connection.execute("SELECT 1")
        dbapi_connection.autocommit = prior
    except Exception as problem:  # noqa: BLE001 - any failure: treat the connection as gone
        raise DisconnectionError from problem


def _owner_only(path: str) -> None:
    """The database holds reflections: its file, WAL and shared-memory file are readable by the
    owner only (SQLite gives the WAL and SHM the database file's mode when it makes them)."""
    for name in (path, path + "-wal", path + "-shm"):
        try:
            if os.stat(name).st_mode & 0o077:
                os.chmod(name, 0o600)
        except FileNotFoundError:
            continue
