"""Writing a scenario in the browser: create, edit, delete, and the checker after every save."""

from __future__ import annotations

from app.engine import parse
from tests.conftest import csrf_token

from .author_helpers import (
    add_node,
    build_small_scenario,
    draft_text,
    new_draft,
    save_details,
    save_node,
    save_option,
)


def test_new_draft_lists_what_it_needs_each_linked_to_its_form(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = new_draft(browser)
    page = client.get(f"/author/drafts/{draft_id}").text
    assert "Problems to fix" in page
    # in the editor's words, each linked to the field that fixes it, with no line numbers
    assert (
        f'href="/author/drafts/{draft_id}/details#summary">In scenario details: '
        "the Summary field is empty</a>" in page
    )
    assert (
        f'href="/author/drafts/{draft_id}/nodes/opening#routes-0-target">In node opening: '
        "this scene has no &#39;Go to&#39; step under Where next" in page
    )
    problems = page[
        page.index('id="problems"') : page.index("</section>", page.index('id="problems"'))
    ]
    assert "in the header" not in problems and "-&gt;" not in problems
    assert "Line " not in problems and "line " not in problems


def test_fixing_problems_through_the_forms_empties_the_list(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    page = client.get(f"/author/drafts/{draft_id}").text
    assert "The checker found nothing to fix." in page, page
    scenario, problems = parse(draft_text(draft_id))
    assert problems == []
    ask = scenario.nodes["ask"]
    assert [o.text for o in ask.options] == ["Ask to see the kitchen.", "Take her word for it."]
    assert ask.options[0].scores == {"triangulation": 2} and ask.options[0].sets == ("saw-home",)
    assert scenario.nodes["opening"].routes[0].target == "ask"


def test_each_save_says_how_many_problems_remain(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = new_draft(browser)
    response = save_details(browser, draft_id)
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).text
    assert "Saved the details. This draft has 1 problem, all listed" in page
    assert "has no &#39;Go to&#39; step" in page


def test_an_option_without_feedback_is_flagged_and_linked_to_that_option(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    save_option(browser, draft_id, "ask", 1, text="Take her word for it.", target="poor-end")
    page = client.get(f"/author/drafts/{draft_id}").text
    assert "option &#39;Take her word for it.&#39; has no Feedback" in page
    assert f'href="/author/drafts/{draft_id}/nodes/ask/options/1#feedback">' in page
    option_page = client.get(f"/author/drafts/{draft_id}/nodes/ask/options/1").text
    assert "Problems in this option (1)" in option_page


def test_form_input_the_format_cannot_take_is_refused_with_a_message(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    before = draft_text(draft_id)
    response = save_node(browser, draft_id, "opening", text="x", condition="saw home!",
                         routes=[("ask", "")])  # fmt: skip
    assert response.status_code == 400
    assert "Write a condition like" in response.text
    assert draft_text(draft_id) == before
    response = save_option(browser, draft_id, "ask", 0, text="Ask.", target="good-end",
                           feedback="ok", supervision="(nope) Why?")  # fmt: skip
    assert response.status_code == 400 and "is not a stage" in response.text


def test_renaming_a_node_moves_every_arrow_with_it(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    response = save_node(browser, draft_id, "ask", new_id="first-question",
                         text="Dana says all is well.")  # fmt: skip
    assert response.headers["Location"].endswith("/nodes/first-question")
    scenario, problems = parse(draft_text(draft_id))
    assert problems == [] and scenario.nodes["opening"].routes[0].target == "first-question"


def test_delete_node_asks_first_then_its_arrows_show_as_problems(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    url = f"/author/drafts/{draft_id}/nodes/poor-end/delete"
    ask_page = client.get(url)
    assert "Arrows from ask lead here" in ask_page.text
    assert "poor-end" in parse(draft_text(draft_id))[0].nodes  # nothing deleted by looking
    assert browser.submit(url, {}).status_code == 302
    assert "poor-end" not in parse(draft_text(draft_id))[0].nodes
    page = client.get(f"/author/drafts/{draft_id}").text
    assert "no node has the id &#39;poor-end&#39;" in page


def test_delete_option_and_kind_rules(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    response = save_node(browser, draft_id, "ask", kind="scene", text="x")
    assert response.status_code == 400 and "Delete this choice" in response.text
    url = f"/author/drafts/{draft_id}/nodes/ask/options/1/delete"
    assert "“Take her word for it.” will be deleted." in client.get(url).text
    assert browser.submit(url, {}).status_code == 302
    assert [o.text for o in parse(draft_text(draft_id))[0].nodes["ask"].options] == [
        "Ask to see the kitchen."
    ]


def test_author_text_is_escaped_and_markdown_tricks_are_kept_safely(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    save_node(browser, draft_id, "opening", text="<script>alert(1)</script>\n// not a comment",
              routes=[("ask", "")])  # fmt: skip
    page = client.get(f"/author/drafts/{draft_id}/nodes/opening").text
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;" in page
    assert "// not a comment" in parse(draft_text(draft_id))[0].nodes["opening"].text.replace(
        "&#47;", "/"
    )


def test_edit_as_text_keeps_comments_and_names_unreadable_lines(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    text = draft_text(draft_id).replace(
        "=== ending: poor-end", "// a comment\n=== ending: poor-end"
    )
    text = text.replace(
        "outcome: You took her word", "outcome: You took her word\noutcome: said twice"
    )
    page = client.get(f"/author/drafts/{draft_id}/text")
    response = client.post(f"/author/drafts/{draft_id}/text",
                           data={"csrf_token": csrf_token(page.text), "text": text})  # fmt: skip
    assert response.status_code == 302
    assert "// a comment" in draft_text(draft_id)
    overview = client.get(f"/author/drafts/{draft_id}").text
    assert "Some lines cannot be read" in overview
    blocked = save_node(browser, draft_id, "opening", text="x", routes=[("ask", "")])
    assert blocked.status_code == 400 and "Edit as text" in blocked.text


def test_add_node_with_a_taken_id_is_refused(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    response = add_node(browser, draft_id, "scene", "ask")
    assert response.status_code == 400
    assert "There is already a node called &#39;ask&#39;" in response.text


def test_a_new_scenarios_id_can_change_but_a_published_ones_cannot(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    assert save_details(browser, draft_id, id="second-visit").status_code == 302
    assert parse(draft_text(draft_id))[0].id == "second-visit"
    browser.submit(f"/author/drafts/{draft_id}/publish", {})
    edit = browser.submit(
        "/author/scenarios/second-visit", {}, action="/author/scenarios/second-visit/edit"
    )
    draft_id = int(edit.headers["Location"].rsplit("/", 1)[1])
    response = save_details(browser, draft_id, id="third-visit")
    assert response.status_code == 400 and "its id cannot change" in response.text
    assert parse(draft_text(draft_id))[0].id == "second-visit"


def test_clearing_the_arrows_and_changing_kind_is_one_save(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    refused = save_node(browser, draft_id, "opening", kind="choice", text="x", routes=[("ask", "")])
    assert refused.status_code == 400 and "Remove the &#39;where next&#39; arrows" in refused.text
    response = save_node(browser, draft_id, "opening", kind="choice", text="Now a question.")
    assert response.status_code == 302
    assert parse(draft_text(draft_id))[0].nodes["opening"].kind == "choice"


def test_values_the_forms_do_not_offer_are_kept_and_flagged(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    text = draft_text(draft_id).replace("  set: saw-home", "  set: saw-home, typo-flag")
    page = client.get(f"/author/drafts/{draft_id}/text")
    client.post(
        f"/author/drafts/{draft_id}/text", data={"csrf_token": csrf_token(page.text), "text": text}
    )
    form = client.get(f"/author/drafts/{draft_id}/nodes/ask/options/0").text
    assert "typo-flag (not recognised)" in form
    assert 'name="sets" type="checkbox" value="typo-flag" checked' in form
    assert (
        "flag &#39;typo-flag&#39; is not listed in the Flags field"
        in client.get(f"/author/drafts/{draft_id}").text
    )


def test_the_cli_checker_keeps_the_file_formats_words(runner, tmp_path):
    path = tmp_path / "x.scenario"
    path.write_text("id: x\ntitle: X\nsummary:\n\n=== scene: opening\nHello.\n")
    printed = runner.invoke(args=["scenarios", "check", str(path)])
    assert "'summary:' in the header has no value" in printed.stdout
    assert "scene 'opening' has no '->' line" in printed.stdout
    assert f"{path}:3:" in printed.stdout  # the file's line numbers stay on the command line


def test_details_form_shows_every_error_at_once_and_keeps_what_was_typed(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = new_draft(browser)
    response = save_details(
        browser, draft_id, id="Not An Id", minutes="ten", summary="A doorstep visit."
    )
    assert response.status_code == 400
    page = response.text
    summary = page[
        page.index("govuk-error-summary") : page.index("</ul>", page.index("govuk-error-summary"))
    ]
    assert 'href="#id"' in summary and 'href="#minutes"' in summary
    assert "Enter the minutes as a whole number, like 15" in summary
    assert "A doorstep visit." in page  # nothing typed is lost
    # the saved draft's problems (an empty summary) are not shown beside the typed summary
    assert "the Summary field is empty" not in page
    assert "&#39;summary:&#39;" not in draft_text(draft_id) or "A doorstep" not in draft_text(
        draft_id
    )


def test_edit_as_text_links_to_a_guide_an_author_can_open_in_the_browser(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = new_draft(browser)
    page = client.get(f"/author/drafts/{draft_id}/text").text
    assert "scenarios/README.md" not in page
    assert 'href="/author/format"' in page
    guide = client.get("/author/format")
    assert guide.status_code == 200
    assert '<h1 class="govuk-heading-l">Writing a scenario</h1>' in guide.text
    assert '<h2 class="govuk-heading-m"' in guide.text and "The header" in guide.text
    assert "<pre><code>id: a-quiet-phone-call\ntitle: A quiet phone call" in guide.text
    assert "```" not in guide.text


def test_the_format_guide_is_for_authors_only(auth, client):
    auth("learner@example.org")
    assert client.get("/author/format").status_code == 403


def test_the_map_fits_a_phone_screen_as_a_fitted_drawing_or_a_list(auth, browser, client):
    from pathlib import Path  # noqa: PLC0415

    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    full = client.get(f"/author/drafts/{draft_id}/map").text
    assert 'class="wp-map" id="map" role="region"' in full and 'tabindex="0"' in full
    assert f'href="/author/drafts/{draft_id}/map?fit=1#map">Fit the whole map to the screen' in full
    assert 'href="#map-list">go to the list of nodes' in full
    # the list (table) scrolls inside its own box, never the page
    assert '<div class="wp-scroll-x" id="map-list" role="region"' in full
    assert full.index('id="map-list"') < full.index('<table class="govuk-table">')
    fitted = client.get(f"/author/drafts/{draft_id}/map?fit=1").text
    assert 'class="wp-map wp-map--fit"' in fitted and 'viewBox="0 0 ' in fitted
    assert "Show the map at full size" in fitted
    css = (Path(__file__).resolve().parents[2] / "app/static/src/app.scss").read_text()
    assert ".wp-map--fit svg { width: 100%; height: auto; }" in css
    assert ".wp-scroll-x { overflow-x: auto;" in css


def _hidden(html: str, name: str) -> str:
    import re  # noqa: PLC0415

    return re.search(rf'name="{name}" type="hidden" value="([^"]*)"', html).group(1)


def test_a_stale_save_is_refused_with_the_other_authors_changes_and_keeps_the_text(
    app, auth, browser, client, make_user
):
    from tests.conftest import Browser  # noqa: PLC0415

    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    url = f"/author/drafts/{draft_id}/text"
    mine = client.get(url).text  # I open "Edit as text"...
    loaded, token = _hidden(mine, "loaded"), csrf_token(mine)
    make_user("priya@example.org", ("author",))
    other = Browser(app.test_client())
    other.login("priya@example.org")
    other.submit(  # ...and another author saves first
        f"/author/drafts/{draft_id}/text",
        {"text": draft_text(draft_id).replace("You arrive at the house.", "You knock twice.")},
    )
    my_text = draft_text(draft_id).replace("You knock twice.", "My own careful rewrite.")
    refused = client.post(url, data={"csrf_token": token, "loaded": loaded, "text": my_text})
    assert refused.status_code == 400
    assert "priya saved changes to this draft" in refused.text
    assert "your changes were not saved" in refused.text
    assert "What changed since you opened this page" in refused.text
    assert "+ You knock twice." in refused.text and "- You arrive at the house." in refused.text
    assert "My own careful rewrite." in refused.text  # still in the form
    assert "You knock twice." in draft_text(draft_id)  # nothing overwritten
    # having seen the changes, saving again goes through
    again = client.post(
        url,
        data={"csrf_token": token, "loaded": _hidden(refused.text, "loaded"), "text": my_text},
    )
    assert again.status_code == 302
    assert "My own careful rewrite." in draft_text(draft_id)


def test_a_stale_node_form_is_refused_too(app, auth, browser, client, make_user):
    from tests.conftest import Browser  # noqa: PLC0415

    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    page = client.get(f"/author/drafts/{draft_id}/nodes/opening").text
    make_user("second@example.org", ("author",))
    other = Browser(app.test_client())
    other.login("second@example.org")
    save_details(other, draft_id, title="A renamed visit")
    data = {
        "csrf_token": csrf_token(page),
        "loaded": _hidden(page, "loaded"),
        "new_id": "opening",
        "kind": "scene",
        "text": "Mine.",
        "routes-0-target": "ask",
    }
    refused = client.post(f"/author/drafts/{draft_id}/nodes/opening", data=data)
    assert refused.status_code == 400 and "saved changes to this draft" in refused.text
    assert "A renamed visit" in refused.text and "Mine." in refused.text
    assert "Mine." not in draft_text(draft_id)


def test_a_drafts_comments_survive_saving_a_form(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    text = draft_text(draft_id).replace(
        "=== scene: opening", "// Ask Priya about the hallway.\n=== scene: opening"
    )
    page = client.get(f"/author/drafts/{draft_id}/text")
    client.post(
        f"/author/drafts/{draft_id}/text", data={"csrf_token": csrf_token(page.text), "text": text}
    )
    overview = client.get(f"/author/drafts/{draft_id}").text
    assert "The forms keep them beside the detail or node" in overview
    assert "rewrites the text without them" not in overview
    save_details(browser, draft_id, title="A renamed visit")
    save_node(browser, draft_id, "opening", text="You knock twice.", routes=[("ask", "")])
    after = draft_text(draft_id)
    assert "title: A renamed visit" in after and "You knock twice." in after
    assert "// Ask Priya about the hallway.\n=== scene: opening" in after
