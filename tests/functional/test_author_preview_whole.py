"""Preview shows what the learner will see (the content note, the finding links, "What you might
say") and, beside it, what the supervisor will be asked for the path taken so far."""

from __future__ import annotations

from .author_helpers import build_small_scenario, save_details, save_node, save_option


def _choose_first(client, draft_id: int) -> str:
    base = f"/author/drafts/{draft_id}/preview"
    query = {"node": "opening", "a": "c", "answered": "1", "next": "0"}
    return client.get(base, query_string=query).text


def test_preview_starts_with_the_content_note_learners_see(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    save_details(browser, draft_id, content_note="This scenario mentions domestic abuse.")
    page = client.get(f"/author/drafts/{draft_id}/preview", query_string={"node": "opening"}).text
    assert "Before you start" in page and "This scenario mentions domestic abuse." in page
    later = _choose_first(client, draft_id)
    assert "This scenario mentions domestic abuse." not in later


def test_preview_feedback_links_to_the_briefings_and_shows_what_you_might_say(
    auth, browser, client
):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    save_option(browser, draft_id, "ask", 0, text="Ask to see the kitchen.", target="good-end",
                feedback="Seeing the home tests what you are told.", score_triangulation="2",
                sets=["saw-home"], say="“Could I see where the baby sleeps?”")  # fmt: skip
    page = _choose_first(client, draft_id)
    assert "What this choice relates to" in page
    assert "read the briefing" in page and 'href="/guide/' in page
    assert "What you might say" in page and "Could I see where the baby sleeps?" in page


def test_preview_shows_the_supervisors_questions_for_the_path_so_far(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    save_option(browser, draft_id, "ask", 0, text="Ask to see the kitchen.", target="good-end",
                feedback="Seeing the home tests what you are told.", score_triangulation="2",
                sets=["saw-home"],
                supervision="(analysis) What made you want to see for yourself?")  # fmt: skip
    save_node(browser, draft_id, "good-end", outcome="You saw for yourself", text="Well done.",
              supervision="(action) What will you check on your next visit?")  # fmt: skip
    start = client.get(f"/author/drafts/{draft_id}/preview", query_string={"node": "opening"})
    side = start.text[start.text.index("What the supervisor will be asked") :]
    assert "Nothing yet on this path" in side
    page = _choose_first(client, draft_id)
    side = page[page.index("What the supervisor will be asked") :]
    assert "What made you want to see for yourself?" in side
    assert "What will you check on your next visit?" in side  # the ending reached
    assert "Analysis" in side and "Action" in side
