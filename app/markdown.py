"""The one way author or user Markdown becomes HTML: render, then sanitise with nh3."""

from __future__ import annotations

from functools import lru_cache
from html import unescape

import markdown as md
import nh3
from markupsafe import Markup

from .allowed_html import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    MEDIA_ATTRIBUTES,
    MEDIA_SCHEME,
    MEDIA_TAGS,
)
from .media_html import with_media

_CLASSES = {
    "<p>": '<p class="govuk-body">',
    "<ul>": '<ul class="govuk-list govuk-list--bullet">',
    "<ol>": '<ol class="govuk-list govuk-list--number">',
    "<h2>": '<h2 class="govuk-heading-m">',
    "<h3>": '<h3 class="govuk-heading-s">',
    "<h2 id=": '<h2 class="govuk-heading-m" id=',
    "<h3 id=": '<h3 class="govuk-heading-s" id=',
    "<a href": '<a class="govuk-link" href',
}


def render_markdown(text: str, heading_offset: int = 0, anchors: bool = False) -> Markup:
    """Markdown to safe HTML with GOV.UK classes. Raw HTML in the source is stripped.

    An image `![words](media:name)` becomes the uploaded image (the words its alt text) or audio
    (with its transcript); any other image becomes a visible note (app/media_html.py).

    With `anchors` (the project's own content pages only), a heading may name a stable link
    target, `## Lawful basis {#lawful-basis}`, so other pages can link to `page#lawful-basis`.
    """
    html = _render(text, heading_offset, anchors)
    return with_media(html) if "<img" in html else html


@lru_cache(maxsize=4096)
def _render(text: str, heading_offset: int, anchors: bool) -> Markup:
    extensions = ["sane_lists", "tables"] + (["attr_list"] if anchors else [])
    html = md.markdown(text or "", extensions=extensions, output_format="html")
    attributes = dict(ALLOWED_ATTRIBUTES) | MEDIA_ATTRIBUTES
    if anchors:
        attributes |= {"h2": {"id"}, "h3": {"id"}}
    clean = nh3.clean(
        html,
        tags=ALLOWED_TAGS | MEDIA_TAGS | {"h1"},
        attributes=attributes,
        url_schemes={"http", "https", "mailto", MEDIA_SCHEME},
        link_rel="noopener noreferrer",
    )
    if heading_offset:
        for level in range(4, 0, -1):
            new = min(level + heading_offset, 6)
            clean = clean.replace(f"<h{level}>", f"<h{new}>").replace(f"</h{level}>", f"</h{new}>")
    for plain, styled in _CLASSES.items():
        clean = clean.replace(plain, styled)
    return Markup(clean)  # noqa: S704 - sanitised by nh3 above


def plain_text(text: str) -> str:
    """Markdown as one line of plain words, for places HTML cannot go (a label, a title)."""
    html = md.markdown(text or "", output_format="html")
    return " ".join(unescape(nh3.clean(html, tags=set())).split())  # escaped again by Jinja
