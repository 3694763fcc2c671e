"""Read a Twine 2 story, published HTML or Twee 3 source, into plain passages.

Only the story data is read: in published HTML, the story format's own code sits outside
`<tw-storydata>` and is ignored; scripts and styles inside it are collected so the importer can
say they were not brought across. Parsing uses the standard library's `html.parser` and `json`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser

MAX_STORY_CHARS = 1024 * 1024  # the upload limit is 1 MB; the CLI is held to the same
MAX_LINE_CHARS = 20_000


class TwineError(ValueError):
    """The upload is not a Twine story we can read."""


@dataclass(frozen=True)
class Passage:
    name: str
    text: str
    tags: tuple[str, ...] = ()
    pid: str = ""


@dataclass
class Story:
    name: str = ""
    start: str = ""  # the start passage's name
    format: str = ""
    passages: list[Passage] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)
    styles: list[str] = field(default_factory=list)


class _StoryHTML(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.story: Story | None = None
        self.start_pid = ""
        self.inside = False
        self.current: dict[str, str] | None = None
        self.kind: str | None = None  # "passage", "script" or "style" while collecting text
        self.buffer: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "tw-storydata" and self.story is None:
            self.inside = True
            self.story = Story(name=values.get("name", ""), format=values.get("format", ""))
            self.start_pid = values.get("startnode", "")
        elif self.inside and tag == "tw-passagedata":
            self.current, self.kind, self.buffer = values, "passage", []
        elif self.inside and tag in ("script", "style"):
            self.kind, self.buffer = tag, []

    def handle_data(self, data: str) -> None:
        if self.kind:
            self.buffer.append(data)

    def handle_endtag(self, tag: str) -> None:
        if not self.inside or self.story is None:
            return
        text = "".join(self.buffer)
        if tag == "tw-passagedata" and self.current is not None:
            self.story.passages.append(
                Passage(
                    name=self.current.get("name", ""),
                    text=text,
                    tags=tuple(self.current.get("tags", "").split()),
                    pid=self.current.get("pid", ""),
                )
            )
            self.current = self.kind = None
        elif tag in ("script", "style") and self.kind == tag:
            (self.story.scripts if tag == "script" else self.story.styles).append(text)
            self.kind = None
        elif tag == "tw-storydata":
            self.inside = False


def read_html(html: str) -> Story:
    parser = _StoryHTML()
    parser.feed(html)
    parser.close()
    story = parser.story
    if story is None:
        raise TwineError("This HTML file has no Twine story in it (no <tw-storydata>)")
    for passage in story.passages:
        _check_lines(passage.text, f"passage '{passage.name[:60]}'")
    by_pid = {p.pid: p.name for p in story.passages}
    story.start = by_pid.get(parser.start_pid, "")
    return story


def _until(text: str, i: int, stops: str) -> int:
    """Index of the first unescaped character of `stops` at or after i (len(text) if none)."""
    while i < len(text) and text[i] not in stops:
        i += 2 if text[i] == "\\" else 1
    return min(i, len(text))


def parse_header(line: str) -> tuple[str, tuple[str, ...]] | None:
    """A Twee 3 passage header `:: name [tags] {metadata}` as (name, tags), or None when the
    line is not one. A hand-written scan, one pass: no pattern that can backtrack."""
    if not line.startswith("::"):
        return None
    end = _until(line, 2, "[{")
    name, rest, tags = line[2:end].strip(), line[end:].strip(), ""
    if rest.startswith("["):
        close = _until(rest, 1, "]")
        if close >= len(rest):
            return None
        tags, rest = rest[1:close], rest[close + 1 :].strip()
    if rest and not (rest.startswith("{") and rest.endswith("}")):
        return None
    return _unescape(name), tuple(tags.split())


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def read_twee(source: str) -> Story:
    _check_lines(source, "the file")
    story = Story()
    current: tuple[str, tuple[str, ...]] | None = None
    lines: list[str] = []
    found: list[tuple[str, tuple[str, ...], str]] = []
    for line in source.replace("\r\n", "\n").split("\n") + ["::"]:
        header = parse_header(line)
        if header is None:
            lines.append(line[1:] if line.startswith("\\::") else line)
            continue
        if current is not None:
            found.append((*current, "\n".join(lines).strip("\n")))
        current, lines = header, []
    if not found:
        raise TwineError("This file has no Twee passages (lines starting '::')")
    for name, tags, text in found:
        if name == "StoryTitle":
            story.name = text.strip()
        elif name == "StoryData":
            try:
                data = json.loads(text or "{}")
            except json.JSONDecodeError:
                raise TwineError("The StoryData passage is not valid JSON") from None
            story.start = str(data.get("start", ""))
            story.format = str(data.get("format", ""))
        elif "script" in tags:
            story.scripts.append(text)
        elif "stylesheet" in tags:
            story.styles.append(text)
        else:
            story.passages.append(Passage(name=name, text=text, tags=tags))
    return story


def _check_size(text: str) -> None:
    """Refuse what no real story needs, before any pattern looks at it."""
    if len(text) > MAX_STORY_CHARS:
        raise TwineError(
            f"This story is larger than {MAX_STORY_CHARS // 1024:,} KB of text: split it into "
            "smaller stories and import each one"
        )


def _check_lines(text: str, where: str) -> None:
    for number, line in enumerate(text.split("\n"), 1):
        if len(line) > MAX_LINE_CHARS:
            raise TwineError(
                f"Line {number} of {where} is longer than {MAX_LINE_CHARS:,} characters: no "
                "story needs lines that long, so the file was not read"
            )


def read_story(data: bytes | str) -> Story:
    """A story from an upload: published HTML or Twee 3, told apart by their content."""
    text = data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
    _check_size(text)
    if "<tw-storydata" in text.lower():
        return read_html(text)
    if any(line.startswith("::") for line in text.split("\n")):
        return read_twee(text)
    raise TwineError("This is not a Twine 2 story: upload the published .html file or a .twee file")
