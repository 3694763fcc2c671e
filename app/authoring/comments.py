"""Keep a draft's `//` comment lines when a form rewrites it.

The serialiser writes a scenario from its meaning, which has no comments. Before a rewrite each
run of comment lines is tied to what it sits on: the header key or node it comes before, or the
node it sits inside. Afterwards each run goes back in the same place in the new text: before
that key or node, or straight after the node's `===` line. A run whose place is gone (its node
was deleted or renamed) goes at the end, so no comment is ever lost.
"""

from __future__ import annotations

import re

_NODE = re.compile(r"^===\s*[\w-]+\s*:\s*(\S+)")
_KEY = re.compile(r"^([a-z][a-z-]*):")

Anchor = tuple[str, str]  # ("before-node", id), ("inside-node", id), ("before-key", key)


def _is_comment(line: str) -> bool:
    return line.lstrip().startswith("//")


def collect(text: str) -> list[tuple[Anchor | None, list[str]]]:
    """Each run of comment lines with where it belongs (None: at the end)."""
    runs: list[tuple[Anchor | None, list[str]]] = []
    pending: list[str] = []
    node: str | None = None
    for line in text.splitlines():
        if _is_comment(line):
            pending.append(line)
            continue
        found = _NODE.match(line)
        if pending and line.strip():
            if found:
                runs.append((("before-node", found[1]), pending))
            elif node is None and _KEY.match(line):
                runs.append((("before-key", _KEY.match(line)[1]), pending))
            else:
                runs.append((("inside-node", node) if node else None, pending))
            pending = []
        if found:
            node = found[1]
    if pending:
        runs.append((None, pending))
    return runs


def restore(text: str, runs: list[tuple[Anchor | None, list[str]]]) -> str:
    """`text` (written without comments) with the runs put back where they belong."""
    if not runs:
        return text
    before: dict[Anchor, list[str]] = {}
    after: dict[str, list[str]] = {}
    orphans: list[str] = []
    for anchor, lines in runs:
        if anchor is None:
            orphans += lines
        elif anchor[0] == "inside-node":
            after.setdefault(anchor[1], []).extend(lines)
        else:
            before.setdefault(anchor, []).extend(lines)
    out: list[str] = []
    placed: set = set()
    in_header = True
    for line in text.splitlines():
        found = _NODE.match(line)
        if found:
            in_header = False
            anchor = ("before-node", found[1])
        else:
            key = _KEY.match(line) if in_header else None
            anchor = ("before-key", key[1]) if key else None
        if anchor in before and anchor not in placed:
            out += before[anchor]
            placed.add(anchor)
        out.append(line)
        if found and found[1] in after and found[1] not in placed:
            out += after[found[1]]
            placed.add(found[1])
    leftover = [ln for a, ls in before.items() if a not in placed for ln in ls]
    leftover += [ln for n, ls in after.items() if n not in placed for ln in ls]
    leftover += orphans
    if leftover:
        out += [""] + leftover
    return "\n".join(out) + "\n"
