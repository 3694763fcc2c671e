"""The whole picture as a chronology: one lane per seat, one column per phase, every fragment a
box, in time order within its phase. Shared fragments are solid and say "Shared" with the time;
fragments held alone are dashed and say "Held alone"; a missed moment is outlined in red and says
"Missed". Never colour alone. Presentation attributes only (no `style`), so it draws under the
site's Content Security Policy. Every text is escaped here; the page inserts the result as it is."""

from __future__ import annotations

from html import escape

from .debrief import LaneItem, Moment
from .model import Exercise

LANE_H, COL_W, LABEL_W, BOX_H, PAD = 64, 190, 200, 40, 8
CHAR_W = 6.6


def _clip(text: str, width: float) -> str:
    limit = max(4, int(width / CHAR_W))
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def render(exercise: Exercise, lanes: dict[str, list[LaneItem]], moments: list[Moment]) -> str:
    missed = {m.fragment.id for m in moments if not m.in_time}
    rows = len(exercise.seats)
    per_cell: dict[tuple[str, int], int] = {}
    widest = max(
        [1]
        + [
            sum(1 for i in items if i.phase == p)
            for items in lanes.values()
            for p in range(len(exercise.phases))
        ]
    )
    lane_h = max(LANE_H, 16 + widest * (BOX_H + 4))
    height = 40 + rows * lane_h
    width = LABEL_W + len(exercise.phases) * COL_W
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img" aria-labelledby="chronology-title">',
        f'<title id="chronology-title">{escape(exercise.title)}: who held what, and what was '
        "shared, phase by phase. The table below gives the same.</title>",
    ]
    for col, phase in enumerate(exercise.phases):
        x = LABEL_W + col * COL_W
        out.append(
            f'<text x="{x + 4}" y="20" font-size="12" font-weight="bold" fill="#0b0c0c">'
            f"{escape(_clip(f'{col + 1}. {phase.title}', COL_W - 8))}</text>"
        )
    for row, seat in enumerate(exercise.seats):
        y = 30 + row * lane_h
        fill = "#f3f2f1" if row % 2 == 0 else "#ffffff"
        out.append(f'<rect x="0" y="{y}" width="{width}" height="{lane_h}" fill="{fill}"/>')
        out.append(
            f'<text x="6" y="{y + 22}" font-size="13" font-weight="bold" fill="#0b0c0c">'
            f"{escape(_clip(seat.name, LABEL_W - 12))}</text>"
        )
        for item in lanes.get(seat.id, []):
            slot = per_cell.get((seat.id, item.phase), 0)
            per_cell[(seat.id, item.phase)] = slot + 1
            bx = LABEL_W + item.phase * COL_W + PAD
            by = y + 8 + slot * (BOX_H + 4)
            shared = bool(item.reached)
            is_missed = item.fragment.id in missed
            stroke = "#d4351c" if is_missed else ("#00703c" if shared else "#505a5f")
            dash = "" if shared else ' stroke-dasharray="5 3"'
            state = "Missed" if is_missed else ("Shared" if shared else "Held alone")
            if shared and item.first_shared_at:
                state += item.first_shared_at.strftime(" %H:%M")
            out.append(
                f'<rect x="{bx}" y="{by}" width="{COL_W - 2 * PAD}" height="{BOX_H}" rx="3" '
                f'fill="#ffffff" stroke="{stroke}" stroke-width="{3 if is_missed else 1.5}"{dash}/>'
            )
            out.append(
                f'<text x="{bx + 5}" y="{by + 15}" font-size="11" fill="#0b0c0c">'
                f"{escape(_clip(item.fragment.title, COL_W - 2 * PAD - 10))}</text>"
            )
            out.append(
                f'<text x="{bx + 5}" y="{by + 31}" font-size="11" font-weight="bold" '
                f'fill="{stroke}">{escape(state)}</text>'
            )
    out.append("</svg>")
    return "\n".join(out)
