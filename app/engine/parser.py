"""Turn the text of a scenario file into a `Scenario`, naming the line of every syntax problem.

The format is described for authors in scenarios/README.md. Parsing never stops at the first
problem: it records it and carries on, so an author sees every problem at once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .model import (
    STAGES,
    Condition,
    Node,
    NodeKind,
    Option,
    Problem,
    Route,
    Scenario,
    SupervisionPrompt,
)

ID = r"[a-z0-9][a-z0-9-]*"
ID_RE = re.compile(rf"^{ID}$")
NODE_RE = re.compile(r"^===\s*(?P<kind>[A-Za-z]+)\s*:\s*(?P<id>\S+)\s*$")
KEY_RE = re.compile(r"^(?P<key>[a-z][a-z-]*):\s*(?P<value>.*)$")
ROUTE_RE = re.compile(r"^->\s*(?P<target>\S+)(?:\s+if\s+(?P<cond>.+))?$")  # lines are rstripped
OPTION_RE = re.compile(r"^\*\s+(?P<text>\S.*)$")
DETAIL_RE = re.compile(r"^(?P<indent>\s{2,})(?P<key>[a-z][a-z-]*):\s*(?P<value>.*)$")
DETAIL_TARGET_RE = re.compile(r"^\s{2,}->\s*(?P<target>\S*)\s*$")
SCORE_RE = re.compile(r"^(?P<comp>" + ID + r")\s+(?P<num>[+-]?\d+)$")
MAX_LINE_CHARS = 20_000  # no real line is this long; longer ones are named and left out
STAGE_RE = re.compile(r"^\((?P<stage>[a-z]+)\)\s*(?P<text>.*)$")

HEADER_KEYS = (
    "id",
    "title",
    "summary",
    "role",
    "agencies",
    "competencies",
    "minutes",
    "flags",
    "content-note",
    "sources",
    "start",
)
REQUIRED_HEADER_KEYS = (
    "id",
    "title",
    "summary",
    "role",
    "agencies",
    "competencies",
    "minutes",
    "start",
)
OPTION_KEYS = ("feedback", "say", "scores", "set", "if", "tags", "supervision", "keep-last")
MULTILINE_OPTION_KEYS = ("feedback", "say", "supervision")


class _Lines:
    """The file's lines with comments blanked out, numbered from 1."""

    def __init__(self, text: str) -> None:
        raw = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        self.items = [("" if ln.lstrip().startswith("//") else ln.rstrip()) for ln in raw]


@dataclass
class _OptionDraft:
    text: str
    line: int
    values: dict[str, list[str]] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    supervision: list[tuple[list[str], int]] = field(default_factory=list)
    target: str = ""
    target_line: int = 0
    last_key: str | None = None
    last_indent: int = 0


@dataclass
class _NodeDraft:
    kind: NodeKind
    id: str
    line: int
    settings: dict[str, str] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    supervision: list[tuple[str, int]] = field(default_factory=list)
    prose: list[str] = field(default_factory=list)
    routes: list[Route] = field(default_factory=list)
    options: list[_OptionDraft] = field(default_factory=list)
    phase: str = "settings"  # settings -> prose -> routes | options
    last_setting: str | None = None


