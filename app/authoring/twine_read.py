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
    by_pid = {p.pid: p.name for p in story.passages}
    story.start = by_pid.get(parser.start_pid, "")
    return story


HEADER_RE = re.compile(
    r"^::\s*(?P<name>(?:\\.|[^\\\[{])*?)\s*(?:\[(?P<tags>(?:\\.|[^\]])*)\])?\s*(?P<meta>\{.*\})?\s*$"
)


def _unescape(text: str) -> str:
    return re.sub(r"\\(.)", r"\1", text)


def read_twee(source: str) -> Story:
    story = Story()
    current: tuple[str, tuple[str, ...]] | None = None
    lines: list[str] = []
    found: list[tuple[str, tuple[str, ...], str]] = []
    for line in source.replace("\r\n", "\n").split("\n") + ["::"]:
        match = HEADER_RE.match(line) if line.startswith("::") else None
        if match is None:
            lines.append(line[1:] if line.startswith("\\::") else line)
            continue
        if current is not None:
            found.append((*current, "\n".join(lines).strip("\n")))
        current = (_unescape(match["name"]), tuple((match["tags"] or "").split()))
        lines = []
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


def read_story(data: bytes | str) -> Story:
    """A story from an upload: published HTML or Twee 3, told apart by their content."""
    text = data.decode("utf-8-sig", errors="replace") if isinstance(data, bytes) else data
    if "<tw-storydata" in text.lower():
        return read_html(text)
    if any(line.startswith("::") for line in text.split("\n")):
        return read_twee(text)
    raise TwineError("This is not a Twine 2 story: upload the published .html file or a .twee file")
