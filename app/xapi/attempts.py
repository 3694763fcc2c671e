"""An attempt at a scenario as statements: initialized; experienced for each node met;
answered for each choice (a `choice` interaction, the option's id in `result.response`, the
option's competency scores as a result extension) and each reflection (`long-fill-in`, the text
only when the site includes text); completed, with the duration and the scaled score."""

from __future__ import annotations

from typing import Any

from .facts import AttemptFacts, Site, StepFacts
from .statement import activity, competency_scores, make
from .vocab import (
    INTERACTION,
    SIMULATION,
    activity_type,
    duration,
    extension,
    iri,
    lang,
    registration_for,
    shorten,
)


def option_id(index: int) -> str:
    """An interaction component id: the option's place in the file, stable and without spaces."""
    return f"option-{index}"


def _scenario(site: Site, facts: AttemptFacts) -> dict[str, Any]:
    return activity(iri(site, "scenarios", facts.scenario), facts.title, SIMULATION, site)


def _node(site: Site, facts: AttemptFacts, node_id: str, kind: str) -> dict[str, Any]:
    node_iri = iri(site, "scenarios", facts.scenario, "nodes", node_id)
    return activity(node_iri, f"{facts.title}: {node_id}", activity_type(site, kind), site)


def _choice(site: Site, facts: AttemptFacts, step: StepFacts) -> dict[str, Any]:
    choices = [
        {"id": option_id(index), "description": lang(site, shorten(text))}
        for index, text in step.options
    ]
    return activity(
        iri(site, "scenarios", facts.scenario, "nodes", step.node_id, "choice"),
        f"{facts.title}: {step.node_id}",
        INTERACTION,
        site,
        description=lang(site, shorten(step.prompt or step.node_id)),
        interactionType="choice",
        choices=choices,
    )


def _reflection(site: Site, facts: AttemptFacts, step: StepFacts) -> dict[str, Any]:
    return activity(
        iri(site, "scenarios", facts.scenario, "nodes", step.node_id, "reflection"),
        f"{facts.title}: {step.node_id}",
        INTERACTION,
        site,
        description=lang(site, shorten(step.prompt or step.node_id)),
        interactionType="long-fill-in",
    )


def _answer(site: Site, facts: AttemptFacts, step: StepFacts) -> tuple[dict, dict] | None:
    """The answered statement's object and result for a choice or reflection step."""
    result: dict[str, Any] = {"duration": duration(step.seconds)}
    if step.kind == "choice" and step.chosen is not None:
        result["response"] = option_id(step.chosen)
        extensions = competency_scores(site, dict(step.scores))
        if extensions:
            result["extensions"] = extensions
        return _choice(site, facts, step), result
    if step.kind == "reflection":
        result["completion"] = step.text is not None
        if site.include_text and step.text:
            result["response"] = step.text
        return _reflection(site, facts, step), result
    return None


def _score(facts: AttemptFacts) -> dict[str, Any] | None:
    """The scaled score over all competencies (points kept between 0 and the best on offer)."""
    best = sum(b for _, b in facts.competencies.values() if b > 0)
    if best <= 0:
        return None
    won = sum(max(0, min(w, b)) for w, b in facts.competencies.values() if b > 0)
    return {"scaled": round(won / best, 4), "raw": won, "min": 0, "max": best}


def attempt_statements(site: Site, facts: AttemptFacts) -> list[dict[str, Any]]:
    """Every statement for the attempt so far, in the order things happened."""
    reg = registration_for(site, facts.key)
    scenario = _scenario(site, facts)
    version = {extension(site, "scenario-version"): facts.version}

    def say(event, verb, obj, at, **kw):
        return make(site, reg, event, facts.account, verb, obj, at, extensions=version, **kw)

    out = [say("initialized", "initialized", scenario, facts.started_at)]
    for step in facts.steps:
        node = _node(site, facts, step.node_id, step.kind)
        out.append(
            say(f"experienced:{step.number}", "experienced", node, step.shown_at, parent=scenario)
        )
        answer = _answer(site, facts, step)
        if answer is not None:
            obj, result = answer
            out.append(
                say(
                    f"answered:{step.number}",
                    "answered",
                    obj,
                    step.answered_at,
                    parent=scenario,
                    result=result,
                )
            )
    if facts.completed_at is not None:
        if facts.ending:
            ending = _node(site, facts, facts.ending, "ending")
            out.append(
                say(
                    "experienced:ending", "experienced", ending, facts.completed_at, parent=scenario
                )
            )
        result: dict[str, Any] = {
            "completion": True,
            "duration": duration((facts.completed_at - facts.started_at).total_seconds()),
        }
        score = _score(facts)
        if score:
            result["score"] = score
        if facts.ending:
            result["extensions"] = {extension(site, "ending"): facts.ending}
        out.append(say("completed", "completed", scenario, facts.completed_at, result=result))
    return out
