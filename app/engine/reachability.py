"""Explore every (node, flags) state a learner can be in, following conditions, not just arrows.

The state space is small (nodes x subsets of the flags actually set), so a breadth-first search is
exact. It gives the validator reachable nodes, dead ends and traps, and gives tests a shortest
path of answers to every ending.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field

from .model import AnswerKind, Node, NodeKind, Scenario

MAX_STATES = 200_000

State = tuple[str, frozenset[str]]
# An answer that moves a learner on: (CONTINUE, None), (CHOOSE, option index) or
# (REFLECT, None). Reflections move on the same way whatever is written.
Move = tuple[AnswerKind, int | None]


class RedirectLoop(Exception):
    """A conditional node cannot be shown and has nowhere to send the learner: its `else`
    targets lead round in a circle (`reason` "loop") or it has no `else` ("no-else")."""

    def __init__(self, node_id: str, reason: str = "loop") -> None:
        super().__init__(node_id)
        self.node_id = node_id
        self.reason = reason


def arrive(scenario: Scenario, node_id: str, flags: frozenset[str]) -> str | None:
    """The node actually shown on arriving at `node_id`: follows `else` while `if` fails.

    Returns None when a target does not exist (the validator reports that separately).
    """
    seen: set[str] = set()
    while True:
        node = scenario.nodes.get(node_id)
        if node is None:
            return None
        if node.condition is None or node.condition.holds(flags):
            return node_id
        if not node.else_target:
            raise RedirectLoop(node_id, "no-else")
        if node_id in seen:
            raise RedirectLoop(node_id)
        seen.add(node_id)
        node_id = node.else_target


def moves(node: Node, flags: frozenset[str]) -> list[tuple[Move, str, frozenset[str]]]:
    """Every way on from a shown node: (move, target id, flags after)."""
    if node.kind == NodeKind.CHOICE:
        return [
            ((AnswerKind.CHOOSE, o.index), o.target, flags | frozenset(o.sets))
            for o in node.offered_options(flags)
        ]
    if node.kind.routed:
        route = node.next_route(flags)
        if route is None:
            return []
        return [((AnswerKind.for_routed(node.kind), None), route.target, flags)]
    return []


@dataclass
class Exploration:
    """What the search found."""

    states: set[State] = field(default_factory=set)
    edges: dict[State, list[tuple[Move, State]]] = field(default_factory=dict)
    parents: dict[State, tuple[State, Move] | None] = field(default_factory=dict)
    dead_ends: dict[str, frozenset[str]] = field(default_factory=dict)
    loops: set[str] = field(default_factory=set)
    truncated: bool = False

    @property
    def shown(self) -> set[str]:
        return {node_id for node_id, _ in self.states}


def explore(scenario: Scenario) -> Exploration:
    """Breadth-first search over states from the start node with no flags."""
    found = Exploration()
    try:
        first = arrive(scenario, scenario.start, frozenset())
    except RedirectLoop as loop:
        if loop.reason == "loop":
            found.loops.add(loop.node_id)
        return found
    if first is None:
        return found
    start: State = (first, frozenset())
    found.states.add(start)
    found.parents[start] = None
    queue: deque[State] = deque([start])
    while queue:
        if len(found.states) > MAX_STATES:
            found.truncated = True
            break
        state = queue.popleft()
        node_id, flags = state
        node = scenario.nodes[node_id]
        out = moves(node, flags)
        if not out and node.kind != NodeKind.ENDING:
            found.dead_ends.setdefault(node_id, flags)
        found.edges[state] = []
        for move, target, after in out:
            try:
                shown = arrive(scenario, target, after)
            except RedirectLoop as loop:
                if loop.reason == "loop":  # a missing else is reported by the validator
                    found.loops.add(loop.node_id)
                continue
            if shown is None:
                continue
            nxt: State = (shown, after)
            found.edges[state].append((move, nxt))
            if nxt not in found.states:
                found.states.add(nxt)
                found.parents[nxt] = (state, move)
                queue.append(nxt)
    return found


def trapped_states(found: Exploration, scenario: Scenario) -> set[State]:
    """Reachable states from which no ending can be reached (loops with no way out)."""
    reverse: dict[State, list[State]] = {}
    for source, outs in found.edges.items():
        for _, target in outs:
            reverse.setdefault(target, []).append(source)
    good = {s for s in found.states if scenario.nodes[s[0]].kind == NodeKind.ENDING}
    queue = deque(good)
    while queue:
        for source in reverse.get(queue.popleft(), []):
            if source not in good:
                good.add(source)
                queue.append(source)
    return {s for s in found.states - good if s[0] not in found.dead_ends}


def paths_to_endings(scenario: Scenario) -> dict[str, list[Move]]:
    """A shortest list of moves from the start to each reachable ending: the same one on every
    run (of equally short ones, the one ending with the fewest, then the first-sorted, flags)."""
    found = explore(scenario)
    paths: dict[str, list[Move]] = {}
    for state in sorted(found.states, key=lambda s: (s[0], len(s[1]), sorted(s[1]))):
        node_id = state[0]
        if scenario.nodes[node_id].kind != NodeKind.ENDING:
            continue
        route: list[Move] = []
        cursor = found.parents[state]
        while cursor is not None:
            parent, move = cursor
            route.append(move)
            cursor = found.parents[parent]
        route.reverse()
        if node_id not in paths or len(route) < len(paths[node_id]):
            paths[node_id] = route
    return paths
