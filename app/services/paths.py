"""The path an attempt took, as the pages that show it list it: the learner's ending page and
their supervisor's page build the same rows here."""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import Node, NodeKind, Option
from ..models import Reflection
from .player import Play


@dataclass(frozen=True)
class PathRow:
    """One answered choice or reflection of an attempt, for the pages that show the path taken
    (the learner's ending page and their supervisor's page)."""

    number: int
    kind: NodeKind
    node: Node
    option: Option | None = None
    reflection: Reflection | None = None
    skipped: bool = False
    offered: tuple[Option, ...] = ()  # a choice's options in the order this attempt showed them


def path_rows(play: Play) -> tuple[PathRow, ...]:
    """The choices and reflections of the path taken, in order; scenes are left out."""
    answers = {a.number: a for a in play.attempt.answers}
    rows = []
    for number, step in enumerate(play.position.path):
        node = step.node
        if node.kind == NodeKind.CHOICE and step.option is not None:
            offered = play.shown_options(node.id, node.offered_options(step.flags_before))
            rows.append(PathRow(number, node.kind, node, option=step.option, offered=offered))
        elif node.kind == NodeKind.REFLECTION:
            stored = answers.get(number)
            written = stored.reflection if stored else None
            rows.append(PathRow(number, node.kind, node, reflection=written, skipped=not written))
    return tuple(rows)
