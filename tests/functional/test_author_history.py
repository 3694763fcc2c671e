"""Never lose work: every save is in the draft's history, any save can be compared with the
draft now and brought back, and a deleted step comes back with one click."""

from __future__ import annotations

import re

from app.engine import parse
from tests.conftest import csrf_token

from .author_helpers import build_small_scenario, draft_text, save_node


def _delete(browser, draft_id: int, node_id: str):
    url = f"/author/drafts/{draft_id}/nodes/{node_id}/delete"
    return browser.submit(url, {})


def test_deleting_a_step_offers_undo_which_brings_it_back_as_it_was(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    response = _delete(browser, draft_id, "poor-end")
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).text
    assert "Step ‘poor-end’ deleted." in page
    assert "poor-end" not in parse(draft_text(draft_id))[0].nodes
    undo = re.search(r'action="([^"]*/bring-back/poor-end)"', page).group(1)
    back = client.post(undo, data={"csrf_token": csrf_token(page)})
    assert back.status_code == 302 and back.headers["Location"].endswith("/nodes/poor-end")
    restored = parse(draft_text(draft_id))[0].nodes["poor-end"]
    assert restored.outcome == "You took her word" and restored.text == "Think again."


def test_a_deleted_step_comes_back_from_the_history_keeping_later_changes(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    _delete(browser, draft_id, "poor-end")
    save_node(browser, draft_id, "opening", text="You arrive late.", routes=[("ask", "")])
    page = client.get(f"/author/drafts/{draft_id}/history").text
    assert "deleted step &#39;poor-end&#39;" in page
    assert "Bring back step ‘poor-end’" in page
    action = re.search(r'action="([^"]*/bring-back/poor-end)"', page).group(1)
    client.post(action, data={"csrf_token": csrf_token(page)})
    scenario = parse(draft_text(draft_id))[0]
    assert "poor-end" in scenario.nodes
    assert scenario.nodes["opening"].text == "You arrive late."  # the later save is kept
    assert list(scenario.nodes).index("poor-end") == list(scenario.nodes).index("good-end") + 1


def test_history_says_who_saved_what_and_any_save_can_be_compared_and_brought_back(
    auth, browser, client
):
    auth("ada@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    before = draft_text(draft_id)
    save_node(browser, draft_id, "opening", text="A different start.", routes=[("ask", "")])
    page = client.get(f"/author/drafts/{draft_id}/history").text
    assert "by ada" in page and "step &#39;opening&#39;" in page
    assert "The draft now" in page
    # the save before the last one: compare it, then bring it back
    saves = re.findall(r'href="(/author/drafts/\d+/history/(\d+))"', page)
    compare_url, revision_id = saves[0]
    compared = client.get(compare_url).text
    assert "A different start." in compared and "You arrive at the house." in compared
    restore = client.post(
        f"/author/drafts/{draft_id}/history/{revision_id}/restore",
        data={"csrf_token": csrf_token(compared)},
    )
    assert restore.status_code == 302
    assert draft_text(draft_id) == before
    # bringing back is a save too: the text it replaced is still in the history
    again = client.get(f"/author/drafts/{draft_id}/history").text
    assert "brought back save" in again
    assert client.get(f"/author/drafts/{draft_id}/history/{revision_id}").status_code == 200


def test_restoring_needs_a_post_with_a_csrf_token(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    page = client.get(f"/author/drafts/{draft_id}/history").text
    revision_id = re.search(r"/history/(\d+)/restore", page).group(1)
    url = f"/author/drafts/{draft_id}/history/{revision_id}/restore"
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 400
