"""Writing forwards: "A new step..." in Leads to and Go to creates the step and opens it next;
lists and the side list name steps by their titles; steps and options are copied; options move
up and down."""

from __future__ import annotations

import re

from app.engine import parse
from tests.conftest import csrf_token

from .author_helpers import build_small_scenario, draft_text, new_draft, save_details, save_option

NEW = "__new__"


def test_leads_to_offers_a_new_step_which_is_created_linked_and_opened(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    page = client.get(f"/author/drafts/{draft_id}/nodes/ask/options/new").text
    assert f'<option value="{NEW}">A new step…</option>' in page
    assert "You saw for yourself (good-end)" in page  # steps by title, not only by id
    response = save_option(browser, draft_id, "ask", text="See her alone at clinic.", target=NEW,
                           new_title="Clinic visit", new_kind="scene",
                           feedback="A safe place to talk.")  # fmt: skip
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"/author/drafts/{draft_id}/nodes/clinic-visit")
    scenario = parse(draft_text(draft_id))[0]
    assert scenario.nodes["clinic-visit"].kind == "scene"
    assert scenario.nodes["ask"].options[-1].target == "clinic-visit"
    opened = client.get(response.headers["Location"]).text
    assert "Now write the new step ‘Clinic visit’" in opened


def test_without_a_title_the_new_step_is_asked_for_and_nothing_typed_is_lost(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    before = draft_text(draft_id)
    response = save_option(browser, draft_id, "ask", text="Phone the school.", target=NEW,
                           feedback="Another view.")  # fmt: skip
    assert response.status_code == 400
    assert "Give the new step a title" in response.text
    assert 'id="new-step" data-new-step-fields hidden' not in response.text  # shown: step two
    assert "Phone the school." in response.text and "Another view." in response.text
    assert draft_text(draft_id) == before


def test_go_to_offers_a_new_step_and_an_ending_takes_its_title_as_outcome(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = new_draft(browser)
    save_details(browser, draft_id)
    url = f"/author/drafts/{draft_id}/nodes/opening"
    response = browser.submit(url, {"new_id": "opening", "kind": "scene", "text": "You knock.",
                                    "routes-0-target": NEW, "routes-0-condition": "",
                                    "new_title": "Nobody answers", "new_kind": "ending"})  # fmt: skip
    assert response.status_code == 302
    assert response.headers["Location"].endswith("/nodes/nobody-answers")
    scenario = parse(draft_text(draft_id))[0]
    assert scenario.nodes["opening"].routes[0].target == "nobody-answers"
    assert scenario.nodes["nobody-answers"].outcome == "Nobody answers"


def test_every_editor_page_lists_the_drafts_steps_with_kind_and_problems(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    save_option(browser, draft_id, "ask", 1, text="Take her word for it.", target="poor-end")
    pages = ("nodes/opening", "details", "nodes/ask/options/0", "text", "history", "publish")
    for url in (f"/author/drafts/{draft_id}/{page}" for page in pages):
        page = client.get(url).text
        side = page[page.index('id="steps-heading"') :]
        side = side[: side.index("</nav>")]
        assert "You arrive at the house. (opening)" in side
        assert "You took her word (poor-end)" in side
        assert re.search(r"Choice.*1 <span class=\"govuk-visually-hidden\">problems", side), url


def test_a_step_is_copied_with_its_options(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    page = client.get(f"/author/drafts/{draft_id}/nodes/ask").text
    response = client.post(f"/author/drafts/{draft_id}/nodes/ask/copy",
                           data={"csrf_token": csrf_token(page)})  # fmt: skip
    assert response.headers["Location"].endswith("/nodes/ask-copy")
    scenario = parse(draft_text(draft_id))[0]
    copy = scenario.nodes["ask-copy"]
    assert [o.text for o in copy.options] == [o.text for o in scenario.nodes["ask"].options]
    assert list(scenario.nodes).index("ask-copy") == list(scenario.nodes).index("ask") + 1


def test_options_are_copied_and_moved_up_and_down_with_post_buttons(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    page = client.get(f"/author/drafts/{draft_id}/nodes/ask").text
    assert 'Down<span class="govuk-visually-hidden"> option 1</span>' in page
    assert 'Up<span class="govuk-visually-hidden"> option 1</span>' not in page
    token = csrf_token(page)
    base = f"/author/drafts/{draft_id}/nodes/ask/options"
    client.post(f"{base}/0/move", data={"csrf_token": token, "by": "down"})
    texts = [o.text for o in parse(draft_text(draft_id))[0].nodes["ask"].options]
    assert texts == ["Take her word for it.", "Ask to see the kitchen."]
    client.post(f"{base}/1/move", data={"csrf_token": token, "by": "up"})
    client.post(f"{base}/0/copy", data={"csrf_token": token})
    texts = [o.text for o in parse(draft_text(draft_id))[0].nodes["ask"].options]
    assert texts == ["Ask to see the kitchen.", "Ask to see the kitchen. (copy)",
                     "Take her word for it."]  # fmt: skip
    assert client.get(f"{base}/0/move").status_code == 405
