"""Figures for authors: node counts, and runs of words copied from the review."""

from app.engine.stats import learner_prose, shared_runs, stats

from .helpers import CLEAN, build, scenario

SOURCE = (
    "The practitioners did not speak to the children about what life was like at home "
    "before the review. Working Together to Safeguard Children sets out the duties."
)


def test_stats_counts_the_nodes():
    s = build(
        scenario(
            CLEAN + "\n=== choice: spare\nQ?\n\n* A\n  -> done\n  feedback: F\n"
            "\n=== ending: other\noutcome: Other\n"
        )
    )
    figures = stats(s)
    assert figures["id"] == "test-case"
    assert figures["nodes"] == 6
    assert figures["choice_points"] == 2
    assert figures["endings"] == 2
    assert figures["reflection_prompts"] == 1
    assert figures["flags"] == ["visited-home", "spoke-to-school"]
    assert figures["competencies"] == ["curiosity", "triangulation"]
    assert figures["content_note"] is False
    assert isinstance(figures["reading_ease"], float)


def test_shared_runs_finds_eight_copied_words():
    text = "In our story, the worker did not speak to the children about what she saw."
    assert shared_runs(text, SOURCE) == ["did not speak to the children about what"]
    assert shared_runs("did not speak to the children about", SOURCE) == []  # 7 words
    assert shared_runs("did not speak to the children about it", SOURCE) == []


def test_shared_runs_ignores_case_and_markdown():
    assert shared_runs("**Did NOT speak** to the\nchildren about what", SOURCE) == [
        "did not speak to the children about what"
    ]


def test_shared_runs_ignores_a_cited_title():
    text = "Read Working Together to Safeguard Children sets out the duties for more."
    assert shared_runs(text, SOURCE) != []
    assert shared_runs(text, SOURCE, exceptions=["Working Together to Safeguard Children"]) == []


def test_a_cited_title_wrapped_over_two_lines_is_still_ignored():
    """BUG: shared_runs removes cited titles with an exact-whitespace match, but scenario prose is
    hard-wrapped, so a title split by a line break is reported as copied words."""
    title = "Information sharing: advice for practitioners providing safeguarding services"
    source = f"The review cites {title} in its findings."
    text = (
        "Read Information sharing: advice for practitioners\n"
        "providing safeguarding services before you call."
    )
    assert shared_runs(text.replace("\n", " "), source, exceptions=[title]) == []
    assert shared_runs(text, source, exceptions=[title]) == []


def test_what_you_might_say_is_learner_prose_for_the_content_checks():
    text = scenario(CLEAN).replace(
        "  feedback: You see the home for yourself.",
        "  feedback: You see the home for yourself.\n  say: I would like to see the kitchen.",
    )
    assert "I would like to see the kitchen." in learner_prose(build(text))
