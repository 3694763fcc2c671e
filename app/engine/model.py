"""Values the engine works with. Frozen so a parsed scenario can be shared between requests."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum

STAGES: tuple[str, ...] = ("experience", "reflection", "analysis", "action")


class NodeKind(StrEnum):
    """The kinds of node, declared once. A StrEnum, so a kind equals its word in the file
    (`NodeKind.CHOICE == "choice"`) and templates and stored rows can compare with either.
    Adding a kind: see README.md, "Adding a node kind"."""

    SCENE = "scene"
    CHOICE = "choice"
    REFLECTION = "reflection"
    ENDING = "ending"

    @classmethod
    def named(cls, word: str) -> NodeKind | None:
        """The kind a word in a file names, or None for a word that names no kind."""
        return cls._value2member_map_.get(word)  # type: ignore[return-value]

    @property
    def routed(self) -> bool:
        """Goes on by `->` lines (a scene or reflection), not by options or not at all."""
        return self in (NodeKind.SCENE, NodeKind.REFLECTION)

    @property
    def settings(self) -> tuple[str, ...]:
        """The `key: value` settings a node of this kind may have in the file."""
        extra = {
            NodeKind.REFLECTION: ("optional",),
            NodeKind.ENDING: ("outcome", "tags", "supervision"),
        }
        return ("if", "else", *extra.get(self, ()))


class AnswerKind(StrEnum):
    """What a learner can do at a step; stored with each answer (AttemptAnswer.kind)."""

    CONTINUE = "continue"  # a scene
    CHOOSE = "choose"  # a choice
    REFLECT = "reflect"  # a reflection

    @classmethod
    def for_routed(cls, kind: NodeKind) -> AnswerKind:
        """The answer that moves a learner on from a scene or reflection."""
        return cls.CONTINUE if kind == NodeKind.SCENE else cls.REFLECT


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a scenario file, with where it is, so an author can fix it."""

    path: str
    line: int
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.code}: {self.message}"


@dataclass(frozen=True)
class Condition:
    """A conjunction of flag literals: every (flag, wanted) pair must hold."""

    literals: tuple[tuple[str, bool], ...]
    line: int = 0

    def holds(self, flags: frozenset[str]) -> bool:
        return all((flag in flags) == wanted for flag, wanted in self.literals)

    @property
    def flags(self) -> tuple[str, ...]:
        return tuple(flag for flag, _ in self.literals)

    def __str__(self) -> str:
        return " and ".join(f if w else f"not {f}" for f, w in self.literals)


@dataclass(frozen=True)
class SupervisionPrompt:
    """A question for the learner's supervisor, with an optional reflective-cycle stage."""

    text: str
    stage: str | None
    line: int


@dataclass(frozen=True)
class Route:
    """A `-> target [if condition]` line of a scene or reflection."""

    target: str
    condition: Condition | None
    line: int


@dataclass(frozen=True)
class Option:
    """One option of a choice node."""

    index: int
    text: str
    line: int
    target: str = ""
    target_line: int = 0
    feedback: str = ""
    say: str = ""  # "What you might say": the words a practitioner could use, shown after feedback
    scores: Mapping[str, int] = field(default_factory=dict)
    sets: tuple[str, ...] = ()
    condition: Condition | None = None
    tags: tuple[str, ...] = ()
    supervision: tuple[SupervisionPrompt, ...] = ()
    keep_last: bool = False  # stays last when the player shuffles the options
    lines: Mapping[str, int] = field(default_factory=dict)

    def offered(self, flags: frozenset[str]) -> bool:
        return self.condition is None or self.condition.holds(flags)


@dataclass(frozen=True)
class Node:
    """A step of a scenario: scene, choice, reflection or ending."""

    id: str
    kind: NodeKind
    line: int
    text: str = ""
    condition: Condition | None = None
    else_target: str | None = None
    routes: tuple[Route, ...] = ()
    options: tuple[Option, ...] = ()
    optional: bool = False
    outcome: str = ""
    tags: tuple[str, ...] = ()
    supervision: tuple[SupervisionPrompt, ...] = ()
    keep_last: bool = False  # stays last when the player shuffles the options
    lines: Mapping[str, int] = field(default_factory=dict)

    def offered_options(self, flags: frozenset[str]) -> tuple[Option, ...]:
        return tuple(o for o in self.options if o.offered(flags))

    def next_route(self, flags: frozenset[str]) -> Route | None:
        for route in self.routes:
            if route.condition is None or route.condition.holds(flags):
                return route
        return None


@dataclass(frozen=True)
class Scenario:
    """A parsed scenario file. `nodes` keeps file order."""

    id: str
    title: str
    summary: str
    role: str
    agencies: tuple[str, ...]
    competencies: tuple[str, ...]
    minutes: int
    flags: tuple[str, ...]
    content_note: str
    start: str
    nodes: Mapping[str, Node]
    path: str = "<text>"
    header_lines: Mapping[str, int] = field(default_factory=dict)
    sources: tuple[str, ...] = ()  # learning sources named in the header; () = the default

    def node(self, node_id: str) -> Node:
        return self.nodes[node_id]

    @property
    def endings(self) -> tuple[Node, ...]:
        return tuple(n for n in self.nodes.values() if n.kind == NodeKind.ENDING)
