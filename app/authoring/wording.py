"""The checker's problems in the browser editor's words.

The engine writes its messages in the words of the file format ("'summary:' in the header", "no
'->' line"), which `flask scenarios check` prints as they are. An author in the browser never sees
the file, so the editor shows the same problem in the words of its forms and links to the field
that fixes it. This table is the one place where the two vocabularies meet: a message that
matches no row is shown as the checker wrote it, without line numbers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# Header keys of the file format -> (the details form's label, the field's id on that form).
DETAILS_FIELDS: dict[str, tuple[str, str]] = {
    "id": ("Scenario id", "id"),
    "title": ("Title", "title"),
    "summary": ("Summary", "summary"),
    "role": ("The learner's role in the story", "role"),
    "agencies": ("Who it is for", "agencies"),
    "competencies": ("Competencies it teaches", "competencies"),
    "minutes": ("Minutes it takes", "minutes"),
    "flags": ("Flags", "flags"),
    "content-note": ("Content note", "content_note"),
    "start": ("First node", "start"),
}


@dataclass(frozen=True)
class Worded:
    message: str
    field: str | None = None  # the id of the form field that fixes it, when there is one


def _header_key(match: re.Match) -> Worded:
    label, field = DETAILS_FIELDS.get(match["key"], (match["key"], None))
    return Worded(f"the {label} field is empty", field)


# (pattern over the checker's message, how to say it in the editor). First match wins.
_RULES: list[tuple[re.Pattern, object]] = [
    (re.compile(r"'(?P<key>[\w-]+):' in the header has no value"), _header_key),
    (re.compile(r"the header has no '(?P<key>[\w-]+):' line"), _header_key),
    (
        re.compile(r"'minutes' must be a whole number"),
        lambda m: Worded("Minutes it takes must be a whole number, for example 10", "minutes"),
    ),
    (
        re.compile(r"'id' may hold only (?P<rest>.*)"),
        lambda m: Worded(f"the Scenario id may hold only {m['rest']}", "id"),
    ),
    (
        re.compile(r"start node '(?P<id>[^']*)' does not exist"),
        lambda m: Worded(f"the First node '{m['id']}' does not exist: choose another", "start"),
    ),
    (
        re.compile(r"flag '(?P<flag>[^']*)' is not declared in the header's 'flags:' line"),
        lambda m: Worded(f"flag '{m['flag']}' is not listed in the Flags field of the details"),
    ),
    (
        re.compile(r"(?P<kind>\w+) '(?P<id>[^']*)' has no '->' line, so the learner cannot go on"),
        lambda m: Worded(
            f"this {m['kind']} has no 'Go to' step under Where next, so the learner cannot go on",
            "routes-0-target",
        ),
    ),
    (
        re.compile(r"this option has no '-> node-id' line"),
        lambda m: Worded("this option has no 'Leads to' step", "target"),
    ),
    (
        re.compile(r"this option already has a '->' target"),
        lambda m: Worded("this option has more than one 'Leads to' step"),
    ),
    (
        re.compile(r"a (?P<kind>\w+) node cannot have '->' lines"),
        lambda m: Worded(f"a {m['kind']} cannot have Where next steps", "routes-0-target"),
    ),
    (
        re.compile(r"ending '(?P<id>[^']*)' has no 'outcome:'"),
        lambda m: Worded(f"ending '{m['id']}' has no Outcome", "outcome"),
    ),
    (
        re.compile(r"option '(?P<text>.*)' has no 'feedback:'"),
        lambda m: Worded(f"option '{m['text']}' has no Feedback", "feedback"),
    ),
    (
        re.compile(r"node '(?P<id>[^']*)' has 'if:' but no 'else:' for when it does not hold"),
        lambda m: Worded(
            f"node '{m['id']}' is shown only if a condition holds, but has no 'Otherwise go to' "
            "node for when it does not",
            "else_target",
        ),
    ),
    (
        re.compile(r"node '(?P<id>[^']*)': its 'else:' targets lead round in a circle"),
        lambda m: Worded(
            f"node '{m['id']}': its 'Otherwise go to' nodes lead round in a circle", "else_target"
        ),
    ),
    (
        re.compile(r"node id '(?P<id>[^']*)' is already used on line \d+"),
        lambda m: Worded(f"node id '{m['id']}' is used by another node: give this one a new id"),
    ),
    (
        re.compile(r"'supervision:' needs a question"),
        lambda m: Worded("a Question for supervision is empty", "supervision"),
    ),
    (
        re.compile(r"'(?P<key>[\w-]+)' is given twice in the header"),
        lambda m: Worded(
            f"the {DETAILS_FIELDS.get(m['key'], (m['key'],))[0]} field is given twice"
        ),
    ),
]

_LINE_NUMBER = re.compile(r" (?:on|at) line \d+")


def in_editor_words(message: str) -> Worded:
    """The checker's `message` as the browser editor says it, with the field to link to."""
    for pattern, say in _RULES:
        match = pattern.fullmatch(message)
        if match:
            return say(match)
    return Worded(_LINE_NUMBER.sub("", message))
