"""Change a draft's text through one edit: parse, apply, write back. Also a new draft's text."""

from __future__ import annotations

from typing import Protocol

from ..engine import parse
from ..engine.model import Node, NodeKind, Problem, Scenario
from . import normalise as norm
from .comments import collect, restore
from .normalise import EditError
from .serialise import to_text


class Edit(Protocol):
    def apply(self, scenario: Scenario) -> Scenario: ...


def _syntax(problems: list[Problem]) -> list[tuple[str, str]]:
    return sorted((p.code, p.message) for p in problems)


def lost_in_rewrite(text: str) -> list[Problem]:
    """Problems in `text` that writing it back would hide, because the parser had to leave
    something out (a malformed line, a second value, a duplicate node). While there are any,
    edits through the forms would lose that text, so the author fixes it as text first."""
    scenario, problems = parse(text)
    _, after = parse(to_text(scenario))
    kept = _syntax(after)
    lost = []
    for problem in problems:
        key = (problem.code, problem.message)
        if key in kept:
            kept.remove(key)
        else:
            lost.append(problem)
    return lost


def apply_to_text(text: str, edit: Edit) -> str:
    """The draft text after one edit. Raises EditError if the edit or the draft cannot be
    changed safely through the forms."""
    lost = lost_in_rewrite(text)
    if lost:
        first = lost[0]
        raise EditError(
            "text",
            f"Line {first.line} cannot be read ({first.message}). Fix it on the "
            "'Edit as text' page first, so nothing you wrote is lost.",
        )
    scenario, _ = parse(text)
    return restore(to_text(edit.apply(scenario)), collect(text))


def blank_text(scenario_id: str, title: str, first_node: str = "opening") -> str:
    """A new draft: the header and one empty scene, so the checker can say what is missing."""
    scenario = Scenario(
        id=norm.node_id(scenario_id, "id"),
        title=norm.one_line(title),
        summary="",
        role="",
        agencies=(),
        competencies=(),
        minutes=10,
        flags=(),
        content_note="",
        start=first_node,
        nodes={first_node: Node(id=first_node, kind=NodeKind.SCENE, line=0)},
    )
    return to_text(scenario)
