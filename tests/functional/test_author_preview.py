"""Preview: play a draft from any node with flags set by hand, recording nothing."""

from __future__ import annotations

import re

from sqlalchemy import func, select, text

from app.db import db
from app.models import Attempt, AttemptAnswer, Reflection, ReflectionDraft

from .author_helpers import add_node, build_small_scenario, save_node, save_option


def _rows() -> dict[str, int]:
    """Rows in every table, to show a preview changes none of them."""
    names = [
        r[0] for r in db.session.execute(text("select name from sqlite_master where type='table'"))
    ]
    return {n: db.session.execute(text(f'select count(*) from "{n}"')).scalar() for n in names}  # noqa: S608


def _learner_rows() -> int:
    return sum(
        db.session.scalar(select(func.count()).select_from(model))
        for model in (Attempt, AttemptAnswer, Reflection, ReflectionDraft)
    )


def test_preview_plays_from_the_start_and_records_nothing(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    add_node(browser, draft_id, "reflection", "think")
    save_node(browser, draft_id, "opening", text="You arrive at the house.", routes=[("think", "")])
    save_node(browser, draft_id, "think", text="What do you expect?", routes=[("ask", "")])
    before = _rows()
    base = f"/author/drafts/{draft_id}/preview"
    start = client.get(base).text
    assert 'name="node"' in start and "Start preview" in start
    page = client.get(base, query_string={"node": "opening"}).text
    assert "You arrive at the house." in page and "Nothing is recorded" in page
    page = client.get(
        base, query_string={"node": "opening", "a": "", "answered": "1", "next": "c"}
    ).text
    assert "What do you expect?" in page
    box = re.search(r"<textarea[^>]*>", page).group(0)
    assert "name=" not in box  # what an author types in preview is never sent
    page = client.get(
        base, query_string={"node": "opening", "a": "c", "answered": "1", "next": "r"}
    ).text
    assert "Dana says all is well." in page
    missing = client.get(base, query_string={"node": "opening", "a": "c.r", "answered": "1"})
    assert "Choose one of the options." in missing.text
    page = client.get(
        base, query_string={"node": "opening", "a": "c.r", "answered": "1", "next": "0"}
    ).text
    assert "You chose:</strong> Ask to see the kitchen." in page
    assert "Seeing the home tests what you are told." in page
    assert "You saw for yourself" in page and "Competency profile for this path" in page
    assert _rows() == before and _learner_rows() == 0


def test_preview_from_any_node_with_flags_set_by_hand(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    save_option(browser, draft_id, "ask", 1, text="Take her word for it.", target="poor-end",
                feedback="Quick.", condition="not saw-home", score_triangulation="-1")  # fmt: skip
    base = f"/author/drafts/{draft_id}/preview"
    without = client.get(base, query_string={"node": "ask"}).text
    assert "Take her word for it." in without and "Flags set: none" in without
    with_flag = client.get(base, query_string={"node": "ask", "flags": "saw-home"}).text
    assert "Take her word for it." not in with_flag and "Flags set: saw-home" in with_flag
    assert 'value="saw-home" checked' in client.get(base, query_string={"flags": "saw-home"}).text


def test_preview_names_a_broken_step_instead_of_failing(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    save_option(browser, draft_id, "ask", 0, text="Go nowhere.", target="", feedback="x")
    page = client.get(f"/author/drafts/{draft_id}/preview", query_string={"node": "ask", "a": "0"})
    assert page.status_code == 200 and "This step cannot be shown" in page.text
