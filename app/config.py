"""Settings: defaults here, overridden from the environment. Nothing secret is a constant."""

from __future__ import annotations

import os
import secrets
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() not in ("0", "false", "no", "off", "")


class MissingSecretKey(RuntimeError):
    """Several app servers on one PostgreSQL must sign sessions and forms with one key."""


def is_postgres(database_uri: str) -> bool:
    return database_uri.startswith("postgresql")


def secret_key(instance_path: str, database_uri: str) -> str:
    """SECRET_KEY from the environment. On SQLite (one machine) without it, one generated once
    and kept in instance/. On PostgreSQL, where several app servers may share the database, a
    key kept by one server would sign out every learner the next server sees: refuse to start."""
    if os.environ.get("SECRET_KEY"):
        return os.environ["SECRET_KEY"]
    if is_postgres(database_uri):
        raise MissingSecretKey(
            "SECRET_KEY is not set. On PostgreSQL every app server must share one secret key: "
            "set SECRET_KEY in the environment of each server (for example to the output of "
            "`python3 -c 'import secrets; print(secrets.token_hex(32))'`) and start again."
        )
    return instance_secret(instance_path)


def instance_secret(instance_path: str, wait_seconds: float = 2.0) -> str:
    """A key generated once and kept in instance/ (SQLite on one machine only).

    Several workers may start at once (gunicorn forks them together): exactly one creates the
    file (O_EXCL); the others find it there and read it, waiting briefly while its creator is
    still writing, so every worker signs with the same key."""
    path = Path(instance_path) / "secret_key"
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    except FileExistsError:
        pass
    else:
        key = secrets.token_hex(32)
        with os.fdopen(fd, "w") as fh:
            fh.write(key)
        return key
    deadline = time.monotonic() + wait_seconds
    while True:
        key = path.read_text().strip()
        if key:
            return key
        if time.monotonic() > deadline:
            raise MissingSecretKey(
                f"{path} is empty. Delete it (everyone will need to sign in again) or set "
                "SECRET_KEY in the environment, and start again."
            )
        time.sleep(0.01)


def from_environment(instance_path: str) -> dict:
    """The configuration for a running app."""
    database = (
        os.environ.get("DATABASE_URL") or f"sqlite:///{Path(instance_path) / 'whole-picture.db'}"
    )
    if database.startswith("postgres://"):
        database = "postgresql+psycopg://" + database[len("postgres://") :]
    elif database.startswith("postgresql://"):
        database = "postgresql+psycopg://" + database[len("postgresql://") :]
    return {
        "SQLALCHEMY_DATABASE_URI": database,
        # No pool_pre_ping: app/db.py pings only a connection that sat idle (one round trip
        # to PostgreSQL less on every request).
        "SQLALCHEMY_ENGINE_OPTIONS": {},
        "SESSION_COOKIE_SECURE": _flag("SESSION_COOKIE_SECURE", True),
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": _flag("SESSION_COOKIE_SECURE", True),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "PERMANENT_SESSION_LIFETIME": timedelta(hours=int(os.environ.get("SESSION_HOURS", "8"))),
        "WTF_CSRF_TIME_LIMIT": 8 * 3600,
        # No request may be larger than this (a 1 MB scenario file and its form fit); larger
        # ones get the 413 page before anything is parsed.
        "MAX_CONTENT_LENGTH": 2 * 1024 * 1024,
        "SCENARIO_DIR": os.environ.get("SCENARIO_DIR", str(ROOT / "scenarios")),
        "EXERCISE_DIR": os.environ.get("EXERCISE_DIR", str(ROOT / "exercises")),
        "EXERCISE_CODE_HOURS": int(os.environ.get("EXERCISE_CODE_HOURS", "12")),
        "CONTENT_DIR": os.environ.get("CONTENT_DIR", str(ROOT / "content")),
        # How supervision agendas are grouped: kolb (default), gibbs or 4x4x4.
        "SUPERVISION_CYCLE": os.environ.get("SUPERVISION_CYCLE", "kolb"),
        "SUPERVISION_RULES": os.environ.get("SUPERVISION_RULES"),
        # The site's public address: xAPI actors' homePage and the root of activity IRIs, and
        # certificates' verification links when no request is at hand (the command line).
        "SITE_URL": os.environ.get("SITE_URL", "http://localhost:5000"),
        # The key that turns a person's row id into their opaque xAPI account name (default:
        # the SECRET_KEY). Changing it gives everyone a new name in the record store.
        "XAPI_ACTOR_KEY": os.environ.get("XAPI_ACTOR_KEY"),
        "PASSWORD_LINK_HOURS": int(os.environ.get("PASSWORD_LINK_HOURS", "72")),
        # Days after an attempt's last answer before `flask retention apply` deletes its
        # reflections and detaches its answers from the person; unset keeps everything.
        "RETENTION_DAYS": int(os.environ["RETENTION_DAYS"])
        if os.environ.get("RETENTION_DAYS")
        else None,
        # Only static assets are compressed: compressing pages that carry CSRF tokens would
        # open them to BREACH-style attacks.
        "COMPRESS_MIMETYPES": [
            "text/css",
            "text/javascript",
            "application/javascript",
            "image/svg+xml",
        ],
        "COMPRESS_ALGORITHM": ["br", "gzip"],
        # Sign-in throttling per account and source address (services/throttle.py): free
        # attempts, then waits of 2, 4, 8 ... seconds up to the longest wait. No lock.
        "LOGIN_FREE_FAILURES": int(os.environ.get("LOGIN_FREE_FAILURES", "5")),
        "LOGIN_SOURCE_FREE_FAILURES": int(os.environ.get("LOGIN_SOURCE_FREE_FAILURES", "50")),
        "LOGIN_MAX_WAIT": int(os.environ.get("LOGIN_MAX_WAIT", "900")),
        # How many reverse proxies in front add X-Forwarded-For (0: none, use the peer address).
        "TRUSTED_PROXIES": int(os.environ.get("TRUSTED_PROXIES", "0")),
    }
