"""Which part of a draft a problem belongs to, so each problem can link to the form that fixes
it. Problems carry a line number; a line belongs to the node whose `===` line comes last before
it, and lines before the first node belong to the header (the scenario's details)."""

from __future__ import annotations

from bisect import bisect_right

from ..engine.model import Problem
from ..engine.parser import NODE_RE


def node_starts(text: str) -> list[tuple[int, str]]:
    """(line number, node id) of every `=== kind: id` line, in order."""
    starts = []
    for number, line in enumerate(text.replace("\r\n", "\n").split("\n"), 1):
        match = NODE_RE.match(line)
        if match:
            starts.append((number, match["id"]))
    return starts


def node_at(starts: list[tuple[int, str]], line: int) -> str | None:
    """The id of the node holding `line`, or None for the header."""
    position = bisect_right([number for number, _ in starts], line)
    return starts[position - 1][1] if position else None


def by_node(text: str, problems: list[Problem]) -> dict[str | None, list[Problem]]:
    """Problems grouped by node id (None: the header), each group in line order."""
    starts = node_starts(text)
    grouped: dict[str | None, list[Problem]] = {}
    for problem in sorted(problems, key=lambda p: p.line):
        grouped.setdefault(node_at(starts, problem.line), []).append(problem)
    return grouped
