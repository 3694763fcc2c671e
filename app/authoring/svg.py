"""Draw the scenario map as SVG, and give the same structure as rows for an accessible table.

Kinds differ by shape, colour *and* a written label (never colour alone): scenes are plain
boxes, choices have cut corners, reflections round corners, endings a double border and the
word "Ending". Nodes with problems get a thick dashed red border and "N problems" written in
the box. Each box is a link to the node's editor. Presentation attributes are used instead of
`style`, so the drawing works under the site's Content Security Policy.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from html import escape

from ..engine import NodeKind
from ..engine.model import Node, Scenario
from ..engine.wording import plural
from .layout import Arrow, Box, MapLayout, arrows_of
from .map_labels import CHAR_W, arrow_label, clip, wrap

KIND_STYLE = {  # fill, stroke, label: one for every NodeKind
    NodeKind.SCENE: ("#f3f2f1", "#505a5f", "Scene"),
    NodeKind.CHOICE: ("#d2e2f1", "#1d70b8", "Choice"),
    NodeKind.REFLECTION: ("#e9e1f2", "#4c2c92", "Reflection"),
    NodeKind.ENDING: ("#cce2d8", "#00703c", "Ending"),
}
assert set(KIND_STYLE) == set(NodeKind), "give every node kind a style on the map"
PROBLEM = "#d4351c"


def excerpt(node: Node) -> str:
    """A few words that say what the node is about."""
    if node.kind == NodeKind.ENDING and node.outcome:
        return node.outcome
    for line in node.text.split("\n"):
        words = re.sub(r"[*_`]", "", line).strip().lstrip("#>-").strip()
        if words:
            return words
    return "(no text yet)"


def _shape(box: Box, kind: str, fill: str, stroke: str, problems: int) -> list[str]:
    x, y, w, h = box.x, box.y, box.w, box.h
    width = "4" if problems else "2"
    dash = ' stroke-dasharray="8 4"' if problems else ""
    line = PROBLEM if problems else stroke
    common = f'fill="{fill}" stroke="{line}" stroke-width="{width}"{dash}'
    if kind == NodeKind.CHOICE:
        c = 12
        pts = [(x + c, y), (x + w - c, y), (x + w, y + c), (x + w, y + h - c), (x + w - c, y + h),
               (x + c, y + h), (x, y + h - c), (x, y + c)]  # fmt: skip
        return [f'<polygon points="{" ".join(f"{px:.0f},{py:.0f}" for px, py in pts)}" {common}/>']
    radius = 18 if kind == NodeKind.REFLECTION else 2
    out = [
        f'<rect x="{x:.0f}" y="{y:.0f}" width="{w:.0f}" height="{h:.0f}" rx="{radius}" {common}/>'
    ]
    if kind == NodeKind.ENDING:
        out.append(
            f'<rect x="{x + 5:.0f}" y="{y + 5:.0f}" width="{w - 10:.0f}" height="{h - 10:.0f}" '
            f'rx="1" fill="none" stroke="{stroke}" stroke-width="1.5"/>'
        )
    return out


def _node(node: Node, box: Box, problems: int, href: str, start: bool) -> str:
    fill, stroke, label = KIND_STYLE[node.kind]
    # The link's name holds its visible text in order (WCAG 2.5.3, label in name).
    shown = clip(excerpt(node), box.w - 24)
    said = f"{label} {clip(node.id, box.w - 90)}" + (f": {shown}" if shown else "")
    if problems:
        said += f", ⚠ {plural(problems, 'problem')}"
    said += ", the start" if start else ""
    parts = [
        f'<a href="{escape(href)}" class="wp-map-node" aria-label="{escape(said)}" '
        f'data-node="{escape(node.id)}" data-x="{box.x:.0f}" data-y="{box.y:.0f}">'
    ]
    parts.append(f"<title>{escape(label)} {escape(node.id)}: {escape(excerpt(node))}</title>")
    parts += _shape(box, node.kind, fill, stroke, problems)
    tx = box.x + 12
    prefix = f"{label.upper()} · "
    parts.append(
        f'<text x="{tx:.0f}" y="{box.y + 20:.0f}" font-size="12" font-weight="bold" '
        f'fill="#0b0c0c">{escape(prefix)}{escape(clip(node.id, box.w - 24 - len(prefix) * 8))}</text>'
    )
    for row, words in enumerate(wrap(excerpt(node), box.w - 24)):
        parts.append(
            f'<text x="{tx:.0f}" y="{box.y + 38 + row * 15:.0f}" font-size="12" fill="#0b0c0c">'
            f"{escape(words)}</text>"
        )
    if problems:
        parts.append(
            f'<text x="{tx:.0f}" y="{box.y + 70:.0f}" font-size="12" font-weight="bold" '
            f'fill="{PROBLEM}">⚠ {plural(problems, "problem")}</text>'
        )
    parts.append("</a>")
    return "".join(parts)


def _path(arrow: Arrow, boxes: Mapping[str, Box]) -> str:
    src, dst = boxes[arrow.source], boxes[arrow.target]
    if arrow.source == arrow.target:  # a node leading to itself: a loop on its right side
        x, y = src.x + src.w, src.y + src.h / 2
        return f"M{x:.0f},{y - 12:.0f} C{x + 40:.0f},{y - 30:.0f} {x + 40:.0f},{y + 30:.0f} {x:.0f},{y + 12:.0f}"
    pts = list(arrow.points)
    going_down = dst.y > src.y
    pts[0] = (pts[0][0], src.y + src.h if going_down else src.y)
    pts[-1] = (pts[-1][0], dst.y if going_down else dst.y + dst.h)
    d = [f"M{pts[0][0]:.0f},{pts[0][1]:.0f}"]
    for (x1, y1), (x2, y2) in zip(pts, pts[1:], strict=False):
        my = (y1 + y2) / 2
        d.append(f"C{x1:.0f},{my:.0f} {x2:.0f},{my:.0f} {x2:.0f},{y2:.0f}")
    return " ".join(d)


def render_svg(
    scenario: Scenario,
    plan: MapLayout,
    problems: Mapping[str, int],
    href: Callable[[str], str],
    title: str = "Scenario map",
    shares: Mapping[tuple[str, str], tuple[float, str]] | None = None,
) -> str:
    """The map as an inline SVG document fragment (text: the caller marks it safe).

    `shares` weights arrows for the insights' choice map: (source node, arrow label) -> (share
    from 0 to 1, the words written on the arrow, e.g. "62% (31)"). Arrows it does not name are
    drawn thin and grey."""
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{plan.width:.0f}" '
        f'height="{plan.height:.0f}" viewBox="0 0 {plan.width:.0f} {plan.height:.0f}" '
        f'role="group" aria-labelledby="map-title" font-family="system-ui, sans-serif">',
        f'<title id="map-title">{escape(title)}</title>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" '
        'fill="#505a5f"/></marker><marker id="arrow-share" viewBox="0 0 10 10" refX="9" refY="5" '
        'markerWidth="12" markerHeight="12" markerUnits="userSpaceOnUse" '
        'orient="auto-start-reverse"><path d="M0,0 L10,5 L0,10 z" fill="#1d70b8"/></marker></defs>',
    ]
    labels: list[str] = []
    at_target: dict[str, int] = {}
    for arrow in plan.arrows:
        dash = ' stroke-dasharray="2 4"' if arrow.kind == "else" else ""
        dash = ' stroke-dasharray="7 5"' if arrow.back else dash
        width, colour, marker = 1.5, "#505a5f", "arrow"
        weight = (shares or {}).get((arrow.source, arrow.label))
        if weight is not None:
            width, colour = 1.5 + 10 * max(0.0, min(1.0, weight[0])), "#1d70b8"
            marker = "arrow-share"  # a fixed-size head, however thick the line
            nth = at_target[arrow.target] = at_target.get(arrow.target, -1) + 1
            labels.append(_share_label(arrow, weight[1], nth))
        out.append(
            f'<path class="wp-map-arrow" data-from="{escape(arrow.source)}" '
            f'data-to="{escape(arrow.target)}" d="{_path(arrow, plan.boxes)}" fill="none" '
            f'stroke="{colour}" stroke-width="{width:.1f}"{dash} marker-end="url(#{marker})"/>'
        )
    out += [label for label in map(arrow_label, plan.arrows) if label]
    start = plan.boxes.get(scenario.start)
    if start is not None:
        out.append(
            f'<text x="{start.x:.0f}" y="{start.y - 6:.0f}" font-size="12" font-weight="bold" '
            f'fill="#0b0c0c">▼ START</text>'
        )
    for node_id, box in plan.boxes.items():
        node = scenario.nodes[node_id]
        out.append(
            _node(node, box, problems.get(node_id, 0), href(node_id), node_id == scenario.start)
        )
    out += labels  # on top of the boxes, so a share is never hidden
    out.append("</svg>")
    return "\n".join(out)


def _share_label(arrow: Arrow, words: str, nth: int) -> str:
    """The share written on a white plate just above the box the arrow reaches (the option's
    words sit mid-arrow); the `nth` share into the same box moves along so none overlap."""
    x, y = arrow.points[-1]
    w = len(words) * CHAR_W + 10
    x, y = x - 60 + nth * (w + 6), y - 39 - 22
    return (
        f'<g class="wp-map-share"><rect x="{x - w / 2:.0f}" y="{y - 13:.0f}" width="{w:.0f}" '
        f'height="18" rx="3" fill="#ffffff" stroke="#1d70b8"/><text x="{x:.0f}" y="{y:.0f}" '
        f'font-size="12" font-weight="bold" text-anchor="middle" fill="#0b0c0c">'
        f"{escape(words)}</text></g>"
    )


@dataclass(frozen=True)
class MapRow:
    """One node for the table version of the map."""

    id: str
    kind: NodeKind
    label: str  # the kind as the map says it
    excerpt: str
    start: bool
    leads_to: list[tuple[str, str, bool]]  # (label, target, target exists)
    comes_from: list[str]
    problems: int


def map_rows(scenario: Scenario, problems: Mapping[str, int]) -> list[MapRow]:
    """The same nodes and arrows as the drawing, in file order."""
    arrows = arrows_of(scenario)
    incoming: dict[str, list[str]] = {}
    for source, target, _, _ in arrows:
        incoming.setdefault(target, [])
        if source not in incoming[target]:
            incoming[target].append(source)
    rows = []
    for node in scenario.nodes.values():
        leads = [
            (label, target, target in scenario.nodes)
            for source, target, _, label in arrows
            if source == node.id
        ]
        rows.append(
            MapRow(
                node.id,
                node.kind,
                KIND_STYLE[node.kind][2],
                excerpt(node),
                node.id == scenario.start,
                leads,
                incoming.get(node.id, []),
                problems.get(node.id, 0),
            )
        )
    return rows
