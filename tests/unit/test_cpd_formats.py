"""The CPD record's Markdown and CSV: the learner's words kept as theirs, formulas never run."""

from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from app.services.cpd import CpdItem
from app.services.cpd_formats import CSV_COLUMNS, REMINDER, to_csv, to_markdown


def item(**changes) -> CpdItem:
    base = dict(
        kind="scenario",
        ref_id=1,
        on=date(2026, 11, 30),
        activity="A short visit",
        cpd_type="E-learning: a branching safeguarding scenario",
        description="Checking what you are told.",
        minutes=12,
        minutes_note="time spent on its steps",
        participatory=False,
        competencies=["Testing self-report"],
        learnt="Look at the home.\n\n# Not a heading",
        themes=["safety", "people"],
    )
    return CpdItem(**{**base, **changes})


@pytest.mark.parametrize("start", ["=", "+", "-", "@", "\t", "\r"])
def test_csv_cells_never_start_a_formula(start):
    rows = list(csv.reader(io.StringIO(to_csv([item(learnt=start + "1+1", impact="fine")]))))
    assert rows[0] == CSV_COLUMNS
    cell = rows[1][CSV_COLUMNS.index("What I learnt")]
    assert cell == "'" + start + "1+1"
    assert rows[1][CSV_COLUMNS.index("Impact on my practice")] == "fine"


def test_csv_has_one_row_per_entry_with_the_regulators_fields():
    rows = list(csv.reader(io.StringIO(to_csv([item(), item(ref_id=2, participatory=True)]))))
    assert len(rows) == 3
    first = dict(zip(CSV_COLUMNS, rows[1], strict=True))
    assert first["Date"] == "2026-11-30" and first["Time (minutes)"] == "12"
    assert first["NMC Code themes"] == "Preserve safety; Prioritise people"
    assert rows[2][CSV_COLUMNS.index("Participatory")] == "yes"


def test_markdown_quotes_the_learners_words_and_reminds_them():
    text = to_markdown([item(impact="")], "Jo")
    assert text.startswith("# CPD record: Jo") and REMINDER in text
    assert "> Look at the home.\n>\n> # Not a heading" in text  # never a heading of its own
    assert "### Impact on my practice\n\n> (not written yet)" in text
    assert "- Time: 12 minutes (time spent on its steps)" in text
