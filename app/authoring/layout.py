"""Lay out the scenario map: nodes in layers down the page, arrows between them.

A small Sugiyama-style layout, in pure Python so no system package is needed:
1. arrows that lead back up (loops) are turned round so the rest is a DAG;
2. each node's layer is its longest path from the top, so every arrow points down;
3. arrows that skip layers get invisible waypoints, one per layer, to bend round boxes;
4. the order within each layer is improved by barycentre sweeps, keeping the order with the
   fewest crossings;
5. x positions pull each node towards its neighbours, then a left-to-right pass pushes boxes
   apart so no two ever overlap (same layer: at least a gap apart; other layers: other rows).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..engine.model import Scenario
from .placement import BOX_W, MARGIN, order_rows, x_positions

BOX_H, GAP_Y = 78, 64


@dataclass(frozen=True)
class Box:
    """A node's box; x, y is the top-left corner."""

    id: str
    kind: str
    x: float
    y: float
    w: float = BOX_W
    h: float = BOX_H


@dataclass(frozen=True)
class Arrow:
    source: str
    target: str
    kind: str  # "option", "route" or "else"
    label: str
    points: tuple[tuple[float, float], ...]
    back: bool = False


@dataclass(frozen=True)
class MapLayout:
    boxes: dict[str, Box]
    arrows: list[Arrow]
    width: float
    height: float
    missing: list[tuple[str, str]]  # (node, target that does not exist)


def arrows_of(scenario: Scenario) -> list[tuple[str, str, str, str]]:
    """Every arrow as (source, target, kind, label), in file order."""
    out = []
    for node in scenario.nodes.values():
        for option in node.options:
            if option.target:
                label = f"{option.text} (kept last)" if option.keep_last else option.text
                out.append((node.id, option.target, "option", label))
        for route in node.routes:
            label = f"continue if {route.condition}" if route.condition else "continue"
            out.append((node.id, route.target, "route", label))
        if node.else_target:
            out.append((node.id, node.else_target, "else", "else"))
    return out


def _back_edges(order: list[str], succ: dict[str, list[str]], root: str | None) -> set:
    """Arrows into a node still being explored by a depth-first search close a loop."""
    state: dict[str, int] = {}  # 1 on the stack, 2 done
    back: set[tuple[str, str]] = set()
    for first in ([root] if root else []) + order:
        if first in state:
            continue
        stack = [(first, iter(succ[first]))]
        state[first] = 1
        while stack:
            node, children = stack[-1]
            child = next(children, None)
            if child is None:
                state[node] = 2
                stack.pop()
            elif state.get(child) == 1:
                back.add((node, child))
            elif child not in state:
                state[child] = 1
                stack.append((child, iter(succ[child])))
    return back


def _layers(order: list[str], dag: list[tuple[str, str]]) -> dict[str, int]:
    layer = dict.fromkeys(order, 0)
    incoming: dict[str, int] = defaultdict(int)
    out: dict[str, list[str]] = defaultdict(list)
    for a, b in dag:
        incoming[b] += 1
        out[a].append(b)
    ready = [n for n in order if not incoming[n]]
    while ready:
        node = ready.pop(0)
        for child in out[node]:
            layer[child] = max(layer[child], layer[node] + 1)
            incoming[child] -= 1
            if not incoming[child]:
                ready.append(child)
    return layer


def layout(scenario: Scenario) -> MapLayout:
    order = list(scenario.nodes)
    raw = arrows_of(scenario)
    missing = [(a, b) for a, b, _, _ in raw if b not in scenario.nodes]
    real = [(a, b, k, lbl) for a, b, k, lbl in raw if b in scenario.nodes]
    succ: dict[str, list[str]] = {n: [] for n in order}
    for a, b, _, _ in real:
        succ[a].append(b)
    root = scenario.start if scenario.start in scenario.nodes else None
    back = _back_edges(order, succ, root)
    dag = sorted({(b, a) if (a, b) in back else (a, b) for a, b, _, _ in real if a != b})
    layer = _layers(order, dag)
    chains: dict[tuple[str, str], list[str]] = {}
    links: set[tuple[str, str]] = set()
    rows: list[list[str]] = [[] for _ in range(max(layer.values(), default=0) + 1)]
    for node in order:
        rows[layer[node]].append(node)
    for a, b in dag:
        chain = [a] + [f"~{a}~{b}~{k}" for k in range(layer[a] + 1, layer[b])] + [b]
        for k, way in enumerate(chain[1:-1], start=layer[a] + 1):
            rows[k].append(way)
        links.update(zip(chain, chain[1:], strict=False))
        chains[(a, b)] = chain
    rows = order_rows(rows, links)
    xs = x_positions(rows, links)
    boxes = {
        n: Box(n, scenario.nodes[n].kind, xs[n] - BOX_W / 2, MARGIN + layer[n] * (BOX_H + GAP_Y))
        for n in order
    }
    centre_y = {
        w: MARGIN + k * (BOX_H + GAP_Y) + BOX_H / 2 for k, row in enumerate(rows) for w in row
    }
    arrows = []
    for a, b, kind, label in real:
        is_back = (a, b) in back
        chain = chains.get((b, a) if is_back else (a, b), [a, b])
        if is_back:
            chain = list(reversed(chain))
        points = [(xs[w], centre_y[w]) for w in chain]
        arrows.append(Arrow(a, b, kind, label, tuple(points), back=is_back or a == b))
    width = max((b.x + b.w for b in boxes.values()), default=0) + MARGIN
    height = MARGIN + len(rows) * (BOX_H + GAP_Y)
    return MapLayout(boxes, arrows, width, height, missing)


def moved(plan: MapLayout, positions: dict[str, tuple[int, int]]) -> MapLayout:
    """The layout with the boxes an author moved put where they left them (top-left corners);
    arrows to or from a moved box run straight between the two boxes."""
    shifted = {k: v for k, v in positions.items() if k in plan.boxes}
    if not shifted:
        return plan
    boxes = {
        k: Box(b.id, b.kind, float(shifted[k][0]), float(shifted[k][1])) if k in shifted else b
        for k, b in plan.boxes.items()
    }

    def centre(box: Box) -> tuple[float, float]:
        return (box.x + box.w / 2, box.y + box.h / 2)

    arrows = [
        Arrow(
            a.source,
            a.target,
            a.kind,
            a.label,
            (centre(boxes[a.source]), centre(boxes[a.target])),
            a.back,
        )  # fmt: skip
        if a.source in shifted or a.target in shifted
        else a
        for a in plan.arrows
    ]
    width = max(plan.width, max(b.x + b.w for b in boxes.values()) + MARGIN)
    height = max(plan.height, max(b.y + b.h for b in boxes.values()) + MARGIN)
    return MapLayout(boxes, arrows, width, height, plan.missing)
