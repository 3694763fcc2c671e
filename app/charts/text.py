"""Text in a drawing: SVG does not wrap, so labels are clipped to the room they have."""

from __future__ import annotations

CHAR_W = 7.0  # rough width of a character at 12-13px in a sans-serif font


def clip(text: str, width: float) -> str:
    """`text` on one line, cut with an ellipsis to fit `width` pixels."""
    limit = max(4, int(width / CHAR_W))
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"
