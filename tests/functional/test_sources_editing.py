"""Changing and deleting a browser source's findings, competencies and tags: ids stay fixed,
deleting what a scenario uses is refused with the scenario and step, shipped sources are
read-only."""

from __future__ import annotations

from html import unescape

from .source_helpers import SOURCE, create_source, publish_scenario

URL = f"/sources/{SOURCE}"


def _item(kind: str, key: str) -> str:
    return f"{URL}/items/{kind}/{key}"


def test_author_changes_a_finding_competency_and_tag(auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    page = browser.get(_item("tag", "asked-alone")).text
    assert "cannot be changed" in page and 'value="Asked the parent when alone"' in page
    saved = browser.submit(_item("tag", "asked-alone"), {"label": "Asked alone, safely"},
                           action=_item("tag", "asked-alone") + "/save")  # fmt: skip
    assert saved.status_code == 302
    saved = browser.submit(
        _item("competency", "routine-enquiry"),
        {"name": "Routine enquiry", "findings": "1", "briefing": "asking-alone", "good": "Asks."},
        action=_item("competency", "routine-enquiry") + "/save",
    )
    assert saved.status_code == 302
    saved = browser.submit(_item("finding", "1"), {"title": "No one asked", "page": ""},
                           action=_item("finding", "1") + "/save")  # fmt: skip
    assert saved.status_code == 302
    page = browser.get(URL).text
    assert "Asked alone, safely (id <code>asked-alone</code>)" in page
    assert "Routine enquiry (id <code>routine-enquiry</code>" in page
    assert "Finding 1: No one asked" in page


def test_a_bad_change_says_why_and_keeps_the_typing(auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    refused = browser.submit(
        _item("competency", "routine-enquiry"),
        {"name": "Typed name", "findings": "4"},
        action=_item("competency", "routine-enquiry") + "/save",
    )
    assert refused.status_code == 400 and "no finding 4" in refused.text
    assert 'value="Typed name"' in refused.text
    assert "Asking about abuse routinely" in browser.get(URL).text  # nothing stored


def test_deleting_what_a_scenario_uses_names_the_scenario_and_step(auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    publish_scenario(browser)
    tag = browser.submit(
        _item("tag", "asked-alone"), {}, action=_item("tag", "asked-alone") + "/delete"
    )
    assert tag.status_code == 400
    assert "scenario 'A talk in the kitchen' (version 1), step 'ask', option 1" in unescape(
        tag.text
    )
    comp = browser.submit(_item("competency", "routine-enquiry"), {},
                          action=_item("competency", "routine-enquiry") + "/delete")  # fmt: skip
    assert comp.status_code == 400 and "its details (competencies)" in unescape(comp.text)
    finding = browser.submit(_item("finding", "1"), {}, action=_item("finding", "1") + "/delete")
    assert finding.status_code == 400
    assert "competency 'Asking about abuse routinely' of this source" in unescape(finding.text)
    page = browser.get(URL).text
    assert "asked-alone" in page and "routine-enquiry" in page and "Finding 1" in page


def test_deleting_an_unused_tag(auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    browser.submit(URL, {"tag-key": "spare", "tag-label": "A spare tag"}, action=f"{URL}/tags")
    gone = browser.submit(_item("tag", "spare"), {}, action=_item("tag", "spare") + "/delete")
    assert gone.status_code == 302
    assert "A spare tag" not in browser.get(URL).text
    assert browser.get(_item("tag", "spare")).status_code == 404


def test_shipped_source_is_read_only_with_a_reason(auth, browser):
    auth("author@example.org", roles=("author",))
    page = browser.get("/sources/lcspr")
    assert page.status_code == 200 and "read-only here" in page.text
    assert "content/sources/lcspr/" in page.text and "change or delete" not in page.text
    assert "Finding 3:" in page.text and "<code>relied-on-self-report</code>" in page.text
    assert browser.get("/sources/lcspr/items/tag/relied-on-self-report").status_code == 404
    assert 'href="/sources/lcspr"' in browser.get("/sources/").text


def test_a_briefing_page_is_deleted_only_when_nothing_sends_learners_to_it(auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    page_url = f"{URL}/pages/asking-alone"
    refused = browser.submit(f"{page_url}/edit", {}, action=f"{page_url}/delete")
    assert refused.status_code == 400
    said = unescape(refused.text)
    assert "finding 1 of this source" in said
    assert "competency 'Asking about abuse routinely' of this source" in said
    assert browser.get(page_url).status_code == 200  # still there
    browser.submit(_item("finding", "1"), {"title": "Nobody asked", "page": ""},
                   action=_item("finding", "1") + "/save")  # fmt: skip
    browser.submit(
        _item("competency", "routine-enquiry"),
        {"name": "Asking about abuse routinely", "findings": "1", "briefing": "", "good": "Asks."},
        action=_item("competency", "routine-enquiry") + "/save",
    )
    gone = browser.submit(f"{page_url}/edit", {}, action=f"{page_url}/delete")
    assert gone.status_code == 302
    assert browser.get(page_url).status_code == 404
    assert "No briefing pages yet." in browser.get(URL).text


def test_a_source_is_deleted_only_when_no_scenario_names_it(auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    publish_scenario(browser)
    refused = browser.submit(URL, {}, action=f"{URL}/delete")
    assert refused.status_code == 400
    assert "scenario 'A talk in the kitchen' (version 1)" in unescape(refused.text)
    assert browser.get(f"{URL}/pages/asking-alone").status_code == 200
    spare = "/sources/spare-review"
    made = browser.submit("/sources/", {"slug": "spare-review", "title": "A spare review",
                                        "kind": "review", "summary": ""}, action="/sources/")  # fmt: skip
    assert made.status_code == 302
    browser.submit(spare, {"page-slug": "notes", "page-title": "Notes", "page-body": "Read."},
                   action=f"{spare}/pages")  # fmt: skip
    gone = browser.submit(spare, {}, action=f"{spare}/delete")
    assert gone.status_code == 302
    listed = browser.get("/sources/").text
    assert "Deleted the learning source" in listed and f'href="{spare}"' not in listed
    assert browser.get(f"{spare}/pages/notes").status_code == 404
