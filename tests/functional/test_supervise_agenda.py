"""The printable agenda: prompts grouped by a reflective cycle, what raised each one, the
reflections they refer to, and space for notes."""

from __future__ import annotations

import re
from pathlib import Path

from .supervision_world import jo_leans_on_accounts, play, sign_in


def phases(html: str) -> list[str]:
    return re.findall(r'<h2 class="govuk-heading-m" id="phase-\d">(\w[\w ]*?) <span', html)


def section(html: str, title: str) -> str:
    """The agenda's part for one phase, up to the next phase."""
    start = html.index(f">{title} <span")
    end = html.find('<section class="wp-phase', start)
    return html[start : end if end > 0 else len(html)]


def test_agenda_groups_prompts_by_kolb_with_triggers_and_quoted_reflections(world, browser, client):
    jo_leans_on_accounts(world)
    sign_in(browser, world.sam)
    page = client.get(f"/supervise/learners/{world.jo.id}/agenda").text
    assert phases(page) == ["Experience", "Reflection", "Analysis", "Action"]
    thinking = section(page, "Analysis")
    assert (
        "In A short visit and The school rings you took a parent&#39;s word as enough." in thinking
    )
    assert (
        "Raised by: “Relied on a parent&#39;s own account” chosen at 2 of 2 decisions" in thinking
    )
    assert "Relates to Testing self-report (finding 3)." in thinking
    # the reflection written after the weak choice is quoted once, numbered, with its question
    assert "See R1." in thinking
    assert re.search(r"<strong>R1</strong> · The school rings", page)
    assert "Whose account do you rely on when a parent says all is well?" in page
    # authored prompts from the option chosen and the ending reached
    assert "What made the dad&#39;s account feel like enough?" in section(page, "Reflection")
    assert "Who will you hear from next time a parent says all is well?" in section(page, "Action")
    assert page.count('class="wp-notes"') == 4 and "Agreed actions and due dates" in page


def test_strengths_are_named_apart(world, browser, client):
    play(world.dan, "school-call", ["Ask Kai how his mornings are going."], ["Kai told me a lot."])
    sign_in(browser, world.sam)
    page = client.get(f"/supervise/learners/{world.dan.id}/agenda").text
    strengths = page[page.index("Strengths worth naming") :]
    assert "You checked with others in The school rings. What helped you do that?" in strengths
    assert "You checked with others" not in page[: page.index("Strengths worth naming")]


def test_the_cycle_is_an_organisation_setting(world, app, browser, client):
    jo_leans_on_accounts(world)
    app.config["SUPERVISION_CYCLE"] = "gibbs"
    sign_in(browser, world.sam)
    page = client.get(f"/supervise/learners/{world.jo.id}/agenda").text
    assert "Gibbs&#39; reflective cycle" in page
    assert phases(page) == ["Experience", "Reflection", "Analysis", "Action"]
    assert "Feelings and evaluation: what were you feeling?" in page
    app.config["SUPERVISION_CYCLE"] = "4x4x4"
    page = client.get(f"/supervise/learners/{world.jo.id}/agenda").text
    assert "Plan and act: what will you do" in page


def test_a_long_agenda_is_cut_for_paper_and_can_be_shown_whole(world, browser, client, monkeypatch):
    from app.supervise import views

    monkeypatch.setattr(views, "AGENDA_PER_PHASE", 1)
    jo_leans_on_accounts(world)
    sign_in(browser, world.sam)
    short = client.get(f"/supervise/learners/{world.jo.id}/agenda").text
    whole = client.get(f"/supervise/learners/{world.jo.id}/agenda?all=1").text
    assert "1 more at this stage." in section(short, "Reflection")
    assert "Show every prompt" in short and "Show every prompt" not in whole
    assert short.count('class="wp-prompt"') < whole.count('class="wp-prompt"')
    assert "What made the dad&#39;s account feel like enough?" in section(whole, "Reflection")


def test_print_stylesheet_hides_the_chrome_and_keeps_space_for_notes():
    css = (Path(__file__).resolve().parents[2] / "app/static/src/app.scss").read_text()
    print_rules = css[css.index("@media print") :]
    assert ".wp-no-print" in print_rules and ".govuk-service-navigation" in print_rules
    assert "@page { size: A4" in print_rules and ".wp-agenda .wp-notes" in print_rules


def test_printed_agenda_has_room_to_write_and_never_cuts_a_reflection_short():
    css = (Path(__file__).resolve().parents[2] / "app/static/src/app.scss").read_text()
    print_rules = css[css.index("@media print") :]
    print_rules = print_rules[: print_rules.index("\n}\n")]
    boxes = dict(
        re.findall(
            r"\.wp-agenda \.(wp-notes(?:--tall)?) \{[^}]*min-height: ([\d.]+)cm", print_rules
        )
    )
    assert float(boxes["wp-notes"]) >= 2, "a note box should hold a few handwritten lines"
    assert float(boxes["wp-notes--tall"]) >= 3
    clamped = re.findall(r"([^{}]*)\{[^}]*-webkit-line-clamp", print_rules)
    assert not any("wp-reflection" in selector for selector in clamped)
    assert ".wp-quote .wp-reflection { display: block; overflow: visible; }" in print_rules
