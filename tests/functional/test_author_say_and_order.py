"""The option form's "What you might say" and "Keep this option last", and how the node page,
the map and the preview tell an author that learners see options shuffled."""

from __future__ import annotations

import re

from .author_helpers import build_small_scenario, draft_text, save_option

SAY = '"I\'d like to check with the school too."\n\nThat is what I do for every family.'


def _with_extras(browser) -> int:
    draft_id = build_small_scenario(browser)
    response = save_option(browser, draft_id, "ask", 1, text="Take her word for it.",
                           target="poor-end", feedback="Quick, but you only have her account.",
                           score_triangulation="-1", keep_last="y")  # fmt: skip
    assert response.status_code == 302, response.text
    response = save_option(browser, draft_id, "ask", 0, text="Ask to see the kitchen.",
                           target="good-end", feedback="Seeing the home tests what you are told.",
                           score_triangulation="2", sets=["saw-home"], say=SAY)  # fmt: skip
    assert response.status_code == 302, response.text
    return draft_id


def test_say_and_keep_last_are_saved_in_the_file_and_shown_back(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = _with_extras(browser)
    text = draft_text(draft_id)
    assert '  say: "I\'d like to check with the school too."\n\n    That is what I do' in text
    assert "* Take her word for it." in text and text.count("  keep-last: yes") == 1
    form = client.get(f"/author/drafts/{draft_id}/nodes/ask/options/0").text
    assert "What you might say (optional)" in form and "Keep this option last" in form
    assert "That is what I do for every family." in form
    kept = client.get(f"/author/drafts/{draft_id}/nodes/ask/options/1").text
    assert re.search(r'name="keep_last"[^>]*checked', kept)
    assert not re.search(r'name="keep_last"[^>]*checked', form)
    save_option(browser, draft_id, "ask", 1, text="Take her word for it.", target="poor-end",
                feedback="Quick, but you only have her account.", score_triangulation="-1")  # fmt: skip
    assert "keep-last" not in draft_text(draft_id)  # unticked: the option is shuffled again


def test_node_page_map_and_preview_say_which_option_stays_last(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = _with_extras(browser)
    node = client.get(f"/author/drafts/{draft_id}/nodes/ask").text
    assert "order shuffled for each attempt" in node
    assert re.search(
        r"Take her word for it\.</a> → You took her word \(poor-end\) \(kept last\)", node
    )
    assert "Take her word for it. (kept last)" in client.get(f"/author/drafts/{draft_id}/map").text
    base = f"/author/drafts/{draft_id}/preview"
    page = client.get(base, query_string={"node": "ask"}).text
    assert "Learners see these options in an order shuffled for each attempt" in page
    labels = re.findall(r'class="govuk-label govuk-radios__label"[^>]*>(.*?)</label>', page, re.S)
    assert labels[-1].startswith("Take her word for it.") and "(kept last)" in labels[-1]
    chosen = client.get(
        base, query_string={"node": "ask", "a": "", "answered": "1", "next": "0"}
    ).text
    assert "What you might say" in chosen
    assert chosen.index("Seeing the home tests") < chosen.index("That is what I do for every")
