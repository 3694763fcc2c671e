"""PostgreSQL for the integration tests: `make test` starts a throwaway server and sets
TEST_DATABASE_URL. Each test process (pytest-xdist worker) gets its own database on it, so the
tests can run side by side. Without the URL the PostgreSQL tests skip, except in CI (CI set),
where a missing PostgreSQL is a failure, not a silent skip."""

from __future__ import annotations

import os

import pytest
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url


@pytest.fixture(scope="session")
def postgres_url(worker_id: str) -> str:
    """A SQLAlchemy URL (psycopg 3) of a database only this test process uses."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("TEST_DATABASE_URL is not set in CI: run the suite with `make test`")
        pytest.skip("no PostgreSQL (TEST_DATABASE_URL unset): run the suite with `make test`")
    base = make_url(url).set(drivername="postgresql+psycopg")
    name = f"{base.database}_{worker_id}".replace("-", "_")
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    with admin.connect() as connection:
        exists = connection.scalar(
            text("SELECT 1 FROM pg_database WHERE datname = :name"), {"name": name}
        )
        if not exists:
            connection.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return base.set(database=name).render_as_string(hide_password=False)


from .lti_steps import platform, registered  # noqa: E402, F401 - the LTI tests' simulated platform
