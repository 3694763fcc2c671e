"""Which endings of a scenario the browser plays: a rule, so a new scenario is covered without
editing a list. Every ending's path is played over HTTP by
tests/functional/test_scenario_library.py; in Chromium a representative few are enough: the
ending with the best competency profile, the one with the worst, and then, while some feature a
learner can meet on the way to an ending is not yet on a chosen path, the ending whose path
adds the most of them (ties: the shorter path, then the ending's id)."""

from __future__ import annotations

from app.authoring.media_refs import IMAGE_REF
from app.engine import Answer, Scenario, advance, start
from app.engine.model import AnswerKind, NodeKind
from app.engine.scoring import overall_percent, profile

Move = tuple[str, int | None]
REFLECTION = "I would ask the school and visit."


def answer_for(move: Move) -> Answer:
    kind, index = move
    if kind == "choose":
        return Answer.choose(index or 0)
    if kind == "reflect":
        return Answer.reflect(REFLECTION)
    return Answer.continue_()


def _steps(scenario: Scenario, moves: list[Move]):
    position = start(scenario)
    for move in moves:
        position = advance(scenario, position, answer_for(move))
    return position


def features(scenario: Scenario, moves: list[Move]) -> set[str]:
    """What a learner meets on this path that a page could show differently: each kind of step,
    an optional reflection, words to say, an option kept last, options shown or hidden by
    earlier answers, a step reached by a condition, images or audio, an ending's tags."""
    end = _steps(scenario, moves)
    found = {f"kind:{end.node.kind}"}
    shown = [step.node for step in end.path] + [end.node]
    for number, step in enumerate(end.path):
        node = step.node
        found.add(f"kind:{node.kind}")
        words = [node.text]
        if node.kind == NodeKind.REFLECTION and node.optional:
            found.add("optional reflection")
        offered = node.offered_options(step.flags_before)
        if any(o.keep_last for o in offered) or (node.keep_last and offered):
            found.add("keep-last")
        if len(offered) < len(node.options) or any(o.condition for o in offered):
            found.add("options depend on earlier answers")
        if step.answer.kind == AnswerKind.CHOOSE:
            chosen = step.option
            words += [chosen.feedback, chosen.say]
            if chosen.say:
                found.add("say")
            target = chosen.target
        else:
            route = node.next_route(step.flags_before)
            target = route.target
            if route.condition:
                found.add("route depends on earlier answers")
        if shown[number + 1].id != target:
            found.add("step reached through a condition")
        if any(m[2].startswith("media:") for text in words for m in IMAGE_REF.finditer(text)):
            found.add("media")
    if any(m[2].startswith("media:") for m in IMAGE_REF.finditer(end.node.text)):
        found.add("media")
    if end.node.tags or end.node.supervision:
        found.add("ending tags or supervision")
    return found


def percent(scenario: Scenario, moves: list[Move]) -> int:
    results = profile(scenario, _steps(scenario, moves).path).values()
    return overall_percent((r.won, r.best) for r in results) or 0


def representative(scenario: Scenario, paths: dict[str, list[Move]]) -> list[str]:
    """The endings to play in a browser, by the rule in this module's docstring."""
    if not paths:
        return []
    names = sorted(paths)
    score = {name: percent(scenario, paths[name]) for name in names}
    chosen = [min(names, key=lambda n: (-score[n], len(paths[n]), n))]
    worst = min(names, key=lambda n: (score[n], len(paths[n]), n))
    if worst not in chosen:
        chosen.append(worst)
    met = {name: features(scenario, paths[name]) for name in names}
    covered = set().union(*(met[n] for n in chosen))
    everything = set().union(*met.values())
    while covered != everything:
        most = min(
            (n for n in names if n not in chosen),
            key=lambda n: (-len(met[n] - covered), len(paths[n]), n),
        )
        chosen.append(most)
        covered |= met[most]
    return chosen
