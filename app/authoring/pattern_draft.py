"""A filled-in pattern (app/authoring/patterns.py) as a whole draft's text: every step, link,
option and ending in place, with the scores, tags and supervision questions the author chose
on the pattern page. Raises EditError naming the field, so nothing typed is lost."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from ..engine.model import Node, NodeKind, Option, Route, Scenario
from . import normalise as norm
from . import pattern_bank as bank
from .normalise import EditError
from .patterns import Pattern
from .serialise import to_text

WORDS_A_MINUTE = 90  # a learner reads, thinks and writes: about 90 words of story a minute


@dataclass(frozen=True)
class OptionBrief:
    text: str = ""
    feedback: str = ""
    strength: str = ""
    tags: tuple[str, ...] = ()
    questions: str = ""  # one a line, each may start with its stage


@dataclass(frozen=True)
class StepBrief:
    text: str = ""
    outcome: str = ""
    starter: str = ""  # a key of pattern_bank.DEBRIEF_STARTERS
    questions: str = ""
    options: tuple[OptionBrief, ...] = ()


@dataclass(frozen=True)
class Brief:
    slug: str
    title: str
    summary: str = ""
    role: str = ""
    agencies: tuple[str, ...] = ()
    competencies: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    content_note: str = ""
    steps: Mapping[str, StepBrief] = field(default_factory=dict)


def slug_for(title: str) -> str:
    """An id from a title: 'The boots by the door' -> 'the-boots-by-the-door'."""
    words = re.findall(r"[a-z0-9]+", title.lower())
    slug = "-".join(words)[:60].strip("-")
    return slug or "new-scenario"


def field_name(step_id: str, part: str, option: int | None = None) -> str:
    """The pattern page's field for a part of a step, or of one of a choice's options."""
    base = step_id.replace("-", "_")
    return f"{base}__o{option}__{part}" if option is not None else f"{base}__{part}"


def _option(pattern: Pattern, step_id: str, index: int, brief: OptionBrief, comps) -> Option:
    branch = pattern.step(step_id).options[index]
    name = field_name(step_id, "questions", index)
    return Option(
        index=index,
        text=norm.one_line(brief.text),
        line=0,
        target=branch.target,
        feedback=norm.feedback(brief.feedback),
        scores=bank.scores(brief.strength, comps),
        tags=tuple(brief.tags),
        supervision=norm.prompts(brief.questions, name),
    )


def _strength_before(pattern: Pattern, step_id: str, brief: Brief) -> str:
    """The strength of the one option an ending follows, for its tag ('' if several lead
    there)."""
    found = []
    for step in pattern.steps:
        chosen = brief.steps.get(step.id, StepBrief()).options
        for index, branch in enumerate(step.options):
            if step_id in branch.under or branch.target == step_id:
                found.append(chosen[index].strength if index < len(chosen) else "")
    return found[0] if len(found) == 1 else ""


def _node(pattern: Pattern, step_id: str, brief: Brief, known_tags) -> Node:
    step = pattern.step(step_id)
    got = brief.steps.get(step_id, StepBrief())
    text = got.text
    if step.kind == NodeKind.ENDING:
        text = bank.debrief(got.starter, text)
        strength = _strength_before(pattern, step_id, brief)
        return Node(
            id=step.id,
            kind=step.kind,
            line=0,
            text=norm.prose(step.kind, text),
            outcome=norm.one_line(got.outcome),
            tags=bank.ending_tags(strength, known_tags),
            supervision=norm.prompts(got.questions, field_name(step_id, "questions")),
        )
    options = ()
    if step.kind == NodeKind.CHOICE:
        options = tuple(
            _option(pattern, step_id, i, got.options[i] if i < len(got.options) else OptionBrief(),
                    brief.competencies)
            for i in range(len(step.options))
        )  # fmt: skip
    routes = (Route(step.next, None, 0),) if step.next else ()
    return Node(
        id=step.id,
        kind=step.kind,
        line=0,
        text=norm.prose(step.kind, text),
        routes=routes,
        options=options,
    )


def words_in(brief: Brief) -> int:
    parts = [s.text for s in brief.steps.values()]
    parts += [o.text + " " + o.feedback for s in brief.steps.values() for o in s.options]
    return len(" ".join(parts).split())


def draft_text(pattern: Pattern, brief: Brief, known_tags: Mapping[str, str]) -> str:
    """The whole draft, in the file format (the editor and the checker take it from here)."""
    if not norm.one_line(brief.title):
        raise EditError("title", "Enter a title")
    nodes = {s.id: _node(pattern, s.id, brief, known_tags) for s in pattern.steps}
    scenario = Scenario(
        id=norm.node_id(brief.slug, "title"),
        title=norm.one_line(brief.title),
        summary=norm.one_line(brief.summary),
        role=norm.one_line(brief.role),
        agencies=tuple(brief.agencies),
        competencies=tuple(brief.competencies),
        minutes=max(5, round(words_in(brief) / WORDS_A_MINUTE)),
        flags=(),
        content_note=norm.one_line(brief.content_note),
        start=pattern.start,
        nodes=nodes,
        sources=tuple(brief.sources),
    )
    return to_text(scenario)
