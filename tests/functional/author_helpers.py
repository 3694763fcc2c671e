"""Driving the authoring pages in functional tests, the way an author without JavaScript would."""

from __future__ import annotations

import re

from app.db import db
from app.models import Draft

DETAILS = {
    "id": "first-visit",
    "title": "A first visit",
    "summary": "A short visit to a family.",
    "role": "Health visitor",
    "agencies": ["health"],
    "competencies": ["triangulation"],
    "minutes": "5",
    "flags": "saw-home",
    "content_note": "",
    "start": "opening",
}


def new_draft(browser, slug: str = "first-visit", title: str = "A first visit") -> int:
    response = browser.submit("/author/new", {"title": title, "slug": slug})
    assert response.status_code == 302, response.text
    return int(response.headers["Location"].rsplit("/", 1)[1])


def draft_text(draft_id: int) -> str:
    db.session.expire_all()
    return db.session.get(Draft, draft_id).text


def save_details(browser, draft_id: int, **changes):
    return browser.submit(f"/author/drafts/{draft_id}/details", {**DETAILS, **changes})


def add_node(browser, draft_id: int, kind: str, node_id: str):
    return browser.submit(
        f"/author/drafts/{draft_id}",
        {"kind": kind, "node_id": node_id},
        action=f"/author/drafts/{draft_id}/nodes",
    )


def save_node(browser, draft_id: int, node_id: str, **fields):
    """Post the node form with its current values, changed by `fields`; `routes` is a list of
    (target, condition) pairs."""
    data = {"new_id": node_id, "kind": fields.pop("kind", None), "text": "", "condition": "",
            "else_target": "", "outcome": "", "supervision": ""}  # fmt: skip
    routes = fields.pop("routes", [])
    data.update(fields)
    if data["kind"] is None:
        page = browser.get(f"/author/drafts/{draft_id}/nodes/{node_id}").text
        data["kind"] = re.search(r'<option value="(\w+)" selected', page).group(1)
    for i, (target, condition) in enumerate(routes):
        data[f"routes-{i}-target"], data[f"routes-{i}-condition"] = target, condition
    return browser.submit(f"/author/drafts/{draft_id}/nodes/{node_id}", data)


def save_option(browser, draft_id: int, node_id: str, index: int | None = None, **fields):
    url = f"/author/drafts/{draft_id}/nodes/{node_id}/options/" + (
        "new" if index is None else str(index)
    )
    data = {"text": "", "target": "", "feedback": "", "condition": "", "supervision": "",
            "score_triangulation": ""}  # fmt: skip
    data.update(fields)
    return browser.submit(url, data)


def build_small_scenario(browser) -> int:
    """A valid draft: a scene, a choice with two options, two endings."""
    draft_id = new_draft(browser)
    assert save_details(browser, draft_id).status_code == 302
    for kind, node_id in (("choice", "ask"), ("ending", "good-end"), ("ending", "poor-end")):
        add_node(browser, draft_id, kind, node_id)
    save_node(browser, draft_id, "opening", text="You arrive at the house.", routes=[("ask", "")])
    save_node(browser, draft_id, "ask", text="Dana says all is well. What do you do?")
    save_option(browser, draft_id, "ask", text="Ask to see the kitchen.", target="good-end",
                feedback="Seeing the home tests what you are told.",
                score_triangulation="2", sets=["saw-home"])  # fmt: skip
    save_option(browser, draft_id, "ask", text="Take her word for it.", target="poor-end",
                feedback="Quick, but you only have her account.", score_triangulation="-1")  # fmt: skip
    save_node(browser, draft_id, "good-end", outcome="You saw for yourself", text="Well done.")
    save_node(browser, draft_id, "poor-end", outcome="You took her word", text="Think again.")
    return draft_id
