"""Export and import: drafts and versions as files, scenario uploads, Twine uploads."""

from __future__ import annotations

import io

from sqlalchemy import select

from app.authoring import meaning
from app.db import db
from app.engine import parse
from app.models import Draft, StoredScenario
from tests.conftest import FIXTURES

from .author_helpers import build_small_scenario, draft_text

TWINE = FIXTURES / "twine"


def _upload(browser, url: str, data: bytes, name: str):
    return browser.submit(
        url, {"file": (io.BytesIO(data), name)}, content_type="multipart/form-data"
    )


def test_export_draft_and_version_download_the_file_format(auth, browser, client, load_fixture):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    response = client.get(f"/author/drafts/{draft_id}/export")
    assert response.mimetype == "text/plain"
    assert response.headers["Content-Disposition"] == 'attachment; filename="first-visit.scenario"'
    assert response.text == draft_text(draft_id)
    load_fixture()
    stored = db.session.scalar(select(StoredScenario).where(StoredScenario.slug == "short-visit"))
    version = client.get(f"/author/versions/{stored.current_version_id}/export")
    assert version.text == (FIXTURES / "short-visit.scenario").read_text()


def test_upload_a_file_as_a_draft_of_its_scenario(auth, browser, client, load_fixture):
    auth("author@example.org", roles=("author",))
    load_fixture()
    changed = (
        (FIXTURES / "short-visit.scenario").read_text().replace("A week passes.", "Two weeks pass.")
    )
    response = _upload(browser, "/author/import", changed.encode(), "short-visit.scenario")
    assert response.status_code == 302
    draft = db.session.scalar(select(Draft))
    assert draft.slug == "short-visit" and draft.origin == "upload" and draft.text == changed
    publish_page = client.get(f"/author/drafts/{draft.id}/publish").text
    assert "- A week passes." in publish_page and "+ Two weeks pass." in publish_page


def test_an_upload_without_an_id_is_refused_with_a_reason(auth, browser):
    auth("author@example.org", roles=("author",))
    response = _upload(browser, "/author/import", b"title: no id here\n", "x.scenario")
    assert response.status_code == 400 and "has no valid &#39;id:&#39; line" in response.text
    response = _upload(browser, "/author/import", "\udcff".encode("utf-8", "surrogateescape"), "x")
    assert response.status_code == 400 and "not UTF-8 text" in response.text


def test_exported_draft_imported_again_has_the_same_meaning(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    exported = client.get(f"/author/drafts/{draft_id}/export").data
    browser.submit(f"/author/drafts/{draft_id}/delete", {})
    _upload(browser, "/author/import", exported, "first-visit.scenario")
    again = db.session.scalar(select(Draft))
    assert meaning(parse(again.text)[0]) == meaning(parse(exported.decode())[0])


def test_twine_html_becomes_a_draft_with_notes_on_what_was_not_mapped(auth, browser, client):
    auth("author@example.org", roles=("author",))
    response = _upload(
        browser, "/author/import-twine", (TWINE / "home-visit.html").read_bytes(), "story.html"
    )
    assert response.status_code == 302
    page = client.get(response.headers["Location"]).text
    assert "Notes from the import" in page
    assert "macro (set: $knocked to true) removed" in page
    assert "which is not a passage" in page
    assert "6 options need feedback" in page
    assert "option &#39;Go in&#39; has no Feedback" in page  # the checker agrees
    scenario = parse(db.session.scalar(select(Draft)).text)[0]
    assert scenario.start == "arrive" and scenario.nodes["arrive"].kind == "choice"


def test_twine_twee_import_and_a_file_that_is_not_twine(auth, browser):
    auth("author@example.org", roles=("author",))
    response = _upload(
        browser, "/author/import-twine", (TWINE / "home-visit.twee").read_bytes(), "story.twee"
    )
    assert response.status_code == 302
    assert db.session.scalar(select(Draft)).origin == "twine"
    again = _upload(
        browser, "/author/import-twine", (TWINE / "home-visit.twee").read_bytes(), "story.twee"
    )
    assert again.status_code == 302  # a second import gets its own id
    slugs = sorted(d.slug for d in db.session.scalars(select(Draft)))
    assert slugs == ["the-home-visit", "the-home-visit-2"]
    bad = _upload(browser, "/author/import-twine", b"just some words", "notes.txt")
    assert bad.status_code == 400 and "This is not a Twine 2 story" in bad.text
