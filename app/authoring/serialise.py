"""Write a `Scenario` back in the file format, so the browser editor keeps files the format of
record: `parse(to_text(s))` says the same as `s` (see `meaning.py`), line numbers aside.

The output follows the layout of scenarios/README.md, so an exported draft reads like a file an
author wrote by hand. Comments are not part of a `Scenario` and so are not written.
"""

from __future__ import annotations

from ..engine import NodeKind
from ..engine.model import Condition, Node, Option, Route, Scenario, SupervisionPrompt

FEEDBACK_INDENT = "    "


def _prompt(prompt: SupervisionPrompt) -> str:
    return f"({prompt.stage}) {prompt.text}" if prompt.stage else prompt.text


def _list(values: tuple[str, ...]) -> str:
    return ", ".join(values)


def _header(s: Scenario) -> list[str]:
    lines = [
        f"id: {s.id}",
        f"title: {s.title}",
        f"summary: {s.summary}",
        f"role: {s.role}",
        f"agencies: {_list(s.agencies)}",
        f"competencies: {_list(s.competencies)}",
        f"minutes: {s.minutes}",
    ]
    if s.flags:
        lines.append(f"flags: {_list(s.flags)}")
    if s.content_note:
        lines.append(f"content-note: {s.content_note}")
    if s.sources:
        lines.append(f"sources: {_list(s.sources)}")
    lines.append(f"start: {s.start}")
    return [line.rstrip() for line in lines]


def _condition(condition: Condition | None) -> str:
    return str(condition) if condition is not None and condition.literals else ""


def _route(route: Route) -> str:
    condition = _condition(route.condition)
    return f"-> {route.target} if {condition}" if condition else f"-> {route.target}"


def _settings(node: Node) -> list[str]:
    lines = []
    if _condition(node.condition):
        lines.append(f"if: {_condition(node.condition)}")
    if node.else_target:
        lines.append(f"else: {node.else_target}")
    if node.kind == NodeKind.REFLECTION and node.optional:
        lines.append("optional: yes")
    if node.kind == NodeKind.ENDING:
        if node.outcome:
            lines.append(f"outcome: {node.outcome}")
        if node.tags:
            lines.append(f"tags: {_list(node.tags)}")
        lines += [f"supervision: {_prompt(p)}" for p in node.supervision]
    return lines


def _multiline(key: str, text: str) -> list[str]:
    """A detail that may go on over lines indented further than the detail itself."""
    first, *rest = text.split("\n")
    lines = [f"  {key}: {first}".rstrip()]
    lines += [f"{FEEDBACK_INDENT}{line}".rstrip() for line in rest]
    return lines


def _option(option: Option) -> list[str]:
    lines = [f"* {option.text}"]
    if _condition(option.condition):
        lines.append(f"  if: {_condition(option.condition)}")
    if option.target:
        lines.append(f"  -> {option.target}")
    if option.sets:
        lines.append(f"  set: {_list(option.sets)}")
    if option.feedback:
        lines += _multiline("feedback", option.feedback)
    if option.say:
        lines += _multiline("say", option.say)
    if option.scores:
        scores = ", ".join(f"{key} {value:+d}" for key, value in option.scores.items())
        lines.append(f"  scores: {scores}")
    if option.tags:
        lines.append(f"  tags: {_list(option.tags)}")
    lines += [f"  supervision: {_prompt(p)}" for p in option.supervision]
    if option.keep_last:
        lines.append("  keep-last: yes")
    return lines


def node_text(node: Node) -> str:
    """One node as it appears in a file, from its `===` line to its last line."""
    lines = [f"=== {node.kind}: {node.id}", *_settings(node)]
    if node.text:
        if len(lines) > 1:
            lines.append("")
        lines += [line.rstrip() for line in node.text.split("\n")]
    if node.kind.routed and node.routes:
        lines.append("")
        lines += [_route(r) for r in node.routes]
    if node.kind == NodeKind.CHOICE:
        for option in node.options:
            lines.append("")
            lines += _option(option)
    return "\n".join(lines)


def to_text(scenario: Scenario) -> str:
    """The whole scenario in the file format, ending with one newline."""
    parts = ["\n".join(_header(scenario))]
    parts += [node_text(node) for node in scenario.nodes.values()]
    return "\n\n".join(parts) + "\n"
