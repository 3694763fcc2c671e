"""In real Chromium: the author walk's eight-step brief, "The boots by the door", written through
"Start from a pattern" (One choice, three endings), previewed on two paths and published; with
everything the author does counted, to estimate their time with the model in
bench/author_time.py (the same model as for the walk and for the editor path).

What is counted, from signing in to the draft's overview (the writing):
- page loads: every full page load in the author's tab;
- saves: submits that store something (creating the draft);
- fields: text fields the author types into; words: the words they type (their own prose:
  scenes, the reflection question, options, feedback, outcomes, debriefs, details);
- judgements: decisions the author thinks out (agencies, each competency, each option's
  strength);
- picks: choices from what the page offers (a supervision question from the bank, a debrief
  opening, confirming the tags suggested for an option).

The model (bench/author_time.py): time = words / WPM + loads x 10 s + saves x 3 s + fields x 2 s
+ judgements x 15 s + picks x 5 s, with WPM calibrated so the walk's path (55 loads, 25 saves,
850 words, 35 fields, 41 judgements) lands at 75 minutes, the middle of its 60-90. The test
prints the three estimates; it asserts the draft, the preview and the publishing, that the
writing takes at most 8 page loads, and that the pattern path's estimate is below the editor's."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from bench.author_time import EDITOR, WALK, Path, calibrated_wpm, table
from tests import pattern_brief as brief

from .conftest import sign_in


class Author:
    """Does what the author does on the page, and counts it."""

    def __init__(self, page) -> None:
        self.page = page
        self.fields = self.words = self.judgements = self.picks = self.saves = 0

    def write(self, name: str, text: str) -> None:
        self.page.locator(f"#{name}").fill(text)
        self.fields += 1
        self.words += len(text.split())

    def judge(self, name: str, value: str) -> None:
        self.page.locator(f'input[name="{name}"][value="{value}"]').check()
        self.judgements += 1

    def pick(self, name: str, value: str) -> None:
        box = self.page.locator(f'[name="{name}"]')
        if box.first.evaluate("e => e.tagName") == "SELECT":
            box.select_option(value)
        else:
            self.page.locator(f'input[name="{name}"][value="{value}"]').check()
        self.picks += 1

    def press(self, button: str, saves: bool = False) -> None:
        self.page.get_by_role("button", name=button).click()
        self.page.wait_for_load_state()
        self.saves += saves


def _fill_the_brief(author: Author) -> None:
    for name, text in brief.DETAILS.items():
        author.write(name, text)
    for agency in brief.AGENCIES:
        author.judge("agencies", agency)
    for key in brief.COMPETENCIES:
        author.judge("competencies", key)
    for name, text in brief.STEPS.items():
        author.write(name, text)
    for i, option in enumerate(brief.OPTIONS):
        author.write(f"what_now__o{i}__text", option["text"])
        author.write(f"what_now__o{i}__feedback", option["feedback"])
        author.judge(f"what_now__o{i}__strength", option["strength"])
        for question in option["questions"]:
            author.pick(f"what_now__o{i}__questions", question)
    for name, ending in brief.ENDINGS.items():
        author.write(f"{name}__outcome", ending["outcome"])
        author.pick(f"{name}__starter", ending["starter"])
        author.write(f"{name}__text", ending["text"])
        for question in ending["questions"]:
            author.pick(f"{name}__questions", question)


def _go(page, button: str) -> None:
    page.get_by_role("button", name=button).click()
    page.wait_for_load_state()


def _play_to(page, option: str, heading: str) -> None:
    """Opening, the reflection, the choice, its feedback, any scene after it, the ending."""
    for answer in ("Continue", "Save and continue"):
        _go(page, answer)
    page.get_by_label(option).check()
    _go(page, "Choose")
    while not page.get_by_role("heading", name=heading).count():
        _go(page, "Continue")
    expect(page.get_by_role("heading", name=heading)).to_be_visible()


@pytest.mark.browser
def test_the_eight_step_brief_from_a_pattern_is_counted_previewed_and_published(
    make_user, page, base_url
):
    make_user("writer@example.org", roles=("author",))
    loads: list[str] = []
    page.on("load", lambda p: loads.append(p.url))
    sign_in(page, base_url, "writer@example.org")
    page.get_by_role("link", name="Authoring").click()
    page.get_by_role("link", name="Start a new scenario").click()
    page.get_by_role("link", name="One choice, three endings").click()
    author = Author(page)
    example = page.locator("details", has_text="Leah opens the door")
    example.locator("summary").click()  # a worked example opens in place
    expect(example.get_by_text("Leah opens the door")).to_be_visible()
    _fill_the_brief(author)

    author.press("Suggest tags and questions")
    expect(page.get_by_text("Tags suggested for 3 of the options")).to_be_visible()
    for i in range(3):  # the author reads each option's suggested tags and keeps them
        ticked = page.locator(f'input[name="what_now__o{i}__tags"]:checked')
        expect(ticked.first).to_be_checked()
        author.picks += 1
    expect(page.locator("#after_3__text")).to_have_value(brief.STEPS["after_3__text"])
    author.press("Create the draft", saves=True)
    expect(page.get_by_text("Draft created from the pattern")).to_be_visible()
    expect(page.locator("#problems")).to_contain_text("The checker found nothing to fix.")
    written = len(loads)

    page.get_by_role("link", name="Preview", exact=True).click()
    _go(page, "Start preview")
    _play_to(page, brief.OPTIONS[1]["text"], "Leah cannot talk with him there")
    page.get_by_role("link", name="Start again from opening").click()
    _play_to(page, brief.OPTIONS[2]["text"], "Leah tells you, in a safe place")
    page.get_by_role("link", name="Publish", exact=True).click()
    page.get_by_role("button", name="Publish version 1 to everyone").click()
    expect(page.get_by_text("Version 1 of 'The boots by the door' is published")).to_be_visible()

    pattern = Path("pattern (this test)", page_loads=written, saves=author.saves,
                   words=author.words, fields=author.fields, judgements=author.judgements,
                   picks=author.picks)  # fmt: skip
    print(f"\npattern path counts: {pattern}")
    print("\n".join(table([WALK, EDITOR, pattern])))
    assert written <= 8, loads
    assert author.words == brief.words_typed()
    wpm = calibrated_wpm(75)
    assert pattern.minutes(wpm) < EDITOR.minutes(wpm) < WALK.minutes(wpm)


@pytest.mark.browser
def test_leaving_the_pattern_page_warns_and_coming_back_brings_the_words_back(
    make_user, page, base_url
):
    make_user("writer@example.org", roles=("author",))
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.type), d.accept()))
    sign_in(page, base_url, "writer@example.org")
    page.goto(base_url + "/author/new/one-choice")
    page.locator("#opening__text").press_sequentially("Work boots by the door.")
    page.get_by_role("link", name="Choose another way to start").click()
    page.wait_for_url("**/author/new")
    assert dialogs == ["beforeunload"]
    page.get_by_role("link", name="One choice, three endings").click()
    expect(page.locator("#opening__text")).to_have_value("Work boots by the door.")
    expect(page.get_by_role("status")).to_contain_text("We brought back what you typed")
    page.get_by_role("button", name="Start afresh").click()
    expect(page.locator("#opening__text")).to_have_value("")
