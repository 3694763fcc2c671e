"""Building on the map: link one step to another, or add a new step after one, as a single
edit. A scene or reflection gains a "where next" arrow; a choice gains an option (its text is
the arrow's label); an ending leads nowhere, so it is refused with a reason. Pure."""

from __future__ import annotations

from dataclasses import dataclass, replace

from ..engine import NodeKind
from ..engine.model import Route, Scenario
from . import normalise as norm
from .editing import AddNode, node_of, with_node
from .normalise import EditError
from .options import AddOption, OptionFields


@dataclass(frozen=True)
class LinkSteps:
    """An arrow from `source` to `target`; `option_text` is needed when `source` is a choice."""

    source: str
    target: str
    option_text: str = ""

    def apply(self, scenario: Scenario) -> Scenario:
        node = node_of(scenario, self.source)
        target = norm.node_id(self.target, "target")
        if target not in scenario.nodes:
            raise EditError("target", f"There is no step called '{target}'")
        if node.kind == NodeKind.ENDING:
            raise EditError("source", f"'{node.id}' is an ending: the scenario stops there")
        if node.kind == NodeKind.CHOICE:
            if not self.option_text.strip():
                raise EditError(
                    "option_text",
                    f"'{node.id}' is a choice: write the option the learner picks to go to "
                    f"'{target}'",
                )
            return AddOption(node.id, OptionFields(text=self.option_text, target=target)).apply(
                scenario
            )
        if any(route.target == target and route.condition is None for route in node.routes):
            raise EditError("target", f"'{node.id}' already leads to '{target}'")
        route = Route(target, None, 0)
        return with_node(scenario, node.id, replace(node, routes=(*node.routes, route)))


@dataclass(frozen=True)
class AddStepAfter:
    """A new empty step placed after `source` in the text, with an arrow to it from `source`."""

    source: str
    kind: str
    node_id: str
    option_text: str = ""

    def apply(self, scenario: Scenario) -> Scenario:
        node_of(scenario, self.source)
        scenario = AddNode(self.kind, self.node_id, after=self.source).apply(scenario)
        new_id = norm.node_id(self.node_id)
        return LinkSteps(self.source, new_id, self.option_text).apply(scenario)
