"""The meta-test: every table in the schema is either declared in PERSONAL_DATA (so export and
erasure cover it) or listed as not personal, and every column pointing at users is declared."""

from __future__ import annotations

from sqlalchemy import Column, ForeignKey, Integer, MetaData, Table, Text

from app.db import db
from app.services.personal_data import ERASE_RULES, NOT_PERSONAL, PERSONAL_DATA

PERSON_COLUMNS = ("email", "display_name", "user_id", "learner_id")


def uncovered(metadata) -> list[str]:
    """Tables or columns in `metadata` that may hold personal data but that neither export nor
    erasure covers: an empty list when PERSONAL_DATA and NOT_PERSONAL account for everything."""
    declared: dict[str, set[str]] = {}
    for holding in PERSONAL_DATA:
        declared.setdefault(holding.table, set()).update(holding.links)
    problems = []
    for table in sorted(metadata.tables.values(), key=lambda t: t.name):
        to_users = {fk.parent.name for fk in table.foreign_keys if fk.column.table.name == "users"}
        if table.name == "users":
            to_users.add("id")
        if table.name not in declared:
            if table.name not in NOT_PERSONAL:
                problems.append(f"{table.name}: in neither PERSONAL_DATA nor NOT_PERSONAL")
            elif to_users or set(table.columns.keys()) & set(PERSON_COLUMNS):
                problems.append(f"{table.name}: listed as not personal but points at a person")
            continue
        for column in sorted(to_users - declared[table.name]):
            problems.append(f"{table.name}.{column}: points at users but is not declared")
        for column in sorted(declared[table.name] - set(table.columns.keys())):
            problems.append(f"{table.name}.{column}: declared but not in the table")
    return problems


def test_every_table_is_covered_by_export_and_erasure_or_declared_not_personal():
    assert uncovered(db.metadata) == []


def test_a_new_table_pointing_at_users_is_reported():
    metadata = MetaData()
    for table in db.metadata.tables.values():
        table.to_metadata(metadata)
    Table(
        "exercise_notes",
        metadata,
        Column("id", Integer, primary_key=True),
        Column("user_id", ForeignKey("users.id")),
        Column("text", Text),
    )
    Table("free_notes", metadata, Column("id", Integer, primary_key=True), Column("text", Text))
    assert sorted(uncovered(metadata)) == [
        "exercise_notes: in neither PERSONAL_DATA nor NOT_PERSONAL",
        "free_notes: in neither PERSONAL_DATA nor NOT_PERSONAL",
    ]


def test_a_new_column_pointing_at_users_in_a_declared_table_is_reported():
    metadata = MetaData()
    for table in db.metadata.tables.values():
        table.to_metadata(metadata)
    metadata.tables["reflections"].append_column(Column("reviewer_id", ForeignKey("users.id")))
    assert uncovered(metadata) == ["reflections.reviewer_id: points at users but is not declared"]


def test_not_personal_tables_hold_no_link_to_a_person():
    metadata = MetaData()
    for table in db.metadata.tables.values():
        table.to_metadata(metadata)
    metadata.tables["teams"].append_column(Column("lead_id", ForeignKey("users.id")))
    assert uncovered(metadata) == ["teams: listed as not personal but points at a person"]
    assert "teams" in NOT_PERSONAL


def test_every_holding_says_what_erasure_does():
    for holding in PERSONAL_DATA:
        assert holding.erase in ERASE_RULES, holding.name
        assert holding.erase != "keep" or holding.why, f"{holding.name}: say why it is kept"
        assert holding.erase != "blank" or holding.blank, f"{holding.name}: say what is blanked"
    names = [h.name for h in PERSONAL_DATA]
    assert len(names) == len(set(names))
