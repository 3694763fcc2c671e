"""Play a draft from any node with flags set by hand, for the author's preview.

Like the player, the list of answers *is* the state, so a preview needs no storage at all: the
answers travel in the page's URL as short tokens. What an author types into a reflection box is
never sent (the box has no name), so nothing about a preview is kept anywhere.
"""

from __future__ import annotations

from ..engine.model import Scenario
from ..engine.reachability import RedirectLoop, arrive
from ..engine.stepper import Answer, Position, StepError, advance

CONTINUE, REFLECTED, SKIPPED = "c", "r", "s"
PREVIEW_REFLECTION = "(written in preview, not kept)"


def decode(tokens: str) -> list[str]:
    return [t for t in (tokens or "").split(".") if t]


def encode(tokens: list[str]) -> str:
    return ".".join(tokens)


def answer_for(token: str) -> Answer:
    """The engine answer a token stands for. Raises StepError for a token that means nothing."""
    if token == CONTINUE:
        return Answer.continue_()
    if token == REFLECTED:
        return Answer.reflect(PREVIEW_REFLECTION)
    if token == SKIPPED:
        return Answer.reflect(None)
    if token.isdigit():
        return Answer.choose(int(token))
    raise StepError("wrong-kind", f"'{token}' is not an answer")


def begin(scenario: Scenario, node_id: str, flags: frozenset[str]) -> Position:
    """Arrive at `node_id` with `flags` set, following `else:` as the player would."""
    try:
        shown = arrive(scenario, node_id, flags)
    except RedirectLoop as stuck:
        raise StepError(
            "broken", f"node '{stuck.node_id}' cannot be shown with these flags"
        ) from None
    if shown is None:
        raise StepError("broken", f"there is no node '{node_id}'")
    return Position(scenario.nodes[shown], flags, ())


def play(scenario: Scenario, node_id: str, flags: frozenset[str], tokens: list[str]) -> Position:
    """The position after the answers; StepError names the first that does not fit."""
    position = begin(scenario, node_id, flags)
    for token in tokens:
        position = advance(scenario, position, answer_for(token))
    return position
