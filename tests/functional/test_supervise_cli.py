"""`flask supervision check`, the rules in `flask scenarios check`, and the demo activity."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import func, select

from app.db import db
from app.models import Attempt, ReflectionComment, SupervisionSession, User
from app.services import library

ROOT = Path(__file__).resolve().parents[2]


def test_supervision_check_names_file_and_line(runner, tmp_path):
    rules = tmp_path / "rules.txt"
    rules.write_text(
        "=== concern: bad\nwhen: chose no-such-tag in 2+ scenarios\nstage: analysis\nprompt: Why?\n"
    )
    result = runner.invoke(args=["supervision", "check", str(rules)])
    assert result.exit_code == 1
    assert f"{rules}:2: unknown-tag: unknown tag 'no-such-tag'" in result.output


def test_the_real_rules_check_clean_and_scenarios_check_includes_them(runner, app, tmp_path):
    assert runner.invoke(args=["supervision", "check"]).exit_code == 0
    broken = tmp_path / "rules.txt"
    broken.write_text("=== concern: x\nwhen: sometimes\nstage: analysis\nprompt: Why?\n")
    app.config["SUPERVISION_RULES"] = str(broken)
    result = runner.invoke(args=["scenarios", "check"])
    assert result.exit_code == 1 and f"{broken}:2: unknown-when" in result.output


def test_demo_with_activity_fills_dashboards_once(app, runner, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "a demo password for tests")
    vocab = library.vocabulary(app.config["CONTENT_DIR"])
    for path in library.scenario_files([ROOT / "scenarios"]):
        library.load_file(db.session, path, vocab)
    db.session.commit()
    first = runner.invoke(args=["demo", "--with-activity"])
    assert first.exit_code == 0, first.output
    assert "Demo activity added" in first.output
    attempts = db.session.scalar(select(func.count()).select_from(Attempt))
    assert attempts >= 12
    players = select(func.count(func.distinct(Attempt.user_id))).select_from(Attempt)
    assert db.session.scalar(players) >= 60  # enough for insights to show every agency
    agencies = (
        select(func.count(func.distinct(User.agency_id)))
        .select_from(Attempt)
        .join(User, User.id == Attempt.user_id)
    )
    assert db.session.scalar(agencies) == 5
    assert db.session.scalar(select(func.count()).select_from(SupervisionSession)) == 2
    assert db.session.scalar(select(func.count()).select_from(ReflectionComment)) == 2
    again = runner.invoke(args=["demo", "--with-activity"])
    assert "already exists" in again.output
    assert db.session.scalar(select(func.count()).select_from(Attempt)) == attempts


def test_demo_activity_needs_scenarios(runner, monkeypatch):
    monkeypatch.setenv("DEMO_PASSWORD", "a demo password for tests")
    result = runner.invoke(args=["demo", "--with-activity"])
    assert "load the scenarios first" in result.output


def test_supervision_check_reports_rules_written_for_a_learning_source(runner, app):
    """A rule a source carries that no longer reads (here a stage that does not exist) is left
    out of every dashboard; the check names its source and rule so an author can mend it."""
    from app.models import LearningSource, SourceRule, SourceTag

    db.session.add(
        LearningSource(
            slug="kitchen-review",
            title="A kitchen review",
            tags=[SourceTag(key="kitchen-tag", label="A kitchen tag")],
            rules=[
                SourceRule(
                    key="fine", tag="kitchen-tag", stage="analysis", prompt="In {scenarios}?"
                ),
                SourceRule(key="broken", tag="kitchen-tag", stage="later", prompt="Why?"),
            ],
        )
    )
    db.session.commit()
    result = runner.invoke(args=["supervision", "check"])
    assert result.exit_code == 1
    assert "source kitchen-review, rule broken:" in result.output
    assert "rule fine" not in result.output
    assert "2 rules kept by learning sources" in result.output
