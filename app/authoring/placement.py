"""Placing the map's layers: the order within each layer (fewest crossings) and x positions
(near neighbours, never overlapping). Items are node ids, or waypoint ids starting with `~`
for arrows that pass through a layer."""

from __future__ import annotations

from collections import defaultdict

BOX_W = 200
WAYPOINT_W = 12
GAP_X, MARGIN = 28, 24
WAYPOINT_GAP = 6  # arrows passing through a layer may run closer together than boxes
SWEEPS = 12


def _crossings(rows: list[list[str]], links: set[tuple[str, str]]) -> int:
    total = 0
    for upper, lower in zip(rows, rows[1:], strict=False):
        pos_u = {n: i for i, n in enumerate(upper)}
        pos_l = {n: i for i, n in enumerate(lower)}
        pairs = sorted((pos_u[a], pos_l[b]) for a, b in links if a in pos_u and b in pos_l)
        total += sum(
            1 for i, p in enumerate(pairs) for q in pairs[i + 1 :] if q[1] < p[1] and q[0] > p[0]
        )
    return total


def order_rows(rows: list[list[str]], links: set[tuple[str, str]]) -> list[list[str]]:
    up: dict[str, list[str]] = defaultdict(list)
    down: dict[str, list[str]] = defaultdict(list)
    for a, b in links:
        down[a].append(b)
        up[b].append(a)
    best, best_cross = [list(r) for r in rows], _crossings(rows, links)
    for sweep in range(SWEEPS):
        indices = range(1, len(rows)) if sweep % 2 == 0 else range(len(rows) - 2, -1, -1)
        near = up if sweep % 2 == 0 else down
        for i in indices:
            ref = rows[i - 1] if sweep % 2 == 0 else rows[i + 1]
            pos = {n: k for k, n in enumerate(ref)}

            def centre(node: str, here: list[str] = rows[i], pos=pos, near=near) -> float:
                seen = [pos[m] for m in near[node] if m in pos]
                return sum(seen) / len(seen) if seen else here.index(node)

            rows[i] = sorted(rows[i], key=centre)
        cross = _crossings(rows, links)
        if cross < best_cross:
            best, best_cross = [list(r) for r in rows], cross
    return best


def _width(item: str) -> float:
    return WAYPOINT_W if item.startswith("~") else BOX_W


def x_positions(rows: list[list[str]], links: set[tuple[str, str]]) -> dict[str, float]:
    """Centre x of every item: pulled towards neighbours, then pushed apart row by row."""
    near: dict[str, list[str]] = defaultdict(list)
    for a, b in links:
        near[a].append(b)
        near[b].append(a)
    xs: dict[str, float] = {}
    for row in rows:
        _pack(row, {item: 0.0 for item in row}, xs)
    for _ in range(6):
        for row in rows:
            wanted = {
                item: sum(xs[m] for m in near[item]) / len(near[item]) if near[item] else xs[item]
                for item in row
            }
            _pack(row, wanted, xs)
    shift = MARGIN - min((xs[i] - _width(i) / 2 for row in rows for i in row), default=MARGIN)
    return {item: x + shift for item, x in xs.items()}


def _pack(row: list[str], wanted: dict[str, float], xs: dict[str, float]) -> None:
    """Place a row left to right at the wanted centres, at least a gap apart, then slide the
    whole row so that on average it sits where it was wanted (pushing only right would drift)."""
    edge, previous = float("-inf"), ""
    for item in row:
        half = _width(item) / 2
        gap = WAYPOINT_GAP if item.startswith("~") and previous.startswith("~") else GAP_X
        x = max(wanted[item], edge + half + gap)
        xs[item] = x
        edge, previous = x + half, item
    if row:
        slide = sum(wanted[i] - xs[i] for i in row) / len(row)
        for item in row:
            xs[item] += slide