class Parser:
    """One use per file: `Parser(text, path).parse()`."""

    def __init__(self, text: str, path: str = "<text>") -> None:
        self.lines = _Lines(text).items
        self.path = path
        self.problems: list[Problem] = []
        for i, line in enumerate(self.lines):
            if len(line) > MAX_LINE_CHARS:
                self.problem(
                    i + 1,
                    "syntax",
                    f"this line is longer than {MAX_LINE_CHARS:,} characters, so it was left "
                    "out: split it into paragraphs",
                )
                self.lines[i] = ""

    def problem(self, line: int, code: str, message: str) -> None:
        self.problems.append(Problem(self.path, line, code, message))

    # -- top level -------------------------------------------------------------------------

    def parse(self) -> tuple[Scenario, list[Problem]]:
        header, header_lines, body_start = self._header()
        drafts = self._nodes(body_start)
        nodes: dict[str, Node] = {}
        for draft in drafts:
            if draft.id in nodes:
                self.problem(
                    draft.line,
                    "duplicate-id",
                    f"node id '{draft.id}' is already used on line {nodes[draft.id].line}",
                )
                continue
            nodes[draft.id] = self._finish_node(draft)
        for key in REQUIRED_HEADER_KEYS:
            if not header.get(key):
                code = "missing-start" if key == "start" else "missing-field"
                if key in header:
                    self.problem(header_lines[key], code, f"'{key}:' in the header has no value")
                else:
                    self.problem(1, code, f"the header has no '{key}:' line")
        minutes = 0
        if "minutes" in header:
            if header["minutes"].isdigit():
                minutes = int(header["minutes"])
            else:
                self.problem(header_lines["minutes"], "syntax", "'minutes' must be a whole number")
        if "id" in header and not ID_RE.match(header["id"]):
            self.problem(
                header_lines["id"],
                "syntax",
                "'id' may hold only lower-case letters, digits and hyphens",
            )
        scenario = Scenario(
            id=header.get("id", ""),
            title=header.get("title", ""),
            summary=header.get("summary", ""),
            role=header.get("role", ""),
            agencies=_split_list(header.get("agencies", "")),
            competencies=_split_list(header.get("competencies", "")),
            minutes=minutes,
            flags=_split_list(header.get("flags", "")),
            content_note=header.get("content-note", ""),
            sources=_split_list(header.get("sources", "")),
            start=header.get("start", ""),
            nodes=nodes,
            path=self.path,
            header_lines=header_lines,
        )
        return scenario, sorted(self.problems, key=lambda p: p.line)

    def _header(self) -> tuple[dict[str, str], dict[str, int], int]:
        values: dict[str, str] = {}
        lines: dict[str, int] = {}
        last: str | None = None
        for i, text in enumerate(self.lines):
            number = i + 1
            if text.startswith("==="):
                return values, lines, i
            if not text.strip():
                continue
            if text[0].isspace() and last is not None:
                values[last] = f"{values[last]} {text.strip()}".strip()
                continue
            match = KEY_RE.match(text)
            if not match:
                self.problem(
                    number,
                    "syntax",
                    "expected 'key: value' in the header (or '=== kind: id' to start a node)",
                )
                last = None
                continue
            key, value = match["key"], match["value"].strip()
            if key not in HEADER_KEYS:
                self.problem(
                    number,
                    "syntax",
                    f"unknown header key '{key}' (known: {', '.join(HEADER_KEYS)})",
                )
                last = None
                continue
            if key in values:
                self.problem(number, "syntax", f"'{key}' is given twice in the header")
            values[key], lines[key], last = value, number, key
        return values, lines, len(self.lines)

    def _nodes(self, start: int) -> list[_NodeDraft]:
        drafts: list[_NodeDraft] = []
        current: _NodeDraft | None = None
        for i in range(start, len(self.lines)):
            number, text = i + 1, self.lines[i]
            if text.startswith("==="):
                current = self._node_header(number, text)
                if current is not None:
                    drafts.append(current)
                continue
            if current is not None:
                self._node_line(current, number, text)
        return drafts

    def _node_header(self, number: int, text: str) -> _NodeDraft | None:
        match = NODE_RE.match(text)
        if not match:
            self.problem(number, "syntax", "a node starts with '=== kind: node-id'")
            return None
        word, node_id = match["kind"], match["id"]
        kind = NodeKind.named(word)
        if kind is None:
            self.problem(
                number,
                "syntax",
                f"unknown node kind '{word}' (use {_either(list(NodeKind))})",
            )
            return None
        if not ID_RE.match(node_id):
            self.problem(
                number,
                "syntax",
                f"node id '{node_id}' may hold only lower-case letters, digits and hyphens",
            )
        return _NodeDraft(kind=kind, id=node_id, line=number)

    # -- inside a node ---------------------------------------------------------------------

    def _node_line(self, node: _NodeDraft, number: int, text: str) -> None:
        if node.phase == "settings":
            match = KEY_RE.match(text)
            if match and match["key"] in node.kind.settings:
                self._setting(node, number, match["key"], match["value"].strip())
                node.last_setting = match["key"]
                return
            if text[:1].isspace() and text.strip() and node.last_setting:
                self._continue_setting(node, text.strip())
                return
            node.last_setting = None
            if not text.strip():
                return
            node.phase = "prose"
        if node.kind == NodeKind.CHOICE and (OPTION_RE.match(text) or node.phase == "options"):
            self._option_line(node, number, text)
            return
        route = ROUTE_RE.match(text) if text.startswith("->") else None
        if text.startswith("->"):
            if not node.kind.routed:
                self.problem(
                    number,
                    "syntax",
                    f"a {node.kind} node cannot have '->' lines"
                    + (
                        ": give each option its own '-> target'"
                        if node.kind == NodeKind.CHOICE
                        else ""
                    ),
                )
                return
            if route is None:
                self.problem(number, "syntax", "expected '-> node-id' or '-> node-id if flag'")
                return
            condition = self._condition(route["cond"], number) if route["cond"] else None
            node.routes.append(Route(route["target"], condition, number))
            node.phase = "routes"
            return
        if node.phase == "routes":
            if text.strip():
                self.problem(
                    number, "syntax", "text after a '->' line: put the prose before the '->' lines"
                )
            return
        node.prose.append(text)

    def _setting(self, node: _NodeDraft, number: int, key: str, value: str) -> None:
        if key == "supervision":
            node.supervision.append((value, number))
            return
        if key in node.settings:
            self.problem(number, "syntax", f"'{key}' is given twice for node '{node.id}'")
        node.settings[key] = value
        node.lines[key] = number

    @staticmethod
    def _continue_setting(node: _NodeDraft, more: str) -> None:
        """An indented line straight after a setting carries on its value."""
        if node.last_setting == "supervision":
            value, line = node.supervision[-1]
            node.supervision[-1] = (f"{value} {more}", line)
        else:
            node.settings[node.last_setting] = f"{node.settings[node.last_setting]} {more}"

    def _option_line(self, node: _NodeDraft, number: int, text: str) -> None:
        node.phase = "options"
        start = OPTION_RE.match(text)
        if start:
            node.options.append(_OptionDraft(text=start["text"].strip(), line=number))
            return
        if not text.strip():
            option = node.options[-1]
            if option.last_key in MULTILINE_OPTION_KEYS:
                self._text_of(option, option.last_key).append("")
            return
        option = node.options[-1]
        target = DETAIL_TARGET_RE.match(text)
        detail = DETAIL_RE.match(text)
        indent = len(text) - len(text.lstrip())
        if option.last_key in MULTILINE_OPTION_KEYS and indent > option.last_indent:
            self._text_of(option, option.last_key).append(text.strip())
            return
        if target:
            if option.target:
                self.problem(number, "syntax", "this option already has a '->' target")
            option.target, option.target_line = target["target"], number
            option.last_key = None
            return
        if detail and detail["key"] in OPTION_KEYS:
            key = detail["key"]
            option.last_key, option.last_indent = key, len(detail["indent"])
            if key == "supervision":
                option.supervision.append(([detail["value"].strip()], number))
                return
            if key in option.values:
                self.problem(number, "syntax", f"'{key}' is given twice for this option")
            option.values[key] = [detail["value"].strip()]
            option.lines[key] = number
            return
        if detail:
            self.problem(
                number,
                "syntax",
                f"unknown option detail '{detail['key']}' "
                f"(known: -> target, {', '.join(OPTION_KEYS)})",
            )
            return
        self.problem(
            number,
            "syntax",
            "unexpected text after the options: option details must be indented "
            "two spaces, and each option starts with '* '",
        )

    # -- finishing -------------------------------------------------------------------------

    def _finish_node(self, draft: _NodeDraft) -> Node:
        settings = draft.settings
        condition = None
        if "if" in settings:
            condition = self._condition(settings["if"], draft.lines["if"])
        optional = False
        if "optional" in settings:
            value = settings["optional"].lower()
            if value not in ("yes", "no"):
                self.problem(draft.lines["optional"], "syntax", "'optional' must be yes or no")
            optional = value == "yes"
        text = "\n".join(draft.prose).strip("\n")
        options = tuple(self._finish_option(i, o) for i, o in enumerate(draft.options))
        if draft.kind == NodeKind.CHOICE and not options:
            self.problem(draft.line, "dead-end", f"choice '{draft.id}' has no options")
        if draft.kind.routed and not draft.routes:
            self.problem(
                draft.line,
                "dead-end",
                f"{draft.kind} '{draft.id}' has no '->' line, so the learner cannot go on",
            )
        if draft.kind == NodeKind.ENDING and not settings.get("outcome"):
            self.problem(draft.line, "missing-field", f"ending '{draft.id}' has no 'outcome:'")
        return Node(
            id=draft.id,
            kind=draft.kind,
            line=draft.line,
            text=text,
            condition=condition,
            else_target=settings.get("else"),
            routes=tuple(draft.routes),
            options=options,
            optional=optional,
            outcome=settings.get("outcome", ""),
            tags=_split_list(settings.get("tags", "")),
            supervision=tuple(self._prompt(t, n) for t, n in draft.supervision),
            lines=dict(draft.lines),
        )

    def _finish_option(self, index: int, draft: _OptionDraft) -> Option:
        values = {k: "\n".join(v).strip() for k, v in draft.values.items()}
        scores: dict[str, int] = {}
        if "scores" in values:
            scores = self._scores(values["scores"], draft.lines["scores"])
        condition = self._condition(values["if"], draft.lines["if"]) if "if" in values else None
        if not draft.target:
            self.problem(draft.line, "syntax", "this option has no '-> node-id' line")
        keep_last = values.get("keep-last", "no").lower()
        if keep_last not in ("yes", "no"):
            self.problem(draft.lines["keep-last"], "syntax", "'keep-last' must be yes or no")
        return Option(
            index=index,
            text=draft.text,
            line=draft.line,
            target=draft.target,
            target_line=draft.target_line or draft.line,
            feedback=values.get("feedback", ""),
            say=values.get("say", ""),
            scores=scores,
            sets=_split_list(values.get("set", "")),
            condition=condition,
            tags=_split_list(values.get("tags", "")),
            supervision=tuple(
                self._prompt(" ".join(p for p in parts if p), n) for parts, n in draft.supervision
            ),
            keep_last=keep_last == "yes",
            lines=dict(draft.lines),
        )

    @staticmethod
    def _text_of(option: _OptionDraft, key: str) -> list[str]:
        """The growing list of lines of a multi-line detail (the last supervision prompt)."""
        return option.supervision[-1][0] if key == "supervision" else option.values[key]

    def _prompt(self, text: str, number: int) -> SupervisionPrompt:
        match = STAGE_RE.match(text)
        if match:
            if match["stage"] not in STAGES:
                self.problem(
                    number,
                    "syntax",
                    f"unknown stage '({match['stage']})' (use {', '.join(STAGES)})",
                )
                return SupervisionPrompt(match["text"], None, number)
            return SupervisionPrompt(match["text"], match["stage"], number)
        if not text:
            self.problem(number, "syntax", "'supervision:' needs a question")
        return SupervisionPrompt(text, None, number)

    def _scores(self, value: str, number: int) -> dict[str, int]:
        scores: dict[str, int] = {}
        for part in _split_list(value):
            match = SCORE_RE.match(part)
            if not match:
                self.problem(
                    number, "syntax", f"score '{part}' should look like 'triangulation +2'"
                )
                continue
            scores[match["comp"]] = int(match["num"])
        return scores

    def _condition(self, text: str, number: int) -> Condition | None:
        literals: list[tuple[str, bool]] = []
        for part in " ".join(text.split()).split(" and "):
            words = part.split()
            wanted = True
            if words and words[0] == "not":
                wanted, words = False, words[1:]
            if len(words) != 1 or not ID_RE.match(words[0]):
                self.problem(
                    number,
                    "syntax",
                    f"condition '{text}' should be flags joined by 'and', each maybe with 'not'",
                )
                return None
            literals.append((words[0], wanted))
        return Condition(tuple(literals), number)


def _split_list(value: str) -> tuple[str, ...]:
    return tuple(p.strip() for p in value.split(",") if p.strip())


def parse(text: str, path: str = "<text>") -> tuple[Scenario, list[Problem]]:
    """Parse a scenario's text. Always returns a scenario (partial when the text has problems:
    missing parts are empty) and the syntax problems."""
    return Parser(text, path).parse()


def _either(words: list[str]) -> str:
    """'a, b, c or d'."""
    return ", ".join(words[:-1]) + f" or {words[-1]}" if len(words) > 1 else "".join(words)
