"""Horizontal bar charts: one row per group, one bar per series, each value written beside
its bar."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape

from .text import CHAR_W, clip

LABEL_W, BAR_W, VALUE_W, ROW_H, PAD = 260, 320, 190, 30, 12
SERIES = ("#1d70b8", "#f47738")  # blue, orange: distinguishable in the common colour blindnesses
PATTERNS = ("", ' stroke="#0b0c0c" stroke-width="1" stroke-dasharray="4 2"')


@dataclass(frozen=True)
class Bar:
    """One row of a chart: a label and one value per series (None: suppressed or no data)."""

    label: str
    values: tuple[float | None, ...]
    notes: tuple[str, ...] = ()  # the words written beside each value, e.g. "62% (of 40)"


def bar_chart(
    title: str,
    bars: Sequence[Bar],
    series: Sequence[str] = ("",),
    maximum: float = 100.0,
    suppressed_note: str = "not shown: fewer than 5 learners",
) -> str:
    """Horizontal bars, one group per row, one bar per series, the value written beside it."""
    per_row = ROW_H * len(series) + 8
    legend_h = 24 if len(series) > 1 else 0
    height = PAD * 2 + legend_h + per_row * max(1, len(bars))
    width = LABEL_W + BAR_W + VALUE_W + PAD * 2
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}" role="img" aria-label="{escape(title)}" '
        f'font-family="system-ui, sans-serif" class="wp-chart">',
        f"<title>{escape(title)}</title>",
    ]
    y = PAD
    if len(series) > 1:
        x = LABEL_W
        for k, name in enumerate(series):
            out.append(
                f'<rect x="{x}" y="{y}" width="14" height="14" fill="{SERIES[k % 2]}"'
                f"{PATTERNS[k % 2]}/>"
            )
            out.append(
                f'<text x="{x + 20}" y="{y + 12}" font-size="12" fill="#0b0c0c">'
                f"{escape(name)}</text>"
            )
            x += 30 + int(len(name) * CHAR_W)
        y += legend_h
    if not bars:
        out.append(f'<text x="{PAD}" y="{y + 18}" font-size="13" fill="#0b0c0c">No data</text>')
    for bar in bars:
        out.append(
            f'<text x="{PAD}" y="{y + 19}" font-size="13" fill="#0b0c0c">'
            f"{escape(clip(bar.label, LABEL_W - PAD * 2))}</text>"
        )
        for k, value in enumerate(bar.values):
            top = y + k * ROW_H
            note = bar.notes[k] if k < len(bar.notes) else ""
            if value is None:
                out.append(
                    f'<text x="{LABEL_W}" y="{top + 19}" font-size="12" fill="#505a5f">'
                    f"{escape(note or suppressed_note)}</text>"
                )
                continue
            length = 0 if maximum <= 0 else max(0.0, min(1.0, value / maximum)) * BAR_W
            out.append(
                f'<rect x="{LABEL_W}" y="{top + 4}" width="{length:.0f}" height="{ROW_H - 10}" '
                f'fill="{SERIES[k % 2]}"{PATTERNS[k % 2]}/>'
            )
            words = note or f"{value:g}"
            out.append(
                f'<text x="{LABEL_W + length + 6:.0f}" y="{top + 19}" font-size="12" '
                f'fill="#0b0c0c">{escape(words)}</text>'
            )
        y += per_row
    out.append("</svg>")
    return "\n".join(out)
