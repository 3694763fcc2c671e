"""The editor's promise: whatever an author does through the forms, exporting the draft and
reading the file back gives the same scenario. Compared by meaning, never by text."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.authoring import EditError, apply_to_text, blank_text, lost_in_rewrite, meaning, to_text
from app.engine import parse

from .strategies import edit_for

ROOT = Path(__file__).resolve().parents[3]
STARTS = [
    blank_text("case", "A case"),
    (ROOT / "tests/fixtures/short-visit.scenario").read_text(),
]


def _parsed(text: str):
    scenario, _ = parse(text)
    return scenario


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.data())
def test_edited_scenarios_export_and_reparse_with_the_same_meaning(data):
    text = data.draw(st.sampled_from(STARTS), label="start")
    expected = _parsed(text)
    for _ in range(data.draw(st.integers(1, 40), label="edits")):
        edit = data.draw(edit_for(expected))
        try:
            after = edit.apply(expected)
        except EditError:
            # The editor shows the message and stores nothing: the text path refuses too.
            with pytest.raises(EditError):
                apply_to_text(text, edit)
            continue
        text = apply_to_text(text, edit)  # what the service stores: parse, edit, to_text
        expected = after
        assert meaning(_parsed(text)) == meaning(expected)
        assert lost_in_rewrite(text) == []
    exported = to_text(_parsed(text))
    assert meaning(_parsed(exported)) == meaning(expected)
    assert to_text(_parsed(exported)) == exported  # exporting again changes nothing
