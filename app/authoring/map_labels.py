"""Words on the scenario map: a box's text wrapped over its lines, and an option's words beside
its arrow, each shortened with "…" where it must be (the whole text goes in a <title>). Pure."""

from __future__ import annotations

from html import escape

from .layout import Arrow

CHAR_W = 7.0  # rough width of a character at 12px in a sans-serif font


def clip(text: str, width: float) -> str:
    limit = max(4, int(width / CHAR_W))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def wrap(text: str, width: float, rows: int = 2) -> list[str]:
    """The text over up to `rows` lines of the box, the last one shortened with "…" if need be
    (the whole text is in the box's <title> and in the table)."""
    limit, lines, words = max(4, int(width / CHAR_W)), [], " ".join(text.split()).split(" ")
    while words and len(lines) < rows - 1:
        line = words.pop(0)
        while words and len(line) + 1 + len(words[0]) <= limit:
            line += " " + words.pop(0)
        lines.append(line[:limit])
    rest = " ".join(words)
    if len(rest) > limit:  # shortened at a word where there is one
        cut = rest[: limit - 1].rsplit(" ", 1)[0] if " " in rest[: limit - 1] else rest[: limit - 1]
        rest = cut.rstrip() + "…"
    return lines + ([rest] if rest else [])


def arrow_label(arrow: Arrow) -> str:
    """An option's words beside its arrow, shortened, with the whole text as its <title>."""
    if arrow.kind != "option" and not arrow.label.startswith("continue if"):
        return ""
    middle = len(arrow.points) // 2
    (x1, y1), (x2, y2) = arrow.points[max(middle - 1, 0)], arrow.points[middle]
    x, y = (x1 + x2) / 2 + 6, (y1 + y2) / 2 + 4
    short = clip(arrow.label, 150)
    return (
        f'<g class="wp-map-label"><title>{escape(arrow.label)}</title>'
        f'<rect x="{x - 3:.0f}" y="{y - 13:.0f}" width="{len(short) * CHAR_W * 0.95 + 6:.0f}" '
        f'height="17" fill="#ffffff" fill-opacity="0.9"/>'
        f'<text x="{x:.0f}" y="{y:.0f}" font-size="12" fill="#0b0c0c">{escape(short)}</text></g>'
    )
