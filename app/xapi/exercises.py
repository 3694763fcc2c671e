"""A person's part in an exercise session as statements: initialized when they joined;
answered for each decision their seat made (a `choice` interaction, as for scenarios); shared
for each sharing act (the basis in `result.response`, the receiving seats as a result
extension); completed once the session is over. The written reasons ("why") go in a result
extension only when the site includes text."""

from __future__ import annotations

from typing import Any

from .attempts import option_id
from .facts import ExerciseChoiceFacts, ExerciseFacts, ShareFacts, Site
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


def _exercise(site: Site, facts: ExerciseFacts) -> dict[str, Any]:
    return activity(iri(site, "exercises", facts.exercise), facts.title, SIMULATION, site)


def _decision(site: Site, facts: ExerciseFacts, choice: ExerciseChoiceFacts) -> dict[str, Any]:
    return activity(
        iri(site, "exercises", facts.exercise, "decisions", choice.decision),
        f"{facts.title}: {choice.decision}",
        INTERACTION,
        site,
        description=lang(site, shorten(choice.question)),
        interactionType="choice",
        choices=[
            {"id": option_id(i), "description": lang(site, shorten(text))}
            for i, text in enumerate(choice.options)
        ],
    )


def _fragment(site: Site, facts: ExerciseFacts, share: ShareFacts) -> dict[str, Any]:
    return activity(
        iri(site, "exercises", facts.exercise, "fragments", share.fragment),
        shorten(share.title),
        activity_type(site, "information"),
        site,
    )


def _why(site: Site, why: str) -> dict[str, Any]:
    return {extension(site, "reason"): why} if site.include_text and why.strip() else {}


def exercise_statements(site: Site, facts: ExerciseFacts) -> list[dict[str, Any]]:
    """Every statement for the person's part so far, in the order things happened."""
    reg = registration_for(site, facts.key)
    exercise = _exercise(site, facts)
    seat = {extension(site, "seat"): facts.seat}

    def say(event, verb, obj, at, **kw):
        return make(site, reg, event, facts.account, verb, obj, at, extensions=seat, **kw)

    timed: list[tuple[Any, int, dict[str, Any]]] = []
    for n, choice in enumerate(facts.choices):
        result = {
            "response": option_id(choice.chosen),
            **_extensions(competency_scores(site, dict(choice.scores)), _why(site, choice.why)),
        }
        obj = _decision(site, facts, choice)
        timed.append(
            (
                choice.at,
                n,
                say(choice.event, "answered", obj, choice.at, parent=exercise, result=result),
            )
        )
    for n, share in enumerate(facts.shares):
        result = {
            "response": share.basis,
            **_extensions(
                {extension(site, "shared-with"): list(share.to_seats)}, _why(site, share.why)
            ),
        }
        obj = _fragment(site, facts, share)
        timed.append(
            (
                share.at,
                len(facts.choices) + n,
                say(share.event, "shared", obj, share.at, parent=exercise, result=result),
            )
        )
    out = [say("initialized", "initialized", exercise, facts.joined_at)]
    out += [statement for _, _, statement in sorted(timed, key=lambda t: (t[0], t[1]))]
    if facts.completed_at is not None:
        out.append(
            say(
                "completed",
                "completed",
                exercise,
                facts.completed_at,
                result={
                    "completion": True,
                    "duration": duration((facts.completed_at - facts.joined_at).total_seconds()),
                },
            )
        )
    return out


def _extensions(*parts: dict[str, Any]) -> dict[str, Any]:
    merged = {k: v for part in parts for k, v in part.items()}
    return {"extensions": merged} if merged else {}
