"""The scenario file format's guide (scenarios/README.md), readable in the browser by authors who
use 'Edit as text' and never see the repository. One source: the same README a developer reads."""

from __future__ import annotations

import re
from pathlib import Path

from flask import current_app, render_template

from ..markdown import render_markdown
from . import bp

_FENCE = re.compile(r"^```[\w-]*\n(.*?)^```\n", re.DOTALL | re.MULTILINE)


def _indent_fences(text: str) -> str:
    """Fenced examples as indented code blocks, which the one Markdown renderer knows."""
    return _FENCE.sub(lambda m: "".join(f"    {line}\n" for line in m[1].splitlines()) + "\n", text)


def guide_html() -> tuple[str, str]:
    """The guide's title and its body as safe HTML (headings start at h2 on the page)."""
    # The format's own guide, beside the app, whichever folder of scenarios is loaded.
    readme = Path(current_app.root_path).parent / "scenarios" / "README.md"
    text = readme.read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    return title.lstrip("# ").strip(), render_markdown(_indent_fences(body), 0, anchors=True)


@bp.get("/format")
def format_guide():
    title, body = guide_html()
    return render_template("author/format_guide.html", title=title, body=body)
