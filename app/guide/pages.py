"""A content page as data: an optional header block, then `# Title`, then Markdown.

    ---
    reviewed: 2026-12-01
    ---
    # Sharing information to safeguard a child

`reviewed` is the date someone last checked the page against its sources; the page shows it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

_HEADER = re.compile(r"\A---\n(.*?)\n---\n", re.DOTALL)


@dataclass(frozen=True)
class Page:
    title: str
    body: str
    reviewed: date | None = None

    @property
    def reviewed_text(self) -> str:
        """The review date as people write it: "1 December 2026"."""
        return f"{self.reviewed.day} {self.reviewed:%B %Y}" if self.reviewed else ""


def parse_page(text: str, name: str = "page") -> Page:
    """Read a page's header, title and body. A malformed header fails loudly, naming the page."""
    meta: dict[str, str] = {}
    header = _HEADER.match(text)
    if header:
        for line in header.group(1).splitlines():
            key, colon, value = line.partition(":")
            if not colon:
                raise ValueError(f"{name}: header line {line!r} is not 'key: value'")
            meta[key.strip()] = value.strip()
        text = text[header.end() :]
    first, _, body = text.partition("\n")
    reviewed = None
    if "reviewed" in meta:
        try:
            reviewed = date.fromisoformat(meta["reviewed"])
        except ValueError:
            raise ValueError(f"{name}: reviewed must be a date like 2026-12-01") from None
    return Page(first.lstrip("# ").strip(), body, reviewed)
