"""Configuration and organisation set-up an administrator relies on."""

from __future__ import annotations

import os
import stat

import pytest
from sqlalchemy import select

from app import create_app
from app.config import MissingSecretKey
from app.db import db
from app.models import Agency, Team


def test_secret_key_generated_once_and_kept_private(monkeypatch, tmp_path):
    monkeypatch.delenv("SECRET_KEY", raising=False)
    db_uri = f"sqlite:///{tmp_path / 'x.db'}"
    first = create_app({"INSTANCE_PATH": str(tmp_path), "SQLALCHEMY_DATABASE_URI": db_uri})
    second = create_app({"INSTANCE_PATH": str(tmp_path), "SQLALCHEMY_DATABASE_URI": db_uri})
    assert len(first.config["SECRET_KEY"]) >= 32
    assert first.config["SECRET_KEY"] == second.config["SECRET_KEY"]
    assert stat.S_IMODE(os.stat(tmp_path / "secret_key").st_mode) == 0o600
    monkeypatch.setenv("SECRET_KEY", "from-the-environment")
    third = create_app({"INSTANCE_PATH": str(tmp_path), "SQLALCHEMY_DATABASE_URI": db_uri})
    assert third.config["SECRET_KEY"] == "from-the-environment"


def test_postgres_without_a_shared_secret_key_refuses_to_start(monkeypatch, tmp_path):
    """Several servers on one PostgreSQL would each keep their own key, and a learner whose
    next request reached another server would be signed out: no key, no start."""
    monkeypatch.delenv("SECRET_KEY", raising=False)
    monkeypatch.setenv("DATABASE_URL", "postgresql://wp@127.0.0.1:1/nowhere")
    with pytest.raises(MissingSecretKey, match="SECRET_KEY is not set.*every app server"):
        create_app({"INSTANCE_PATH": str(tmp_path)})
    assert not (tmp_path / "secret_key").exists()
    monkeypatch.setenv("SECRET_KEY", "shared-by-every-server")
    app = create_app({"INSTANCE_PATH": str(tmp_path)})
    assert app.config["SECRET_KEY"] == "shared-by-every-server"
    assert app.config["SQLALCHEMY_DATABASE_URI"].startswith("postgresql+psycopg://")


def test_admin_adds_an_agency_and_a_team(auth, browser, client):
    auth("admin@example.org", roles=("admin",))
    added = browser.submit(
        "/admin/organisation",
        {
            "agency-name": "Riverside Youth Service",
            "agency-kind": "other",
            "agency-submit": "Add agency",
        },
    )
    assert added.status_code == 302
    agency = db.session.scalar(select(Agency).where(Agency.name == "Riverside Youth Service"))
    browser.submit(
        "/admin/organisation",
        {"team-agency_id": str(agency.id), "team-name": "Outreach", "team-submit": "Add team"},
    )
    assert db.session.scalar(select(Team).where(Team.name == "Outreach")).agency_id == agency.id
    page = client.get("/admin/organisation")
    assert "Riverside Youth Service" in page.text and "Outreach" in page.text
