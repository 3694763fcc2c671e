"""The scenario file format's guide (scenarios/README.md), readable in the browser by authors who
use 'Edit as text' and never see the repository. One source: the same README a developer reads."""

from __future__ import annotations

import re
from pathlib import Path

from flask import current_app, render_template
from markupsafe import Markup

from ..markdown import render_markdown
from . import bp

_FENCE = re.compile(r"^```[\w-]*\n(.*?)^```\n", re.DOTALL | re.MULTILINE)


def _indent_fences(text: str) -> str:
    """Fenced examples as indented code blocks, which the one Markdown renderer knows."""
    return _FENCE.sub(lambda m: "".join(f"    {line}\n" for line in m[1].splitlines()) + "\n", text)


_H2 = re.compile(r'<h2 class="govuk-heading-m">(.*?)</h2>')
_H3 = re.compile(r'<h3 class="govuk-heading-s">(.*?)</h3>')


def section_id(heading: str) -> str:
    """'Flags and conditions' -> 'flags-and-conditions': each section's link target, so help
    beside a form field can link to the part of the guide that explains it."""
    return "-".join(re.findall(r"[a-z0-9]+", re.sub(r"<[^>]+>", "", heading).lower()))


def _anchored(html: str) -> str:
    html = _H2.sub(
        lambda m: f'<h2 class="govuk-heading-m" id="{section_id(m[1])}">{m[1]}</h2>', html
    )
    return _H3.sub(
        lambda m: f'<h3 class="govuk-heading-s" id="{section_id(m[1])}">{m[1]}</h3>', html
    )


def guide_html() -> tuple[str, str]:
    """The guide's title and its body as safe HTML (headings start at h2 on the page), each
    section's heading with an id made from its words."""
    # The format's own guide, beside the app, whichever folder of scenarios is loaded.
    readme = Path(current_app.root_path).parent / "scenarios" / "README.md"
    text = readme.read_text(encoding="utf-8")
    title, _, body = text.partition("\n")
    html = render_markdown(_indent_fences(body), 0, anchors=True)
    return title.lstrip("# ").strip(), Markup(_anchored(html))  # noqa: S704 - sanitised above


@bp.get("/format")
def format_guide():
    title, body = guide_html()
    sections = re.findall(r'<h2 class="govuk-heading-m" id="([^"]+)">(.*?)</h2>', body)
    return render_template("author/format_guide.html", title=title, body=body, sections=sections)
