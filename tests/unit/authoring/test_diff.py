"""The approver's diff: node by node, by meaning rather than layout."""

from __future__ import annotations

from pathlib import Path

from app.authoring.diff import diff

ROOT = Path(__file__).resolve().parents[3]
OLD = (ROOT / "tests/fixtures/short-visit.scenario").read_text()


def test_changed_added_and_removed_nodes_each_get_a_section():
    new = OLD.replace("A week passes.", "Two weeks pass.")
    new = new.replace(
        "=== ending: ending-alone\noutcome: You saw only her account\nNothing joined up.\n", ""
    )
    new += "\n=== ending: extra\noutcome: Extra\nMore.\n"
    sections = {s.key: s for s in diff(OLD, new)}
    assert set(sections) == {"after-first", "ending-alone", "extra"}
    changed = sections["after-first"]
    assert changed.status == "changed" and changed.title == "Scene after-first"
    assert [(line.op, line.text) for line in changed.lines if line.op != "same"] == [
        ("removed", "A week passes."), ("added", "Two weeks pass."),
    ]  # fmt: skip
    assert sections["ending-alone"].status == "removed"
    assert sections["extra"].status == "added"


def test_comments_and_layout_alone_are_not_changes():
    reflowed = OLD.replace("// A small scenario", "// A different comment").replace(
        "  feedback: Seeing the home tests what you are told.",
        "  feedback:   Seeing the home tests what you are told.   ",
    )
    assert diff(OLD, reflowed) == []


def test_header_changes_and_a_first_version():
    sections = diff(OLD, OLD.replace("minutes: 5", "minutes: 7"))
    assert [s.title for s in sections] == ["Scenario details"]
    assert ("added", "minutes: 7") in [(line.op, line.text) for line in sections[0].lines]
    first = diff("", OLD)
    assert first and {s.status for s in first} == {"added"}


def test_long_unchanged_runs_are_folded():
    long_old = OLD.replace("Dana says all is well.", "\n".join(f"Line {i}." for i in range(20)))
    long_new = long_old.replace("Line 10.", "Line ten.")
    lines = diff(long_old, long_new)[0].lines
    assert any(line.op == "gap" for line in lines) and len(lines) < 12
