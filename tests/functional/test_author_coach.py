"""The plain-English coach beside the step editor (updated on save) and as a summary on the
publish page, before publishing."""

from __future__ import annotations

from .author_helpers import build_small_scenario, save_node, save_option

LONG = (
    "Dana says that the baby has been sleeping well in the cot every night this week and that "
    "her partner helps with the feeds whenever he is at home from his work at the depot."
)


def test_the_step_editor_coaches_on_reading_ease_long_sentences_and_terms(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    page = client.get(f"/author/drafts/{draft_id}/nodes/opening").text
    assert "Plain English check" in page and "Too few words to judge" in page
    save_node(browser, draft_id, "opening", text=LONG + " Phone the LADO, then read the EHCP.",
              routes=[("ask", "")])  # fmt: skip
    page = client.get(f"/author/drafts/{draft_id}/nodes/opening").text
    assert "Reading ease <strong>" in page
    assert "A sentence of 35 words (aim for 25 or fewer)" in page
    assert '<mark class="wp-coach__term">LADO</mark>' in page
    assert "EHCP" not in page.split("Plain English check")[1]  # the glossary explains it


def test_a_choice_shows_its_option_bias_and_the_publish_page_sums_it_up(auth, browser, client):
    auth("author@example.org", roles=("author",))
    draft_id = build_small_scenario(browser)
    save_option(browser, draft_id, "ask", 0, text="Calmly explain why you would like to see the kitchen and the cot today.",
                target="good-end", feedback="Seeing the home tests what you are told.",
                score_triangulation="2")  # fmt: skip
    page = client.get(f"/author/drafts/{draft_id}/nodes/ask").text
    assert "the best (highest-scoring) 14.0 words on average, the others 5.0" in page
    assert "The best option is 2.8 times as long as the others." in page
    assert "Only the best option uses &#39;calmly&#39;, &#39;explain&#39;, &#39;why&#39;" in page
    publish = client.get(f"/author/drafts/{draft_id}/publish").text
    assert publish.index("Plain English check") < publish.index("Publish version 1")
    assert f'href="/author/drafts/{draft_id}/nodes/ask#coach-heading">ask</a>' in publish
    assert "The best option is 2.8 times as long as the others." in publish
