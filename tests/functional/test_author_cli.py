"""The command line side of authoring: Twine import, and files meeting browser work."""

from __future__ import annotations

import re

from sqlalchemy import func, select

from app.db import db
from app.engine import parse
from app.models import Draft, ScenarioVersion, StoredScenario
from app.services import library, settings
from tests.conftest import FIXTURES

TWINE = FIXTURES / "twine"


def test_import_twine_writes_a_scenario_and_lists_what_it_could_not_map(runner, tmp_path):
    out = tmp_path / "visit.scenario"
    result = runner.invoke(
        args=["scenarios", "import-twine", str(TWINE / "home-visit.html"), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    scenario, problems = parse(out.read_text())
    assert {p.code for p in problems} == {"missing-field"}  # summary, role...: Twine has none
    assert scenario.start == "arrive"
    assert [o.text for o in scenario.nodes["arrive"].options] == [
        "Go in", "Stay on the doorstep", "Ask about the children", "Look towards the kitchen",
    ]  # fmt: skip
    assert "not mapped: In 'Arrive': macro (set: $knocked to true) removed." in result.stderr
    assert "not mapped: The story's JavaScript was not imported" in result.stderr
    assert re.search(r"\d+ problems to fix before it can be loaded", result.stderr)
    assert "(s)" not in result.stderr
    check = runner.invoke(args=["scenarios", "check", str(out)])
    assert check.exit_code == 1 and "missing-feedback" in check.output
    assert re.search(r"1 file checked, \d+ problems\.", check.stderr)


def test_import_twine_to_stdout_and_a_folder_of_stories(runner, tmp_path):
    printed = runner.invoke(args=["scenarios", "import-twine", str(TWINE / "home-visit.twee")])
    assert printed.stdout.startswith("id: the-home-visit\n")
    both = runner.invoke(
        args=["scenarios", "import-twine", str(TWINE / "home-visit.twee"),
              str(TWINE / "home-visit.html"), "-o", str(tmp_path)]
    )  # fmt: skip
    assert both.exit_code == 0 and (tmp_path / "the-home-visit.scenario").exists()
    bad = tmp_path / "notes.txt"
    bad.write_text("nothing here")
    failed = runner.invoke(args=["scenarios", "import-twine", str(bad)])
    assert failed.exit_code == 1 and "not a Twine 2 story" in failed.stderr


def _publish_from_browser(make_user, text: str):
    author = make_user("author@example.org", roles=("author",))
    scenario, _ = parse(text)
    library.publish_text(db.session, scenario, text, "browser", "browser", author.id)
    db.session.commit()


def _versions() -> int:
    return db.session.scalar(select(func.count()).select_from(ScenarioVersion))


def test_changed_file_over_a_browser_version_becomes_a_draft(app, runner, make_user, tmp_path):
    original = (FIXTURES / "short-visit.scenario").read_text()
    copy = tmp_path / "short-visit.scenario"
    copy.write_text(original)
    assert "added" in runner.invoke(args=["scenarios", "load", str(copy)]).output
    _publish_from_browser(make_user, original.replace("Dana says all is well.", "Browser words."))
    assert _versions() == 2
    copy.write_text(original.replace("Dana says all is well.", "File words."))
    result = runner.invoke(args=["scenarios", "load", str(copy)])
    assert result.exit_code == 0
    assert "conflict  short-visit" in result.output
    assert "published from the browser" in result.output and "/author/drafts/" in result.output
    assert _versions() == 2  # nothing published over the browser version
    stored = db.session.scalar(select(StoredScenario))
    assert "Browser words." in stored.current_version.source
    draft = db.session.scalar(select(Draft))
    assert draft.origin == "file" and "File words." in draft.text
    assert draft.base_version_id == stored.current_version_id
    again = runner.invoke(args=["scenarios", "load", str(copy)])
    assert "unchanged" in again.output and "already waiting" in again.output
    assert db.session.scalar(select(func.count()).select_from(Draft)) == 1


def test_with_approval_required_loading_makes_a_draft(app, runner, tmp_path):
    settings.set_approval_required(db.session, True)
    db.session.commit()
    copy = tmp_path / "short-visit.scenario"
    copy.write_text((FIXTURES / "short-visit.scenario").read_text())
    result = runner.invoke(args=["scenarios", "load", str(copy)])
    assert "draft     short-visit" in result.output and "must approve" in result.output
    assert _versions() == 0 and db.session.scalar(select(Draft)).origin == "file"
