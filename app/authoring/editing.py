"""The edits an author makes in the browser, as small frozen values with `apply(scenario)`.

The service keeps a draft as scenario text and changes it only through `apply_to_text`: parse,
apply one edit, write back with `to_text`. Each edit takes what a form posts (strings, lists)
and normalises it (see `normalise.py`), so what is stored is what the author will see again.
Deleting a node leaves arrows that pointed at it in place: the validator names each one, so
nothing disappears without the author seeing it.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..engine import NodeKind
from ..engine.model import Node, Route, Scenario
from . import normalise as norm
from .normalise import EditError


def node_of(scenario: Scenario, node_id: str) -> Node:
    if node_id not in scenario.nodes:
        raise EditError("node_id", f"There is no node '{node_id}' in this draft")
    return scenario.nodes[node_id]


def with_node(scenario: Scenario, node_id: str, node: Node) -> Scenario:
    nodes = {key: (node if key == node_id else n) for key, n in scenario.nodes.items()}
    return replace(scenario, nodes=nodes)


@dataclass(frozen=True)
class SetDetails:
    """The header: what the catalogue shows, who it is for, flags and the start node."""

    id: str
    title: str
    summary: str
    role: str
    agencies: tuple[str, ...]
    competencies: tuple[str, ...]
    minutes: int | str
    flags: str | tuple[str, ...] = ()
    content_note: str = ""
    start: str = ""
    sources: tuple[str, ...] | None = None  # None leaves the scenario's sources as they are

    def apply(self, scenario: Scenario) -> Scenario:
        return replace(
            scenario,
            id=norm.node_id(self.id, "id"),
            title=norm.one_line(self.title),
            summary=norm.one_line(self.summary),
            role=norm.one_line(self.role),
            agencies=norm.id_list(self.agencies, "agencies"),
            competencies=norm.id_list(self.competencies, "competencies"),
            minutes=norm.minutes(self.minutes),
            flags=norm.id_list(self.flags, "flags"),
            content_note=norm.one_line(self.content_note),
            start=norm.node_id(self.start, "start") if self.start else "",
            sources=scenario.sources
            if self.sources is None
            else norm.id_list(self.sources, "sources"),
        )

    def errors(self) -> list[EditError]:
        """Every field `apply` would refuse, not just the first, so a form can show them all."""
        checks = (
            lambda: norm.node_id(self.id, "id"),
            lambda: norm.id_list(self.agencies, "agencies"),
            lambda: norm.id_list(self.competencies, "competencies"),
            lambda: norm.minutes(self.minutes),
            lambda: norm.id_list(self.flags, "flags"),
            lambda: norm.node_id(self.start, "start") if self.start else "",
        )
        found = []
        for check in checks:
            try:
                check()
            except EditError as error:
                found.append(error)
        return found


@dataclass(frozen=True)
class AddNode:
    """A new, empty node at the end (or straight after `after`)."""

    kind: str
    node_id: str
    after: str | None = None

    def apply(self, scenario: Scenario) -> Scenario:
        new_id = norm.node_id(self.node_id)
        if new_id in scenario.nodes:
            raise EditError("node_id", f"There is already a node called '{new_id}'")
        node = Node(id=new_id, kind=norm.kind(self.kind), line=0)
        nodes: dict[str, Node] = {}
        for key, existing in scenario.nodes.items():
            nodes[key] = existing
            if key == self.after:
                nodes[new_id] = node
        nodes.setdefault(new_id, node)
        return replace(scenario, nodes=nodes, start=scenario.start or new_id)


def _renamed(scenario: Scenario, old: str, new: str) -> Scenario:
    """Every arrow, `else:` and the start follow a node to its new name."""

    def target(value: str | None) -> str | None:
        return new if value == old else value

    nodes = {}
    for key, node in scenario.nodes.items():
        node = replace(
            node,
            id=new if key == old else node.id,
            else_target=target(node.else_target),
            routes=tuple(replace(r, target=target(r.target)) for r in node.routes),
            options=tuple(replace(o, target=target(o.target)) for o in node.options),
        )
        nodes[node.id] = node
    return replace(scenario, nodes=nodes, start=target(scenario.start) or "")


@dataclass(frozen=True)
class EditNode:
    """A node's kind, name, prose and settings. Settings that do not fit the kind are cleared."""

    node_id: str
    new_id: str
    kind: str
    text: str = ""
    condition: str = ""
    else_target: str = ""
    optional: bool = False
    outcome: str = ""
    tags: str | tuple[str, ...] = ()
    supervision: str = ""

    def apply(self, scenario: Scenario) -> Scenario:
        node = node_of(scenario, self.node_id)
        new_kind = norm.kind(self.kind)
        if node.options and new_kind != NodeKind.CHOICE:
            raise EditError("kind", "Delete this choice's options before changing its kind")
        if node.routes and not new_kind.routed:
            raise EditError(
                "kind", "Remove the 'where next' arrows before making this a choice or ending"
            )
        new_id = norm.node_id(self.new_id, "new_id")
        if new_id != node.id and new_id in scenario.nodes:
            raise EditError("new_id", f"There is already a node called '{new_id}'")
        ending = new_kind == NodeKind.ENDING
        edited = replace(
            node,
            kind=new_kind,
            text=norm.prose(new_kind, self.text),
            condition=norm.condition(self.condition),
            else_target=norm.node_id(self.else_target, "else_target") if self.else_target else None,
            optional=bool(self.optional) and new_kind == NodeKind.REFLECTION,
            outcome=norm.one_line(self.outcome) if ending else "",
            tags=norm.id_list(self.tags, "tags") if ending else (),
            supervision=norm.prompts(self.supervision) if ending else (),
        )
        scenario = with_node(scenario, node.id, edited)
        return _renamed(scenario, node.id, new_id) if new_id != node.id else scenario


@dataclass(frozen=True)
class SetRoutes:
    """Where a scene or reflection leads: (target, condition) pairs, the first that holds wins."""

    node_id: str
    routes: tuple[tuple[str, str], ...]

    def apply(self, scenario: Scenario) -> Scenario:
        node = node_of(scenario, self.node_id)
        if not node.kind.routed:
            raise EditError("routes", f"A {node.kind} has no 'where next' arrows")
        routes = tuple(
            Route(norm.node_id(target, "routes"), norm.condition(cond, "routes"), 0)
            for target, cond in self.routes
            if (target or "").strip()
        )
        return with_node(scenario, node.id, replace(node, routes=routes))


@dataclass(frozen=True)
class DeleteNode:
    node_id: str

    def apply(self, scenario: Scenario) -> Scenario:
        node_of(scenario, self.node_id)
        nodes = {k: n for k, n in scenario.nodes.items() if k != self.node_id}
        return replace(scenario, nodes=nodes)


@dataclass(frozen=True)
class Chain:
    """Several edits saved together (one form), all or nothing."""

    edits: tuple

    def apply(self, scenario: Scenario) -> Scenario:
        for edit in self.edits:
            scenario = edit.apply(scenario)
        return scenario


def renamed_steps(change) -> dict[str, str]:
    """The steps a change renames, old id to new (so what is kept per step can follow)."""
    if isinstance(change, Chain):
        names: dict[str, str] = {}
        for edit in change.edits:
            names.update(renamed_steps(edit))
        return names
    if isinstance(change, EditNode) and change.new_id.strip() not in ("", change.node_id):
        return {change.node_id: change.new_id.strip()}
    return {}
