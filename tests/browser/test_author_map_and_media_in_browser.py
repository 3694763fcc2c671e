"""In real Chromium: an author uploads an image with alt text and puts it in a step, links two
steps from the map and moves a box with the keyboard and by dragging it, then publishes; a learner sees the image
with its alt text."""

from __future__ import annotations

import re

from playwright.sync_api import expect

from app.db import db
from app.services import drafts
from tests.conftest import FIXTURES
from tests.media_samples import png

from .conftest import sign_in

ALT = "Muddy work boots by the front door"


def _draft(make_user) -> int:
    """The test scenario as a draft whose first scene leads nowhere yet."""
    author = make_user("author@example.org", ("author",))
    make_user("player@example.org")
    text = (FIXTURES / "short-visit.scenario").read_text()
    text = text.replace("id: short-visit", "id: boots-visit").replace(
        "Dana says all is well.\n\n-> first\n", "Dana says all is well.\n"
    )
    draft = drafts.import_file(db.session, author, text.encode())
    db.session.commit()
    return draft.id


def _press(page, role: str, name: str) -> None:
    page.get_by_role(role, name=name).press("Enter")
    page.wait_for_load_state()


def test_author_adds_an_image_builds_on_the_map_and_the_learner_sees_it(make_user, page, base_url):
    draft_id = _draft(make_user)
    sign_in(page, base_url, "author@example.org")
    page.goto(f"{base_url}/author/drafts/{draft_id}/media")
    page.get_by_label("Choose an image or audio file").set_input_files(
        {"name": "boots.png", "mimeType": "application/octet-stream", "buffer": png(40, 30)}
    )
    page.get_by_label("Description (needed for an image)").fill(ALT)
    _press(page, "button", "Upload")
    reference = page.locator("code.wp-media-ref").first.inner_text()
    assert reference == f"![{ALT}](media:boots)"

    page.goto(f"{base_url}/author/drafts/{draft_id}/nodes/intro")
    page.get_by_label("Text", exact=True).fill(f"Dana says all is well.\n\n{reference}")
    _press(page, "button", "Save node")

    page.goto(f"{base_url}/author/drafts/{draft_id}/map")
    form = page.locator("form[action$='/map/link']")
    form.get_by_label("From step").select_option("intro")
    form.get_by_label("To step").select_option("first")
    _press(page, "button", "Link the steps")
    expect(page.get_by_text("Saved a link from 'intro' to 'first'")).to_be_visible()
    expect(page.locator("path.wp-map-arrow[data-from='intro'][data-to='first']")).to_have_count(1)

    where = page.locator("#move-intro p").inner_text()
    x, y = (int(v) for v in re.findall(r"\d+", where))
    expect(page).to_have_title(re.compile(r"^Map – [^<]*$"))
    page.get_by_role("button", name="Move intro right").focus()
    # the box that will move is outlined while its buttons have focus, and only then
    expect(page.locator("a[data-node='intro']")).to_have_class(re.compile("wp-map-focused"))
    expect(page.locator("a[data-node='first']")).not_to_have_class(re.compile("wp-map-focused"))
    page.keyboard.press("Enter")
    page.wait_for_load_state()
    expect(page.locator("#move-intro p")).to_have_text(f"At {x + 40}, {y}")

    # with a mouse: drag the 'first' box 80 pixels down; the page reloads with it saved there
    where = page.locator("#move-first p").inner_text()
    x, y = (int(v) for v in re.findall(r"\d+", where))
    page.locator("a[data-node='first']").scroll_into_view_if_needed()
    box = page.locator("a[data-node='first']").bounding_box()
    page.mouse.move(box["x"] + 30, box["y"] + 30)
    page.mouse.down()
    page.mouse.move(box["x"] + 30, box["y"] + 70, steps=5)
    page.mouse.move(box["x"] + 30, box["y"] + 110, steps=5)
    with page.expect_navigation():
        page.mouse.up()
    expect(page.locator("#move-first p")).to_have_text(f"At {x}, {y + 80}")
    assert "/map" in page.url  # letting go of a dragged box does not open its editor

    page.goto(f"{base_url}/author/drafts/{draft_id}/publish")
    _press(page, "button", "Publish version 1")
    expect(page.get_by_text("is published")).to_be_visible()

    page.context.clear_cookies()
    sign_in(page, base_url, "player@example.org")
    page.goto(f"{base_url}/scenarios/boots-visit")
    _press(page, "button", "Start scenario")
    image = page.get_by_role("img", name=ALT)
    expect(image).to_be_visible()
    assert image.evaluate("img => img.complete && img.naturalWidth") == 40


def test_the_plain_english_check_follows_the_text_as_the_author_types(make_user, page, base_url):
    draft_id = _draft(make_user)
    sign_in(page, base_url, "author@example.org")
    page.goto(f"{base_url}/author/drafts/{draft_id}/nodes/intro")
    coach = page.locator(".wp-coach")
    expect(coach).not_to_contain_text("A sentence of")
    long = " ".join(["the worker and the family talk about the week at home"] * 3) + "."
    text = page.get_by_label("Text", exact=True)
    text.fill(f"Dana says all is well. {long.capitalize()}")
    text.press("End")  # typing, not a save: the page is not reloaded
    expect(page.get_by_text(re.compile(r"Saved at \d\d:\d\d"))).to_be_visible()
    expect(coach).to_contain_text("A sentence of 33 words")
    expect(text).to_be_focused()
