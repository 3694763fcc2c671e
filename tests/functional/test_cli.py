"""The command line: scenarios check/load/stats, users, demo."""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path

from sqlalchemy import func, inspect, select

from app import create_app
from app.db import db
from app.models import ScenarioVersion, User
from tests.conftest import FIXTURES

ROOT = Path(__file__).resolve().parents[2]


def test_check_names_file_and_line(runner, tmp_path):
    bad = tmp_path / "bad.scenario"
    bad.write_text(
        (FIXTURES / "short-visit.scenario").read_text().replace("-> ending-alone", "-> nowhere")
    )
    result = runner.invoke(args=["scenarios", "check", str(bad)])
    assert result.exit_code == 1
    line = next(i for i, t in enumerate(bad.read_text().splitlines(), 1) if "-> nowhere" in t)
    assert f"{bad}:{line}: unknown-target" in result.output


def test_check_clean_library(runner):
    result = runner.invoke(args=["scenarios", "check", str(ROOT / "scenarios")])
    assert result.exit_code == 0, result.output


def test_check_works_on_a_fresh_clone_before_any_database_upgrade(tmp_path):
    """`make check-scenarios` on a fresh clone: no tables yet, the sources come from content/."""
    fresh = create_app(
        {
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'never-upgraded.db'}",
            "INSTANCE_PATH": str(tmp_path),
        }
    )
    result = fresh.test_cli_runner().invoke(args=["scenarios", "check"])
    assert result.exit_code == 0, result.output
    files = len(list((ROOT / "scenarios").glob("*.scenario")))
    assert f"{files} files checked, 0 problems." in result.output
    with fresh.app_context():
        assert inspect(db.engine).get_table_names() == []  # the check created nothing
    broken = tmp_path / "broken.scenario"
    broken.write_text(
        (FIXTURES / "short-visit.scenario").read_text().replace("-> ending-alone", "-> nowhere")
    )
    result = fresh.test_cli_runner().invoke(args=["scenarios", "check", str(broken)])
    assert result.exit_code == 1 and "unknown-target" in result.output


def test_load_is_idempotent_and_versions_change(runner, tmp_path):
    copy = tmp_path / "short-visit.scenario"
    copy.write_text((FIXTURES / "short-visit.scenario").read_text())
    assert "added" in runner.invoke(args=["scenarios", "load", str(copy)]).output
    assert "unchanged" in runner.invoke(args=["scenarios", "load", str(copy)]).output
    assert db.session.scalar(select(func.count()).select_from(ScenarioVersion)) == 1
    copy.write_text(copy.read_text().replace("Dana says all is well.", "Dana says all is fine."))
    runner.invoke(args=["scenarios", "load", str(copy)])
    assert db.session.scalar(select(func.count()).select_from(ScenarioVersion)) == 2


def test_stats_json(runner):
    result = runner.invoke(args=["scenarios", "stats", "--json", str(FIXTURES)])
    figures = json.loads(result.output)
    row = figures["scenarios"][0]
    assert row["id"] == "short-visit" and row["endings"] == 3 and row["choice_points"] == 2
    assert row["role"] == "Drug and alcohol worker" and row["reading_ease"] > 50
    # best: 'Visit her at home.' (written first) and 'Ask the school...' (written second)
    assert row["bias"]["best"]["options"] == 2 and row["bias"]["poor"]["options"] == 2
    assert row["bias"]["best_position"] == {"0": 1, "1": 1}
    assert figures["library"]["scenarios"] == 1
    assert figures["library"]["roles"] == ["Drug and alcohol worker"]
    assert figures["library"]["bias"]["choices"] == 2


def test_stats_text_gives_the_bias_figures_per_scenario_and_for_the_library(runner):
    output = runner.invoke(args=["scenarios", "stats", str(FIXTURES)]).output
    assert "short-visit: 9 nodes" in output
    assert "best written first at 1 of 2 choices" in output
    assert output.splitlines()[-1].startswith("library: 1 scenario, 1 role;")


def test_users_create_prints_a_link(runner):
    result = runner.invoke(
        args=[
            "users",
            "create",
            "--email",
            "cli@example.org",
            "--name",
            "Cli Person",
            "--role",
            "learner",
        ]
    )
    assert result.exit_code == 0, result.output
    assert "/set-password/" in result.output
    assert db.session.scalar(select(User).where(User.email == "cli@example.org")) is not None


def test_demo_builds_once_with_private_password(app, runner, monkeypatch):
    monkeypatch.delenv("DEMO_PASSWORD", raising=False)
    first = runner.invoke(args=["demo"])
    assert first.exit_code == 0, first.output
    assert "Password for every demo account" in first.output
    path = Path(app.instance_path) / "demo-password.txt"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    users = db.session.scalars(select(User)).all()
    roles = [r for u in users for r in u.roles]
    assert roles.count("admin") == 1 and roles.count("author") == 1
    assert roles.count("supervisor") == 2 and roles.count("learner") >= 60
    assert roles.count("insights") == 1  # a workforce lead who reads only the insights
    assert len({u.agency_id for u in users}) == 5 and len({u.team_id for u in users}) >= 7
    assert "already exists" in runner.invoke(args=["demo"]).output


def test_users_set_changes_roles_supervisor_and_state(runner, make_user):
    make_user("boss@example.org", roles=("supervisor",))
    make_user("worker@example.org")
    result = runner.invoke(
        args=[
            "users",
            "set",
            "worker@example.org",
            "--role",
            "learner",
            "--role",
            "author",
            "--supervisor",
            "boss@example.org",
            "--deactivate",
        ]
    )
    assert result.exit_code == 0, result.output
    user = db.session.scalar(select(User).where(User.email == "worker@example.org"))
    db.session.refresh(user)
    assert user.roles == {"learner", "author"} and not user.active
    assert user.supervisor.email == "boss@example.org"
    refused = runner.invoke(
        args=["users", "set", "worker@example.org", "--supervisor", "worker@example.org"]
    )
    assert refused.exit_code != 0 and "own supervisor" in refused.output
