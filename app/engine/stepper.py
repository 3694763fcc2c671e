"""Move a learner through a scenario. The list of answers is the whole state of an attempt.

`replay(scenario, answers)` rebuilds where a learner is from their stored answers, so the web
layer keeps no position of its own and any app server can serve the next step.
"""

from __future__ import annotations

from dataclasses import dataclass

from .model import AnswerKind, Node, NodeKind, Option, Scenario
from .reachability import RedirectLoop, arrive

MAX_REFLECTION_CHARS = 5000


@dataclass(frozen=True)
class Answer:
    """What the learner did at a step: continue, choose an option, or reflect (None = skipped)."""

    kind: AnswerKind
    option: int | None = None
    text: str | None = None

    @classmethod
    def continue_(cls) -> Answer:
        return cls(AnswerKind.CONTINUE)

    @classmethod
    def choose(cls, option: int) -> Answer:
        return cls(AnswerKind.CHOOSE, option=option)

    @classmethod
    def reflect(cls, text: str | None) -> Answer:
        return cls(AnswerKind.REFLECT, text=text)


@dataclass(frozen=True)
class Step:
    """One answered step of a path, with the flags as they were when it was shown."""

    node: Node
    flags_before: frozenset[str]
    answer: Answer

    @property
    def option(self) -> Option | None:
        if self.answer.kind != AnswerKind.CHOOSE or self.answer.option is None:
            return None
        return self.node.options[self.answer.option]


@dataclass(frozen=True)
class Position:
    """Where a learner is: the node shown now, the flags set, and the path that led here."""

    node: Node
    flags: frozenset[str]
    path: tuple[Step, ...]

    @property
    def finished(self) -> bool:
        return self.node.kind == NodeKind.ENDING

    @property
    def step_number(self) -> int:
        """How many answers have been given: the number a form must carry to be current."""
        return len(self.path)

    def offered_options(self) -> tuple[Option, ...]:
        return self.node.offered_options(self.flags)


class StepError(ValueError):
    """An answer that does not fit the current step. `code` says which rule it broke."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def _show(scenario: Scenario, node_id: str, flags: frozenset[str]) -> Node:
    try:
        shown = arrive(scenario, node_id, flags)
    except RedirectLoop as stuck:
        raise StepError("broken", f"node '{stuck.node_id}' cannot be shown here") from None
    if shown is None:
        raise StepError("broken", f"node '{node_id}' does not exist")
    return scenario.nodes[shown]


def start(scenario: Scenario) -> Position:
    """The first position of a new attempt."""
    return Position(_show(scenario, scenario.start, frozenset()), frozenset(), ())


def clean_reflection(node: Node, text: str | None) -> str | None:
    """Normalise reflection text; None means skipped. Raises StepError if it breaks a rule."""
    text = (text or "").replace("\r\n", "\n").strip()
    if len(text) > MAX_REFLECTION_CHARS:
        raise StepError(
            "too-long",
            f"Your reflection is {len(text):,} characters long. The most it can be is "
            f"{MAX_REFLECTION_CHARS:,}. Shorten it and save again.",
        )
    if not text:
        if not node.optional:
            raise StepError("required", "Write your reflection before you go on.")
        return None
    return text


def advance(scenario: Scenario, position: Position, answer: Answer) -> Position:
    """The position after `answer`. Raises StepError if the answer does not fit the step."""
    node, flags = position.node, position.flags
    if position.finished:
        raise StepError("finished", "This scenario has already ended.")
    if node.kind == NodeKind.CHOICE:
        if answer.kind != AnswerKind.CHOOSE or answer.option is None:
            raise StepError("wrong-kind", "Choose one of the options.")
        offered = {o.index: o for o in position.offered_options()}
        option = offered.get(answer.option)
        if option is None:
            raise StepError("not-offered", "That option is not available here.")
        after = flags | frozenset(option.sets)
        target = option.target
    else:
        expected = AnswerKind.for_routed(node.kind)
        if answer.kind != expected:
            raise StepError("wrong-kind", "That answer does not fit this step.")
        if node.kind == NodeKind.REFLECTION:
            answer = Answer.reflect(clean_reflection(node, answer.text))
        route = node.next_route(flags)
        if route is None:
            raise StepError("dead-end", f"node '{node.id}' has no way on")
        after, target = flags, route.target
    step = Step(node, flags, answer)
    return Position(_show(scenario, target, after), after, position.path + (step,))


def replay(scenario: Scenario, answers: list[Answer] | tuple[Answer, ...]) -> Position:
    """Rebuild a position from stored answers, in order."""
    position = start(scenario)
    for answer in answers:
        position = advance(scenario, position, answer)
    return position
