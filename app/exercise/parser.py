"""Text -> Exercise plus problems, each naming file and line. See exercises/README.md.

A file is a header of `key: value` lines, then blocks that each start `=== kind: id`. A block
opens with its own `key: value` settings (a long value goes on over indented lines); the first
other line starts its prose. A decision's options start with `* ` and carry indented details.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..engine.model import Problem
from .model import Basis, Decision, Exercise, Fragment, Option, Phase, Seat, Typical

BLOCK_RE = re.compile(r"^===\s*(?P<kind>[a-z]+)\s*:\s*(?P<id>\S*)\s*$")
SETTING_RE = re.compile(r"^(?P<key>[a-z][a-z-]*):\s*(?P<value>.*)$")
DETAIL_RE = re.compile(r"^(?P<indent>\s{2,})(?P<key>[a-z][a-z-]*):\s*(?P<value>.*)$")
ID_RE = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
SCORE_RE = re.compile(r"^(?P<key>[a-z-]+)\s*(?P<value>[+-]\d+)$")

HEADER_KEYS = {"id", "title", "summary", "minutes", "content-note"}
BLOCK_KEYS = {
    "seat": {"name"},
    "phase": {"title", "when", "minutes"},
    "fragment": {
        "phase",
        "seat",
        "title",
        "inject",
        "best",
        "advice",
        "changes",
        "changes-why",
        "typical",
        "typical-basis",
        "typical-why",
    },
    "decision": {"phase", "seat", "typical"},
}
OPTION_KEYS = {"feedback", "scores", "tags"}


@dataclass
class _Block:
    kind: str
    id: str
    line: int
    settings: dict[str, tuple[str, int]] = field(default_factory=dict)
    prose: list[str] = field(default_factory=list)
    options: list[dict] = field(default_factory=list)


class _Reader:
    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def problem(self, line: int, code: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, code, message))

    def read(self, text: str) -> tuple[dict[str, tuple[str, int]], list[_Block]]:
        header: dict[str, tuple[str, int]] = {}
        blocks: list[_Block] = []
        target, last_key, in_prose = header, None, False
        for number, raw in enumerate(text.splitlines(), 1):
            line = raw.rstrip()
            if line.lstrip().startswith("//"):
                continue
            if match := BLOCK_RE.match(line):
                kind = match["kind"]
                if kind not in BLOCK_KEYS:
                    self.problem(number, "unknown-block", f"unknown block kind {kind!r}")
                blocks.append(_Block(kind, match["id"], number))
                target, last_key, in_prose = blocks[-1].settings, None, False
                continue
            block = blocks[-1] if blocks else None
            if block is not None and line.startswith("* "):
                block.options.append({"text": (line[2:].strip(), number), "_last": "text"})
                in_prose = True
                continue
            if block is not None and block.options and (detail := DETAIL_RE.match(line)):
                option = block.options[-1]
                key = detail["key"]
                if key not in OPTION_KEYS:
                    self.problem(number, "unknown-detail", f"unknown option detail {key!r}")
                option[key], option["_last"] = (detail["value"].strip(), number), key
                continue
            if block is not None and block.options and line.startswith("  ") and line.strip():
                option = block.options[-1]
                value, at = option[option["_last"]]
                option[option["_last"]] = (f"{value} {line.strip()}", at)
                continue
            if not in_prose and last_key and line.startswith("  ") and line.strip():
                value, at = target[last_key]
                target[last_key] = (f"{value} {line.strip()}", at)
                continue
            if not in_prose and (setting := SETTING_RE.match(line)):
                key = setting["key"]
                allowed = HEADER_KEYS if block is None else BLOCK_KEYS.get(block.kind, set())
                if key not in allowed:
                    where = "the header" if block is None else f"a {block.kind}"
                    self.problem(number, "unknown-setting", f"{key!r} is not a setting of {where}")
                if key in target:
                    self.problem(number, "duplicate-setting", f"{key!r} is set twice")
                target[key], last_key = (setting["value"].strip(), number), key
                continue
            if block is None:
                if line.strip():
                    self.problem(number, "header", "expected 'key: value' or a '=== kind: id' line")
                continue
            if block.options:
                if line.strip():
                    self.problem(number, "after-options", "option details must be indented")
                continue
            if line.strip() or in_prose:
                in_prose = True
                block.prose.append(line)
        return header, blocks


def _split(value: str) -> tuple[str, ...]:
    return tuple(part.strip() for part in value.split(",") if part.strip())


def _prose(block: _Block) -> str:
    return "\n".join(block.prose).strip()


def _int(reader: _Reader, value: tuple[str, int] | None, what: str) -> int:
    if value is None:
        return 0
    if not value[0].isdigit():
        reader.problem(value[1], "not-a-number", f"{what} must be a whole number")
        return 0
    return int(value[0])


def _bases(reader: _Reader, value: tuple[str, int] | None) -> tuple[Basis, ...]:
    if value is None:
        return ()
    found = []
    for word in _split(value[0]):
        if word in set(Basis):
            found.append(Basis(word))
        else:
            choices = ", ".join(Basis)
            reader.problem(value[1], "unknown-basis", f"{word!r} is not a basis ({choices})")
    return tuple(found)


def _option(reader: _Reader, raw: dict) -> Option:
    scores = []
    if "scores" in raw:
        for part in _split(raw["scores"][0]):
            if match := SCORE_RE.match(part):
                scores.append((match["key"], int(match["value"])))
            else:
                reader.problem(raw["scores"][1], "bad-score", f"{part!r} is not 'key +n'")
    return Option(
        text=raw["text"][0],
        feedback=raw.get("feedback", ("", 0))[0],
        scores=tuple(scores),
        tags=_split(raw.get("tags", ("", 0))[0]),
        line=raw["text"][1],
    )


def _fragment(reader: _Reader, block: _Block) -> Fragment:
    get = block.settings.get
    typical = None
    if "typical" in block.settings or "typical-basis" in block.settings:
        bases = _bases(reader, get("typical-basis", ("not-shared", block.line)))
        typical = Typical(
            to=_split(get("typical", ("", 0))[0]),
            basis=bases[0] if bases else Basis.NOT_SHARED,
            why=get("typical-why", ("", 0))[0],
        )
    return Fragment(
        id=block.id,
        phase=get("phase", ("", 0))[0],
        seat=get("seat", ("", 0))[0],
        title=get("title", ("", 0))[0],
        text=_prose(block),
        inject=get("inject", ("no", 0))[0] == "yes",
        best=_bases(reader, get("best")),
        advice=get("advice", ("", 0))[0],
        changes=_split(get("changes", ("", 0))[0]),
        changes_why=get("changes-why", ("", 0))[0],
        typical=typical,
        line=block.line,
    )


def parse(text: str, path: str = "<text>") -> tuple[Exercise | None, list[Problem]]:
    """Read an exercise file. Returns None with problems when it cannot be read at all."""
    reader = _Reader(path)
    header, blocks = reader.read(text)
    seats, phases, fragments, decisions = [], [], [], []
    for block in blocks:
        get = block.settings.get
        if not ID_RE.match(block.id):
            reader.problem(block.line, "bad-id", f"{block.id!r}: use lower-case words and hyphens")
        if block.kind == "seat":
            seats.append(Seat(block.id, get("name", ("", 0))[0], _prose(block), block.line))
        elif block.kind == "phase":
            minutes = _int(reader, get("minutes"), "minutes")
            title, when = get("title", ("", 0))[0], get("when", ("", 0))[0]
            phases.append(Phase(block.id, title, when, minutes, _prose(block), block.line))
        elif block.kind == "fragment":
            fragments.append(_fragment(reader, block))
        elif block.kind == "decision":
            typical = get("typical")
            decisions.append(
                Decision(
                    id=block.id,
                    phase=get("phase", ("", 0))[0],
                    seat=get("seat", ("", 0))[0],
                    question=_prose(block),
                    options=tuple(_option(reader, raw) for raw in block.options),
                    typical=_int(reader, typical, "typical") - 1 if typical else None,
                    line=block.line,
                )
            )
    if "id" not in header:
        reader.problem(1, "missing-setting", "the header needs an 'id:'")
        return None, reader.problems
    exercise = Exercise(
        id=header["id"][0],
        title=header.get("title", ("", 0))[0],
        summary=header.get("summary", ("", 0))[0],
        minutes=_int(reader, header.get("minutes"), "minutes"),
        content_note=header.get("content-note", ("", 0))[0],
        seats=tuple(seats),
        phases=tuple(phases),
        fragments=tuple(fragments),
        decisions=tuple(decisions),
        path=path,
    )
    return exercise, reader.problems
