"""A readable diff of two scenario texts, node by node, for the approver of a new version.

Both texts are first written out the same way (`to_text(parse(text))`) when that loses nothing,
so the diff shows what changed in meaning rather than comments, spacing or line wrapping.
Each node that was added, removed or changed is one section; unchanged nodes are left out.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass

from ..engine import parse
from .drafting import lost_in_rewrite
from .locate import node_starts
from .serialise import to_text

HEADER = "Scenario details"


@dataclass(frozen=True)
class DiffLine:
    op: str  # "same", "added", "removed" or "gap" (unchanged lines left out)
    text: str


@dataclass(frozen=True)
class Section:
    key: str | None  # node id, None for the header
    title: str
    status: str  # "added", "removed" or "changed"
    lines: list[DiffLine]


def canonical(text: str) -> str:
    """The text as the serialiser writes it, unless that would hide a problem in it."""
    if not text.strip() or lost_in_rewrite(text):
        return text
    scenario, _ = parse(text)
    return to_text(scenario)


def _sections(text: str) -> dict[str | None, tuple[str, list[str]]]:
    lines = text.replace("\r\n", "\n").split("\n")
    starts = node_starts(text)
    found: dict[str | None, tuple[str, list[str]]] = {}
    first = starts[0][0] - 1 if starts else len(lines)
    found[None] = (HEADER, _trim(lines[:first]))
    for k, (number, node_id) in enumerate(starts):
        end = starts[k + 1][0] - 1 if k + 1 < len(starts) else len(lines)
        title = lines[number - 1].strip("= ").replace(":", "", 1)
        title = title[:1].upper() + title[1:]
        found.setdefault(node_id, (title, _trim(lines[number - 1 : end])))
    return found


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines = lines[:-1]
    return lines


def _changes(old: list[str], new: list[str], context: int) -> list[DiffLine]:
    out: list[DiffLine] = []
    matcher = difflib.SequenceMatcher(a=old, b=new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            same = old[i1:i2]
            if len(same) > 2 * context + 1:
                head = same[:context] if out else []
                tail = same[-context:] if i2 < len(old) else []
                out += [DiffLine("same", t) for t in head]
                out.append(DiffLine("gap", f"{len(same) - len(head) - len(tail)} unchanged lines"))
                out += [DiffLine("same", t) for t in tail]
            else:
                out += [DiffLine("same", t) for t in same]
            continue
        out += [DiffLine("removed", t) for t in old[i1:i2]]
        out += [DiffLine("added", t) for t in new[j1:j2]]
    return out


def diff(old_text: str, new_text: str, context: int = 2) -> list[Section]:
    """What changed from `old_text` to `new_text`; an empty list when nothing did."""
    old = _sections(canonical(old_text)) if old_text.strip() else {}
    new = _sections(canonical(new_text))
    out: list[Section] = []
    for key, (title, lines) in new.items():
        if key not in old:
            out.append(Section(key, title, "added", [DiffLine("added", t) for t in lines]))
        elif old[key][1] != lines:
            out.append(Section(key, title, "changed", _changes(old[key][1], lines, context)))
    for key, (title, lines) in old.items():
        if key not in new:
            out.append(Section(key, title, "removed", [DiffLine("removed", t) for t in lines]))
    return out
