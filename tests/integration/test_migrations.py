"""Every table comes from Alembic: upgrading an empty database gives exactly the models."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import upgrade
from sqlalchemy import inspect

from app import create_app
from app.db import db
from app.models import PERSONAL_DATA


def test_upgrade_empty_database_matches_models(tmp_path):
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'empty.db'}",
            "SECRET_KEY": "x",
            "INSTANCE_PATH": str(tmp_path),
        }
    )
    with app.app_context():
        upgrade()
        tables = set(inspect(db.engine).get_table_names())
        assert set(db.metadata.tables) <= tables
        with db.engine.connect() as connection:
            diff = compare_metadata(MigrationContext.configure(connection), db.metadata)
        assert diff == []


def test_every_personal_data_table_exists():
    assert set(PERSONAL_DATA) <= set(db.metadata.tables)
    holding_users = {
        t.name
        for t in db.metadata.sorted_tables
        if any(fk.column.table.name == "users" for fk in t.foreign_keys)
    }
    # every table pointing at a person, other than pure references, is listed
    assert holding_users - {"agencies", "teams"} <= set(PERSONAL_DATA) | {"audit_events"}
