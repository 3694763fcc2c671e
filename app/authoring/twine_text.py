"""Clean one Twine passage's text: take its links out, and remove what our format cannot hold
(macros, story-format variables, unsafe HTML), saying what was removed each time.

Link forms (the same in every story format): `[[target]]`, `[[text|target]]`,
`[[text->target]]` (the rightmost arrow divides) and `[[target<-text]]` (the leftmost arrow
divides). A SugarCube setter, `[[text|target][$x to 1]]`, is a macro: reported, not kept.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import nh3

from ..allowed_html import ALLOWED_ATTRIBUTES, ALLOWED_TAGS

MACROS = (("<<", ">>"), ("<%", "%>"))  # SugarCube and Snowman
HARLOWE_START = re.compile(r"\(([A-Za-z][\w-]*):")
VARIABLE_RE = re.compile(r"\$[A-Za-z_]\w*(?:\.\w+)*")
TAG_RE = re.compile(r"</?([A-Za-z][\w-]*)")
BOLD_RE = re.compile(r"''(.+?)''")
ITALIC_RE = re.compile(r"(?<!:)//(.+?)(?<!:)//")


@dataclass(frozen=True)
class Link:
    text: str
    target: str


def parse_link(inner: str) -> tuple[Link, str | None]:
    """A link's text and target, and a SugarCube setter if it has one."""
    setter = None
    if "][" in inner:
        inner, setter = inner.split("][", 1)
    if "->" in inner:
        text, target = inner.rsplit("->", 1)
    elif "<-" in inner:
        target, text = inner.split("<-", 1)
    elif "|" in inner:
        text, target = inner.split("|", 1)
    else:
        text = target = inner
    return Link(" ".join(text.split()), target.strip()), setter


def _closing(text: str, start: int, open_: str, close: str) -> int:
    """Index just past the bracket closing the one opened before `start` (quotes respected)."""
    depth, quote, i = 1, "", start
    while i < len(text) and depth:
        char = text[i]
        if quote:
            quote = "" if char == quote else quote
        elif char in "\"'":
            quote = char
        elif char == open_:
            depth += 1
        elif char == close:
            depth -= 1
        i += 1
    return i


def _harlowe(text: str, notes: list[str]) -> str:
    """Remove Harlowe macros `(name: ...)`; a hook `[...]` straight after keeps its text."""
    out, i = [], 0
    while (match := HARLOWE_START.search(text, i)) is not None:
        end = _closing(text, match.end(), "(", ")")
        out.append(text[i : match.start()])
        macro = text[match.start() : end]
        if end < len(text) and text[end] == "[":
            hook_end = _closing(text, end + 1, "[", "]")
            out.append(text[end + 1 : hook_end - 1])
            notes.append(f"macro {_short(macro)} removed; the text it controlled is kept")
            end = hook_end
        else:
            notes.append(f"macro {_short(macro)} removed")
        i = end
    return "".join(out) + text[i:]


def _short(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def spans(text: str, open_: str, close: str, least: int = 0):
    """(start, end) of each `open_ ... close` with at least `least` characters inside, leftmost
    and shortest first, as the lazy pattern `open_.{least,}?close` would find them, but in one
    pass: once a closer is missing, no later opener can be closed either."""
    i = 0
    while (start := text.find(open_, i)) >= 0:
        end = text.find(close, start + len(open_) + least)
        if end < 0:
            return
        yield start, end + len(close)
        i = end + len(close)


def _cut(text: str, open_: str, close: str, least: int = 0) -> tuple[str, list[str]]:
    """The text without its `open_ ... close` spans, and the spans' insides."""
    kept, found, i = [], [], 0
    for start, end in spans(text, open_, close, least):
        kept.append(text[i:start])
        found.append(text[start + len(open_) : end - len(close)])
        i = end
    kept.append(text[i:])
    return "".join(kept), found


def split_links(text: str) -> tuple[str, list[Link], list[str]]:
    """The passage text without its links, the links in order, and notes about setters."""
    links: list[Link] = []
    notes: list[str] = []
    text, found = _cut(text, "[[", "]]", least=1)
    for inner in found:
        link, setter = parse_link(inner)
        if setter is not None:
            notes.append(f"link setter [{_short(setter)}] on '{link.text}' removed")
        links.append(link)
    return text, links, notes


def clean(text: str, story_format: str) -> tuple[str, list[str]]:
    """Passage prose as Markdown, and a note for each thing that could not be kept."""
    notes: list[str] = []
    for open_, close in MACROS:
        text, found = _cut(text, open_, close)
        notes.extend(f"macro {_short(open_ + inner + close)} removed" for inner in found)
    text = _harlowe(text, notes)
    for variable in dict.fromkeys(VARIABLE_RE.findall(text)):
        notes.append(f"story variable {variable} removed")
    text = VARIABLE_RE.sub("", text)
    if story_format.lower() not in ("snowman", "chapbook"):
        text = ITALIC_RE.sub(r"*\1*", BOLD_RE.sub(r"**\1**", text))
    if TAG_RE.search(text):
        tags = {t.lower() for t in TAG_RE.findall(text)}
        removed = sorted(tags - ALLOWED_TAGS)
        if removed:
            notes.append("HTML removed: " + ", ".join(f"<{t}>" for t in removed))
        text = nh3.clean(text, tags=ALLOWED_TAGS, attributes=ALLOWED_ATTRIBUTES)
    lines = [" ".join(line.split()) for line in text.split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip(), notes
