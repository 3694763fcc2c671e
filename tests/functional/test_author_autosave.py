"""Saving as the author types: the editor's script posts a form with `X-Autosave: 1` and gets
JSON back; a save that would overwrite another author's is refused (409) and stops; text in a
form whose token expired is shown again with a button to send it."""

from __future__ import annotations

import re

from app.engine import parse
from tests.conftest import csrf_token

from .author_helpers import build_small_scenario, draft_text, new_draft, save_node

AUTO = {"X-Autosave": "1"}


def _form(client, url: str) -> dict:
    page = client.get(url).text
    loaded = re.search(r'name="loaded" type="hidden" value="([^"]*)"', page)
    loaded = loaded or re.search(r'id="loaded" name="loaded" type="hidden" value="([^"]*)"', page)
    return {"csrf_token": csrf_token(page), "loaded": loaded.group(1) if loaded else ""}


def _node_data(text: str) -> dict:
    return {"new_id": "opening", "kind": "scene", "text": text, "condition": "",
            "else_target": "", "routes-0-target": "", "routes-0-condition": ""}  # fmt: skip


def test_every_editor_page_loads_the_autosave_script_on_its_form(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    for url in (f"/author/drafts/{draft_id}/nodes/opening", f"/author/drafts/{draft_id}/details",
                f"/author/drafts/{draft_id}/nodes/ask/options/0",
                f"/author/drafts/{draft_id}/nodes/ask/options/new",
                f"/author/drafts/{draft_id}/text"):  # fmt: skip
        page = client.get(url).text
        assert "data-autosave" in page, url
        assert re.search(r'<script src="/static/editor.js" nonce="[^"]+" defer>', page), url
    assert client.get("/static/editor.js").status_code == 200


def test_an_autosave_saves_and_answers_with_the_text_the_form_now_carries(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = new_draft(browser)
    url = f"/author/drafts/{draft_id}/nodes/opening"
    first = client.post(url, data={**_form(client, url), **_node_data("You knock.")}, headers=AUTO)
    assert first.status_code == 200 and first.json["action"] == url
    assert parse(draft_text(draft_id))[0].nodes["opening"].text == "You knock."
    # the next keystrokes are saved with what the first answer gave, not refused as stale
    token = _form(client, url)["csrf_token"]
    data = {"csrf_token": token, "loaded": first.json["loaded"], **_node_data("You knock twice.")}
    second = client.post(url, data=data, headers=AUTO)
    assert second.status_code == 200
    assert parse(draft_text(draft_id))[0].nodes["opening"].text == "You knock twice."
    # typing on one form for a while is one step in the history, not one per keystroke
    history = client.get(f"/author/drafts/{draft_id}/history").text
    assert history.count("step &#39;opening&#39;") == 1


def test_an_autosave_after_another_authors_save_stops_and_overwrites_nothing(
    auth, browser, client, app, make_user
):
    auth("author@example.org", roles=("author",))
    draft_id = new_draft(browser)
    url = f"/author/drafts/{draft_id}/nodes/opening"
    mine = _form(client, url)  # drawn before the other author's save
    other = app.test_client()
    make_user("other@example.org", ("author",))
    page = other.get("/login").text
    other.post("/login", data={"csrf_token": csrf_token(page), "email": "other@example.org",
                               "password": "correct horse battery staple"})  # fmt: skip
    from tests.conftest import Browser

    save_node(Browser(other), draft_id, "opening", text="Their words.")
    assert parse(draft_text(draft_id))[0].nodes["opening"].text == "Their words."
    response = client.post(url, data={**mine, **_node_data("My words.")}, headers=AUTO)
    assert response.status_code == 409 and response.json["stale"] is True
    assert "Saving as you type has stopped" in response.json["message"]
    assert parse(draft_text(draft_id))[0].nodes["opening"].text == "Their words."


def test_an_autosave_of_a_form_with_a_mistake_says_what_to_fix(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = new_draft(browser)
    url = f"/author/drafts/{draft_id}/nodes/opening"
    data = {**_form(client, url), **_node_data("Text"), "new_id": "Not An Id"}
    response = client.post(url, data=data, headers=AUTO)
    assert response.status_code == 422
    assert response.json["message"].startswith("Not saved yet: ")


def test_autosaving_a_new_option_moves_the_form_to_that_option(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    url = f"/author/drafts/{draft_id}/nodes/ask/options/new"
    data = {**_form(client, url), "text": "Phone the school.", "target": "", "feedback": "",
            "condition": "", "supervision": "", "score_triangulation": ""}  # fmt: skip
    response = client.post(url, data=data, headers=AUTO)
    assert response.status_code == 200
    assert response.json["action"] == f"/author/drafts/{draft_id}/nodes/ask/options/2"
    data["loaded"] = response.json["loaded"]
    client.post(response.json["action"], data={**data, "text": "Phone the school now."},
                headers=AUTO)  # fmt: skip
    options = parse(draft_text(draft_id))[0].nodes["ask"].options
    assert [o.text for o in options][-1] == "Phone the school now." and len(options) == 3


def test_text_in_a_form_whose_token_expired_is_shown_again_to_save(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = new_draft(browser)
    url = f"/author/drafts/{draft_id}/nodes/opening"
    long_text = "A long scene the author spent an hour on. " * 40
    data = {"csrf_token": "expired", **_node_data(long_text)}
    response = client.post(url, data=data, headers={"Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 400
    assert "Your changes are not saved yet" in response.text
    assert long_text.strip() in response.text
    # the button sends it again with a fresh token, and it is saved
    resent = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">',
                             response.text))  # fmt: skip
    import html

    resent = {k: html.unescape(v) for k, v in resent.items()}
    assert client.post(url, data=resent).status_code == 302
    assert parse(draft_text(draft_id))[0].nodes["opening"].text == long_text.strip()


def test_a_post_from_another_site_is_not_offered_for_saving(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = new_draft(browser)
    url = f"/author/drafts/{draft_id}/nodes/opening"
    data = {"csrf_token": "forged", **_node_data("Words from elsewhere")}
    response = client.post(url, data=data, headers={"Sec-Fetch-Site": "cross-site"})
    assert response.status_code == 400
    assert "Words from elsewhere" not in response.text


def test_text_posted_after_the_session_ended_is_shown_again_to_save(auth, browser, client):
    from sqlalchemy import delete

    from app.db import db
    from app.models import UserSession

    auth("author@example.org", roles=("author",))
    draft_id = new_draft(browser)
    url = f"/author/drafts/{draft_id}/nodes/opening"
    form = _form(client, url)
    db.session.execute(delete(UserSession))  # signed out everywhere, or the session expired
    db.session.commit()
    long_text = "Words written while the session ran out. " * 30
    response = client.post(url, data={**form, **_node_data(long_text)},
                           headers={"Sec-Fetch-Site": "same-origin"})  # fmt: skip
    assert response.status_code == 400
    assert "You have been signed out, so nothing was saved" in response.text
    assert long_text.strip() in response.text
    assert "Sign in again in a new tab" in response.text
