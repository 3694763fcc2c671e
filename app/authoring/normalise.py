"""Turn what an author typed into values the file format can hold, or say why it cannot.

The format has a few lines it reads as structure (a line starting `//` is a comment, `->` a
route, `* ` an option, `===` a new node). Prose that happens to start a line that way is
rewritten to something that renders the same in Markdown (an HTML entity for the first
character, or `- ` for a `* ` bullet), so what the author wrote is kept rather than misread.
Values that cannot be rewritten safely raise `EditError` with a message for the author.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from ..engine.model import STAGES, Condition, NodeKind, SupervisionPrompt
from ..engine.parser import ID_RE, KEY_RE, OPTION_RE, STAGE_RE


class EditError(ValueError):
    """An edit the scenario cannot take; `field` names the form field to show it against."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _lines(text: str) -> list[str]:
    return [
        line.rstrip() for line in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]


def _trim_blank(lines: list[str]) -> list[str]:
    while lines and not lines[0]:
        lines.pop(0)
    while lines and not lines[-1]:
        lines.pop()
    return lines


def _not_a_comment(line: str) -> str:
    stripped = line.lstrip()
    if stripped.startswith("//"):
        return line[: len(line) - len(stripped)] + "&#47;" + stripped[1:]
    return line


def one_line(text: str | None) -> str:
    """A single-line value (title, outcome, option text): whitespace runs become one space."""
    return " ".join((text or "").split())


def node_id(value: str | None, field: str = "node_id") -> str:
    value = (value or "").strip()
    if not ID_RE.match(value):
        raise EditError(field, "Use only lower-case letters, digits and hyphens, like 'home-visit'")
    return value


def kind(value: str | None, field: str = "kind") -> NodeKind:
    found = NodeKind.named(value or "")
    if found is None:
        raise EditError(field, "Choose " + " or ".join(", ".join(NodeKind).rsplit(", ", 1)))
    return found


def id_list(values: str | Iterable[str] | None, field: str) -> tuple[str, ...]:
    """Names such as flags or tags: a comma-separated string or a list, each a valid id."""
    items = values.split(",") if isinstance(values, str) else list(values or ())
    out: list[str] = []
    for item in (i.strip() for i in items):
        if not item:
            continue
        if not ID_RE.match(item):
            raise EditError(
                field, f"'{item}' should use only lower-case letters, digits and hyphens"
            )
        if item not in out:
            out.append(item)
    return tuple(out)


def condition(text: str | None, field: str = "condition") -> Condition | None:
    """`flag`, `not flag`, or several joined by `and`; empty means no condition."""
    text = one_line(text)
    if not text:
        return None
    literals: list[tuple[str, bool]] = []
    for part in re.split(r"\s+and\s+", text):
        words = part.split()
        wanted = not (words and words[0] == "not")
        words = words if wanted else words[1:]
        if len(words) != 1 or not ID_RE.match(words[0]):
            raise EditError(
                field,
                f"Write a condition like 'visited-home and not spoke-to-school', not '{text}'",
            )
        literals.append((words[0], wanted))
    return Condition(tuple(literals))


def prose(node_kind: NodeKind, text: str | None) -> str:
    """Markdown prose for a node, with lines the format would misread rewritten (see module)."""
    lines = _trim_blank(_lines(text or ""))
    out = []
    for line in lines:
        line = _not_a_comment(line)
        if line.startswith("==="):
            line = "&#61;" + line[1:]
        elif line.startswith("->"):
            line = "&#45;" + line[1:]
        elif node_kind == NodeKind.CHOICE and OPTION_RE.match(line):
            line = "-" + line[1:]
        out.append(line)
    if out:
        first = KEY_RE.match(out[0])
        if first and first["key"] in node_kind.settings:
            key = first["key"]
            out[0] = key + "&#58;" + out[0][len(key) + 1 :]
    return "\n".join(out)


def feedback(text: str | None) -> str:
    """Option feedback: Markdown over several lines; each line's indent is not kept."""
    lines = _trim_blank([line.strip() for line in _lines(text or "")])
    return "\n".join(_not_a_comment(line) for line in lines)


def prompt(line: str, field: str = "supervision") -> SupervisionPrompt:
    """One supervision question, optionally starting with its stage: `(analysis) Why ...?`."""
    line = one_line(line)
    match = STAGE_RE.match(line)
    stage = None
    if match:
        if match["stage"] not in STAGES:
            raise EditError(
                field,
                f"'({match['stage']})' is not a stage: start with one of "
                + ", ".join(f"({s})" for s in STAGES)
                + " or with no brackets",
            )
        stage, line = match["stage"], one_line(match["text"])
    if not line:
        raise EditError(field, "Write the question after the stage")
    return SupervisionPrompt(line, stage, 0)


def prompts(text: str | None, field: str = "supervision") -> tuple[SupervisionPrompt, ...]:
    """One question per line; blank lines are ignored."""
    return tuple(prompt(line, field) for line in _lines(text or "") if line.strip())


def prompt_line(p: SupervisionPrompt) -> str:
    """A prompt as the author types it, so a form can be filled from a scenario."""
    return f"({p.stage}) {p.text}" if p.stage else p.text


def minutes(value: object, field: str = "minutes") -> int:
    try:
        number = int(str(value).strip())
    except ValueError:
        raise EditError(field, "Enter the minutes as a whole number, like 15") from None
    if not 1 <= number <= 600:
        raise EditError(field, "Enter between 1 and 600 minutes")
    return number


def score(value: object, field: str = "scores") -> int:
    try:
        return int(str(value).strip())
    except ValueError:
        raise EditError(field, "A score is a whole number from -2 to +2") from None
