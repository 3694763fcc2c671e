"""Images and audio: uploaded by authors with alt text or a transcript, refused when hostile,
served with safe headers only to people who may see the scenario, shown by the player, and
every reference that cannot be shown listed as a problem saying why."""

from __future__ import annotations

import io

from tests.conftest import Browser
from tests.media_samples import PNG_HEADER_ON_HTML, SVG_WITH_SCRIPT, ogg, png

from .author_helpers import build_small_scenario, save_node
from .helpers import start


def _upload(browser, draft_id: int, data: bytes, name: str, alt: str = "", transcript: str = ""):
    return browser.submit(
        f"/author/drafts/{draft_id}/media",
        {"file": (io.BytesIO(data), name), "alt": alt, "transcript": transcript},
        content_type="multipart/form-data",
    )


def _learner(app, make_user, email="jo@example.org") -> Browser:
    make_user(email)
    learner = Browser(app.test_client())
    assert learner.login(email).status_code == 302
    return learner


def test_author_uploads_an_image_and_copies_its_reference(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    response = _upload(browser, draft_id, png(), "Boots by door.png", alt="Muddy boots by a door")
    assert response.status_code == 302
    page = client.get(f"/author/drafts/{draft_id}/media").text
    assert "![Muddy boots by a door](media:boots-by-door)" in page
    assert 'alt="Muddy boots by a door"' in page


def test_hostile_empty_oversized_and_undescribed_files_are_refused_saying_why(auth, browser):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    cases = [
        (PNG_HEADER_ON_HTML, "photo.png", "A photo", "web page code"),
        (SVG_WITH_SCRIPT, "drawing.svg", "A drawing", "SVG images are not accepted"),
        (b"", "empty.png", "Nothing", "The file is empty"),
        (png(padding=2 * 1024 * 1024), "huge.png", "Huge", "the largest accepted is 2.0 MB"),
        (png(), "boots.png", "", "Write a description of the image"),
        (ogg(), "voicemail.ogg", "Voicemail", "Write a transcript of the audio"),
        (b"MZ\x90\x00 a program", "notes.mp3", "Notes", "not a file we accept"),
    ]
    for data, name, alt, says in cases:
        response = _upload(browser, draft_id, data, name, alt=alt)
        assert response.status_code == 400, name
        assert says in response.text, name
    assert (
        "No images or audio uploaded yet." in browser.get(f"/author/drafts/{draft_id}/media").text
    )


def test_media_is_served_with_safe_headers_only_to_people_who_may_see_it(
    app, auth, browser, client, make_user
):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    _upload(browser, draft_id, png(), "boots.png", alt="Boots")
    response = client.get("/media/boots")
    assert response.status_code == 200 and response.data == png()
    assert response.headers["Content-Type"] == "image/png"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Disposition"] == 'inline; filename="boots.png"'
    assert "default-src 'none'" in response.headers["Content-Security-Policy"]
    assert "sandbox" in response.headers["Content-Security-Policy"]
    assert response.headers["Cache-Control"] == "private, max-age=3600"
    again = client.get("/media/boots", headers={"If-None-Match": response.headers["ETag"]})
    assert again.status_code == 304 and again.data == b""
    learner = _learner(app, make_user)
    assert learner.get("/media/boots").status_code == 404  # a draft nobody has published
    assert Browser(app.test_client()).get("/media/boots").status_code == 302  # sign in first
    browser.submit(f"/author/drafts/{draft_id}/publish", {})
    assert learner.get("/media/boots").status_code == 200


def test_learner_sees_the_image_with_its_alt_text_and_audio_with_its_transcript(
    app, auth, browser, make_user
):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    _upload(browser, draft_id, png(), "boots.png", alt="Boots")
    _upload(browser, draft_id, ogg(), "call.ogg", alt="The voicemail",
            transcript="Hello, it's Dana.\n\nPlease call me back.")  # fmt: skip
    text = "You arrive.\n\n![Muddy boots by the door](media:boots)\n\n![Audio: the voicemail](media:call)"
    save_node(browser, draft_id, "opening", text=text, routes=[("ask", "")])
    assert browser.submit(f"/author/drafts/{draft_id}/publish", {}).status_code == 302
    learner = _learner(app, make_user)
    page = learner.get(start(learner, "first-visit")).text
    assert '<img class="wp-media-image" src="/media/boots" alt="Muddy boots by the door">' in page
    assert '<audio controls preload="metadata" src="/media/call">' in page
    assert "Audio: the voicemail</figcaption>" in page
    assert "Transcript</span></summary>" in page and "Please call me back." in page


def test_references_that_cannot_be_shown_are_problems_saying_why(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    _upload(browser, draft_id, png(), "boots.png", alt="Boots")
    text = (
        "![A map](https://example.org/map.png)\n\n![A photo](media:no-such-file)\n\n"
        "![](media:boots)\n\n<img src=x onerror=alert(1)>"
    )
    save_node(browser, draft_id, "opening", text=text, routes=[("ask", "")])
    page = client.get(f"/author/drafts/{draft_id}/nodes/opening").text
    assert "the image from another website is not shown to learners" in page
    assert "there is no uploaded image or audio called &#39;no-such-file&#39;" in page
    assert "the image &#39;boots&#39; has nothing between the square brackets" in page
    assert "the HTML &lt;img&gt; is removed" in page
    publish = browser.submit(f"/author/drafts/{draft_id}/publish", {})
    assert publish.status_code == 400
    preview = client.get(f"/author/drafts/{draft_id}/preview?node=opening").text
    assert "[Image not shown: A map]" in preview  # a visible note, not a silent gap
    assert "[Image not shown: A photo]" in preview and "onerror" not in preview


def test_an_author_deletes_a_file_and_its_references_become_problems(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    _upload(browser, draft_id, png(), "boots.png", alt="Boots")
    save_node(browser, draft_id, "opening", text="![Boots](media:boots)", routes=[("ask", "")])
    assert "No problems found" in client.get(f"/author/drafts/{draft_id}").text
    response = browser.submit(
        f"/author/drafts/{draft_id}/media",
        {},
        action=f"/author/drafts/{draft_id}/media/boots/delete",
    )
    assert response.status_code == 302
    assert (
        "no uploaded image or audio called &#39;boots&#39;"
        in client.get(f"/author/drafts/{draft_id}").text
    )
