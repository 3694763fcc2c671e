"""Edits to a choice's options: add, change, delete. Options are renumbered after a delete, as
the player refers to them by position."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from ..engine import NodeKind
from ..engine.model import Node, Option, Scenario
from . import normalise as norm
from .editing import node_of, with_node
from .normalise import EditError


@dataclass(frozen=True)
class OptionFields:
    """Everything about one option, as a form posts it."""

    text: str
    target: str = ""
    feedback: str = ""
    scores: Mapping[str, int | str] = field(default_factory=dict)
    sets: str | tuple[str, ...] = ()
    condition: str = ""
    tags: str | tuple[str, ...] = ()
    supervision: str = ""
    say: str = ""
    keep_last: bool = False

    def option(self, index: int) -> Option:
        text = norm.one_line(self.text)
        if not text:
            raise EditError("text", "Enter the option's text")
        scores = {
            norm.node_id(key, "scores"): norm.score(value)
            for key, value in self.scores.items()
            if str(value).strip() != ""
        }
        return Option(
            index=index,
            text=text,
            line=0,
            target=norm.node_id(self.target, "target") if self.target else "",
            feedback=norm.feedback(self.feedback),
            say=norm.feedback(self.say),
            scores=scores,
            sets=norm.id_list(self.sets, "sets"),
            condition=norm.condition(self.condition),
            tags=norm.id_list(self.tags, "tags"),
            supervision=norm.prompts(self.supervision),
            keep_last=bool(self.keep_last),
        )


def _choice(scenario: Scenario, node_id: str) -> Node:
    node = node_of(scenario, node_id)
    if node.kind != NodeKind.CHOICE:
        raise EditError("node_id", f"Only a choice has options; '{node_id}' is a {node.kind}")
    return node


def _with_options(scenario: Scenario, node: Node, options: list[Option]) -> Scenario:
    numbered = tuple(replace(o, index=i) for i, o in enumerate(options))
    return with_node(scenario, node.id, replace(node, options=numbered))


@dataclass(frozen=True)
class AddOption:
    node_id: str
    fields: OptionFields

    def apply(self, scenario: Scenario) -> Scenario:
        node = _choice(scenario, self.node_id)
        option = self.fields.option(len(node.options))
        return _with_options(scenario, node, [*node.options, option])


def _index(node: Node, index: int) -> int:
    if not 0 <= index < len(node.options):
        raise EditError("index", f"'{node.id}' has no option {index + 1}")
    return index


@dataclass(frozen=True)
class EditOption:
    node_id: str
    index: int
    fields: OptionFields

    def apply(self, scenario: Scenario) -> Scenario:
        node = _choice(scenario, self.node_id)
        options = list(node.options)
        options[_index(node, self.index)] = self.fields.option(self.index)
        return _with_options(scenario, node, options)


@dataclass(frozen=True)
class DeleteOption:
    node_id: str
    index: int

    def apply(self, scenario: Scenario) -> Scenario:
        node = _choice(scenario, self.node_id)
        options = list(node.options)
        del options[_index(node, self.index)]
        return _with_options(scenario, node, options)
