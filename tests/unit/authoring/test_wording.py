"""Every checker message an author can meet in the browser reads in the editor's words."""

from __future__ import annotations

import re

from app.authoring.wording import in_editor_words
from app.engine import parse


def test_header_words_become_the_details_fields():
    worded = in_editor_words("'summary:' in the header has no value")
    assert (worded.message, worded.field) == ("the Summary field is empty", "summary")
    worded = in_editor_words("the header has no 'content-note:' line")
    assert (worded.message, worded.field) == ("the Content note field is empty", "content_note")


def test_arrows_become_the_forms_steps():
    assert in_editor_words("this option has no '-> node-id' line").message == (
        "this option has no 'Leads to' step"
    )
    scene = in_editor_words("scene 'opening' has no '->' line, so the learner cannot go on")
    assert scene.message.startswith("this scene has no 'Go to' step")
    assert scene.field == "routes-0-target"


def test_no_line_numbers_and_unknown_messages_pass_through():
    assert in_editor_words("node id 'a' is already used on line 12").message == (
        "node id 'a' is used by another node: give this one a new id"
    )
    assert in_editor_words("no path of choices reaches node 'x'").message == (
        "no path of choices reaches node 'x'"
    )


def test_a_broken_draft_shows_no_file_format_words():
    text = "id: x\ntitle: X\nsummary:\nminutes: ten\n\n=== scene: opening\nHello.\n\n=== ending: end\nBye.\n"
    _, problems = parse(text)
    assert problems
    for problem in problems:
        message = in_editor_words(problem.message).message
        assert not re.search(r"->|'\w+:'|in the header|line \d", message), message
