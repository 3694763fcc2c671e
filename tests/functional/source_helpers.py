"""Driving the learning-source pages in functional tests, as an author without JavaScript."""

from __future__ import annotations

SOURCE = "home-safety-review"

SCENARIO = """id: kitchen-talk
title: A talk in the kitchen
summary: A short scenario about asking a parent how things are at home.
role: Family support worker
agencies: other
competencies: routine-enquiry
minutes: 3
sources: home-safety-review
start: ask

=== choice: ask
Sam's mum mentions arguments at home. What do you do?

* Ask her, when you are alone together, whether she feels safe at home.
  -> end
  feedback: Asking when she is alone makes it safer for her to answer.
  scores: routine-enquiry +2
  tags: asked-alone

* Move on to the next topic on your list.
  -> end
  feedback: The moment passes, and she may not raise it again.
  scores: routine-enquiry -1

=== ending: end
outcome: The visit ends
You write up the visit.
"""


def create_source(browser) -> None:
    """A source with one briefing page, one finding, one competency and one tag."""
    url = f"/sources/{SOURCE}"
    steps = [
        ("/sources/", {"slug": SOURCE, "title": "Home safety thematic review",
                       "kind": "thematic", "summary": "What we learnt about asking."}, "/sources/"),
        (url, {"page-slug": "asking-alone", "page-title": "Asking about safety",
               "page-body": "## Why ask alone\n\nA parent may only answer when **alone**."},
         f"{url}/pages"),
        (url, {"finding-number": "1", "finding-title": "Nobody asked",
               "finding-page": "asking-alone"}, f"{url}/findings"),
        (url, {"competency-key": "routine-enquiry",
               "competency-name": "Asking about abuse routinely", "competency-findings": "1",
               "competency-briefing": "asking-alone", "competency-good": "Asks every parent, alone."},
         f"{url}/competencies"),
        (url, {"tag-key": "asked-alone", "tag-label": "Asked the parent when alone"}, f"{url}/tags"),
    ]  # fmt: skip
    for page, data, action in steps:
        response = browser.submit(page, data, action=action)
        assert response.status_code == 302, response.text


def publish_scenario(browser, text: str = SCENARIO, slug: str = "kitchen-talk") -> None:
    response = browser.submit("/author/new", {"title": "A talk in the kitchen", "slug": slug})
    assert response.status_code == 302, response.text
    draft_id = int(response.headers["Location"].rsplit("/", 1)[1])
    response = browser.submit(f"/author/drafts/{draft_id}/text", {"text": text})
    assert response.status_code == 302, response.text
    response = browser.submit(f"/author/drafts/{draft_id}/publish", {})
    assert response.status_code == 302, response.text
