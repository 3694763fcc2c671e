"""What a learner's supervisor would be asked about the path a preview has taken: the preview's
path becomes one attempt in a `History`, and the pure prompt engine (app/supervision) does the
rest, with the draft's own tags, prompts and scores. A reflection stands in as written, so a
preview does not raise "reflections left blank"."""

from __future__ import annotations

from datetime import datetime

from ..engine import NodeKind, Scenario
from ..engine.stepper import Position
from ..supervision import (
    ChoiceMade,
    EndingReached,
    Generated,
    History,
    PastAttempt,
    ReflectionMade,
    Rule,
    Score,
    generate,
)

STAND_IN = "The learner's reflection, as they wrote it."


def preview_history(scenario: Scenario, position: Position, profile, now: datetime) -> History:
    choices, reflections = [], []
    for number, step in enumerate(position.path):
        node = step.node
        if node.kind == NodeKind.CHOICE and step.option is not None:
            offered = node.offered_options(step.flags_before)
            option = step.option
            choices.append(
                ChoiceMade(
                    number,
                    node.id,
                    option.text,
                    option.tags,
                    dict(option.scores),
                    option.supervision,
                    now,
                    frozenset(t for o in offered for t in o.tags),
                )  # fmt: skip
            )
        elif node.kind == NodeKind.REFLECTION:
            reflections.append(ReflectionMade(number, node.id, node.text, STAND_IN, now))
    ending, scores = None, {}
    if position.finished:
        node = position.node
        ending = EndingReached(node.id, node.outcome, node.tags, node.supervision, now)
        scores = {k: Score(r.won, r.best) for k, r in (profile or {}).items()}
    attempt = PastAttempt(
        id=0, scenario_id=scenario.id, scenario_title=scenario.title or scenario.id,
        started_at=now, completed_at=now if position.finished else None,
        choices=tuple(choices), reflections=tuple(reflections), ending=ending, profile=scores,
    )  # fmt: skip
    return History(attempts=(attempt,))


def supervisor_prompts(
    scenario: Scenario, position: Position, profile, rules: tuple[Rule, ...], vocab, now: datetime
) -> Generated:
    return generate(preview_history(scenario, position, profile, now), rules, vocab, now)
