"""What a scenario says, as plain nested values: everything a learner or a report could notice,
nothing about where it sat in a file (line numbers, path). Two scenarios with equal meanings
play the same, score the same and show the same words.
"""

from __future__ import annotations

from typing import Any

from ..engine.model import Condition, Node, Option, Scenario, SupervisionPrompt


def _condition(condition: Condition | None) -> tuple | None:
    return tuple(condition.literals) if condition is not None and condition.literals else None


def _prompts(prompts: tuple[SupervisionPrompt, ...]) -> tuple:
    return tuple((p.stage, p.text) for p in prompts)


def _option(option: Option) -> tuple:
    return (
        option.text,
        option.target,
        option.feedback,
        tuple(sorted(option.scores.items())),
        tuple(option.sets),
        _condition(option.condition),
        tuple(option.tags),
        _prompts(option.supervision),
        option.say,
        option.keep_last,
    )


def _node(node: Node) -> tuple:
    return (
        node.id,
        node.kind,
        node.text,
        _condition(node.condition),
        node.else_target or None,
        tuple((r.target, _condition(r.condition)) for r in node.routes),
        tuple(_option(o) for o in node.options),
        node.optional,
        node.outcome,
        tuple(node.tags),
        _prompts(node.supervision),
    )


def meaning(scenario: Scenario) -> dict[str, Any]:
    """A comparable summary of `scenario`. Node order is kept: it is the order authors read."""
    return {
        "header": (
            scenario.id,
            scenario.title,
            scenario.summary,
            scenario.role,
            tuple(scenario.agencies),
            tuple(scenario.competencies),
            scenario.minutes,
            tuple(scenario.flags),
            scenario.content_note,
            tuple(scenario.sources),
            scenario.start,
        ),
        "nodes": [_node(n) for n in scenario.nodes.values()],
    }
