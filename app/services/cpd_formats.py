"""The CPD record as Markdown and as CSV (cells a spreadsheet shows as text, never formulas)."""

from __future__ import annotations

import csv
import io

from .audit_log import safe_cell
from .cpd import CpdItem

CSV_COLUMNS = [
    "Date",
    "Activity",
    "Type of CPD",
    "Description",
    "Why it is relevant to my practice",
    "Time (minutes)",
    "Participatory",
    "Competencies",
    "What I learnt",
    "Impact on my practice",
    "Peer reflection",
    "NMC Code themes",
]
REMINDER = (
    "Before you submit this anywhere, check that nothing in it could identify a family, a "
    "child or a colleague."
)


def _themes(item: CpdItem) -> str:
    return "; ".join(item.theme_names)


def to_csv(items: list[CpdItem]) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for item in items:
        writer.writerow(
            safe_cell(v)
            for v in (
                item.on.isoformat(),
                item.activity,
                item.cpd_type,
                item.description,
                item.relevance,
                item.minutes,
                "yes" if item.participatory else "no",
                "; ".join(item.competencies),
                item.learnt,
                item.impact,
                item.peer,
                _themes(item),
            )
        )
    return out.getvalue()


def _quote(text: str) -> str:
    """Plain text as a Markdown blockquote: whatever the learner wrote stays their words."""
    lines = text.strip().splitlines() or ["(not written yet)"]
    return "\n".join("> " + line if line.strip() else ">" for line in lines)


def to_markdown(items: list[CpdItem], name: str) -> str:
    parts = [f"# CPD record: {name}", "", REMINDER, ""]
    for item in items:
        parts += [
            f"## {item.activity} ({item.on:%-d %B %Y})",
            "",
            f"- Type of CPD: {item.cpd_type}",
            f"- Time: {item.minutes} minutes ({item.minutes_note})",
            f"- Participatory: {'yes' if item.participatory else 'no'}",
            f"- Competencies: {'; '.join(item.competencies) or 'none scored'}",
            f"- NMC Code themes: {_themes(item) or 'not chosen'}",
            "",
            "### Description",
            "",
            _quote(item.description),
            "",
        ]
        for title, text in (
            ("Why it is relevant to my practice", item.relevance),
            ("What I learnt", item.learnt),
            ("Impact on my practice", item.impact),
            ("Peer reflection", item.peer),
        ):
            parts += [f"### {title}", "", _quote(text), ""]
    return "\n".join(parts)
