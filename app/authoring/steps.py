"""Edits for writing forwards and undoing: a new step named by its title, a step brought back
from an earlier save, copies of steps and options, and options moved up or down. Also the label
each step goes by in the editor's lists (its title, not only its id)."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from ..engine import NodeKind
from ..engine.model import Node, Scenario
from . import normalise as norm
from .editing import node_of
from .normalise import EditError
from .options import _choice, _index, _with_options

LABEL_CHARS = 50


def step_label(node: Node) -> str:
    """What a step is called in lists: an ending's outcome, else the start of its text, with its
    id; an empty step is just its id."""
    words = node.outcome if node.kind == NodeKind.ENDING and node.outcome else node.text
    words = " ".join(re.sub(r"[*_#>`\[\]]", "", words or "").split())
    if not words:
        return node.id
    if len(words) > LABEL_CHARS:
        words = words[: LABEL_CHARS - 1].rsplit(" ", 1)[0] + "…"
    return f"{words} ({node.id})"


def new_step_id(scenario: Scenario, title: str) -> str:
    """An id from a new step's title, unique in the scenario: 'Clinic visit' -> 'clinic-visit'."""
    base = "-".join(re.findall(r"[a-z0-9]+", (title or "").lower()))[:60].strip("-")
    if not base:
        raise EditError("new_title", "Give the new step a title, like 'Clinic visit'")
    if not base[0].isalpha():
        base = "step-" + base
    found, n = base, 2
    while found in scenario.nodes:
        found, n = f"{base}-{n}", n + 1
    return found


@dataclass(frozen=True)
class AddStep:
    """A new step (an ending takes the title as its outcome), placed after `after`."""

    node_id: str
    kind: str
    title: str
    after: str | None = None

    def apply(self, scenario: Scenario) -> Scenario:
        kind = norm.kind(self.kind, "new_kind")
        if self.node_id in scenario.nodes:
            raise EditError("new_title", f"There is already a step called '{self.node_id}'")
        node = Node(id=self.node_id, kind=kind, line=0,
                    outcome=norm.one_line(self.title) if kind == NodeKind.ENDING else "")  # fmt: skip
        return _insert(scenario, node, self.after)


def _insert(scenario: Scenario, node: Node, after: str | None) -> Scenario:
    nodes: dict[str, Node] = {}
    for key, existing in scenario.nodes.items():
        nodes[key] = existing
        if key == after:
            nodes[node.id] = node
    nodes.setdefault(node.id, node)
    return replace(scenario, nodes=nodes, start=scenario.start or node.id)


@dataclass(frozen=True)
class RestoreNode:
    """A step from an earlier save, put back where it was (after the step that came before it
    then). Arrows to it that were left in place work again."""

    node: Node
    after: str | None = None

    def apply(self, scenario: Scenario) -> Scenario:
        if self.node.id in scenario.nodes:
            raise EditError("node_id", f"There is already a step called '{self.node.id}'")
        return _insert(scenario, self.node, self.after)


@dataclass(frozen=True)
class CopyNode:
    """A copy of a step, with its options, as a new step straight after it."""

    node_id: str

    def apply(self, scenario: Scenario) -> Scenario:
        node = node_of(scenario, self.node_id)
        new_id, n = f"{node.id}-copy", 2
        while new_id in scenario.nodes:
            new_id, n = f"{node.id}-copy-{n}", n + 1
        return _insert(scenario, replace(node, id=new_id), node.id)


@dataclass(frozen=True)
class CopyOption:
    """A copy of an option, straight after it."""

    node_id: str
    index: int

    def apply(self, scenario: Scenario) -> Scenario:
        node = _choice(scenario, self.node_id)
        options = list(node.options)
        at = _index(node, self.index)
        options.insert(at + 1, replace(options[at], text=options[at].text + " (copy)"))
        return _with_options(scenario, node, options)


@dataclass(frozen=True)
class MoveOption:
    """An option one place up (-1) or down (+1)."""

    node_id: str
    index: int
    by: int

    def apply(self, scenario: Scenario) -> Scenario:
        node = _choice(scenario, self.node_id)
        options = list(node.options)
        at = _index(node, self.index)
        to = at + (1 if self.by > 0 else -1)
        if not 0 <= to < len(options):
            return scenario
        options[at], options[to] = options[to], options[at]
        return _with_options(scenario, node, options)


def previous_step(scenario: Scenario, node_id: str) -> str | None:
    """The id of the step just before `node_id` in file order."""
    ids = list(scenario.nodes)
    at = ids.index(node_id) if node_id in ids else 0
    return ids[at - 1] if at > 0 else None
