"""Building on the map without JavaScript: add a step after another, link two steps, option
text on the arrows, and moving a box with buttons (saved for the draft)."""

from __future__ import annotations

from app.engine import parse

from .author_helpers import add_node, build_small_scenario, draft_text, new_draft, save_node


def _map(browser, draft_id: int) -> str:
    return browser.get(f"/author/drafts/{draft_id}/map").text


def test_author_adds_a_step_after_a_scene_and_after_a_choice(auth, browser):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    url, action = f"/author/drafts/{draft_id}/map", f"/author/drafts/{draft_id}/map/add"
    data = {"after": "good-end", "kind": "scene", "node_id": "later", "option_text": ""}
    refused = browser.submit(url, data, action=action)
    assert refused.status_code == 400 and "is an ending: the scenario stops there" in refused.text
    data = {"after": "ask", "kind": "scene", "node_id": "phone-call", "option_text": ""}
    refused = browser.submit(url, data, action=action)
    assert refused.status_code == 400 and "write the option the learner picks" in refused.text
    assert 'value="phone-call"' in refused.text  # what was typed is kept
    data["option_text"] = "Ring the school first."
    added = browser.submit(url, data, action=action)
    assert added.headers["Location"].endswith(f"/author/drafts/{draft_id}/nodes/phone-call")
    text = draft_text(draft_id)
    assert "* Ring the school first.\n  -> phone-call" in text and "=== scene: phone-call" in text


def test_author_links_two_steps_and_sees_the_option_on_its_arrow(auth, browser):
    auth("author@example.org", roles=("author",))
    draft_id = new_draft(browser)
    add_node(browser, draft_id, "choice", "what-now")
    add_node(browser, draft_id, "ending", "clinic-visit")
    url, action = f"/author/drafts/{draft_id}/map", f"/author/drafts/{draft_id}/map/link"
    assert (
        browser.submit(url, {"source": "opening", "target": "what-now"}, action=action).status_code
        == 302
    )
    long = "See her alone at the clinic, where her partner does not come, and ask again"
    data = {"source": "what-now", "target": "clinic-visit", "option_text": long}
    assert browser.submit(url, data, action=action).status_code == 302
    assert "-> what-now" in draft_text(draft_id)
    page = _map(browser, draft_id)
    assert f'<g class="wp-map-label"><title>{long}</title>' in page  # the whole text
    assert ">See her alone at the…</text>" in page  # shortened on the arrow
    again = browser.submit(url, {"source": "opening", "target": "what-now"}, action=action)
    assert again.status_code == 400 and "already leads to" in again.text


def test_a_box_moves_with_buttons_and_stays_where_it_was_put(auth, browser):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    url, action = f"/author/drafts/{draft_id}/map", f"/author/drafts/{draft_id}/map/move"
    before = _map(browser, draft_id)
    assert 'name="direction" value="right"' in before and "Move ask right" in before
    for direction in ("right", "right", "down"):
        assert (
            browser.submit(url, {"node": "ask", "direction": direction}, action=action).status_code
            == 302
        )
    after = _map(browser, draft_id)
    start_x, start_y = (
        int(v) for v in before.split('id="move-ask"')[1].split("At ")[1].split("<")[0].split(", ")
    )
    assert f"At {start_x + 80}, {start_y + 40}" in after
    assert (
        browser.submit(url, {"node": "ask", "x": "600", "y": "20"}, action=action).status_code
        == 302
    )
    assert "At 600, 20" in _map(browser, draft_id)
    browser.submit(url, {"node": "ask", "direction": "reset"}, action=action)
    assert f"At {start_x}, {start_y}" in _map(browser, draft_id)


def test_labels_on_boxes_wrap_rather_than_stop_after_twenty_characters(auth, browser):
    auth("author@example.org", roles=("author",))
    draft_id = new_draft(browser)
    save_node(
        browser,
        draft_id,
        "opening",
        text="The boots by the door are muddy and the phone rings twice.",
    )
    page = _map(browser, draft_id)
    assert ">The boots by the door are</text>" in page and ">muddy and the phone…</text>" in page


def test_a_placed_box_follows_its_step_when_renamed_and_goes_when_it_is_deleted(auth, browser):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    url, action = f"/author/drafts/{draft_id}/map", f"/author/drafts/{draft_id}/map/move"
    browser.submit(url, {"node": "ask", "x": "600", "y": "20"}, action=action)
    ask = parse(draft_text(draft_id))[0].nodes["ask"]
    renamed = save_node(browser, draft_id, "ask", new_id="ask-her", text=ask.text)
    assert renamed.status_code == 302
    page = _map(browser, draft_id)
    assert "At 600, 20" in page.split('id="move-ask-her"')[1].split("</td>")[0]
    delete = f"/author/drafts/{draft_id}/nodes/ask-her/delete"
    assert browser.submit(delete, {}).status_code == 302
    add_node(browser, draft_id, "choice", "ask-her")  # a new step with the old name
    page = _map(browser, draft_id)
    assert "At 600, 20" not in page.split('id="move-ask-her"')[1].split("</td>")[0]
