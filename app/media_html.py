"""Images in sanitised HTML made into what the learner sees: an uploaded image with its alt
text, an uploaded audio file with controls and its transcript, or, for anything that cannot be
shown (another website's image, an unknown name), a visible note instead of a silent gap. The
checker (app/authoring/media_refs.py) names the same references as problems for the author."""

from __future__ import annotations

import re
from html import escape, unescape

from flask import has_app_context, has_request_context, url_for
from markupsafe import Markup

_IMG = re.compile(r'(<p class="govuk-body">)?<img ([^>]*)>(</p>)?')
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def _url(name: str) -> str:
    if has_request_context():
        return url_for("media.file", name=name)
    return f"/media/{name}"


def _lookup(name: str):
    if not has_app_context():
        return None
    from .db import db
    from .services.media import shown

    return shown(db.session, name)


def _missing(alt: str) -> str:
    words = f": {escape(alt)}" if alt else ""
    return f'<span class="wp-media-missing">[Image not shown{words}]</span>'


def _audio(name: str, title: str, transcript: str) -> str:
    paragraphs = "".join(
        f'<p class="govuk-body">{escape(p.strip())}</p>'
        for p in transcript.split("\n\n")
        if p.strip()
    )
    return (
        f'<figure class="wp-media wp-media--audio"><figcaption class="govuk-body">'
        f'{escape(title)}</figcaption><audio controls preload="metadata" src="{_url(name)}">'
        "</audio>"
        '<details class="govuk-details"><summary class="govuk-details__summary">'
        '<span class="govuk-details__summary-text">Transcript</span></summary>'
        f'<div class="govuk-details__text">{paragraphs}</div></details></figure>'
    )


def _one(match: re.Match) -> str:
    opened, attributes, closed = match[1] or "", match[2], match[3] or ""
    found = {key: unescape(value) for key, value in _ATTR.findall(attributes)}
    alt, src = found.get("alt", "").strip(), found.get("src", "")
    media = _lookup(src.removeprefix("media:")) if src.startswith("media:") else None
    if media is None:
        return f"{opened}{_missing(alt)}{closed}"
    if media.kind == "audio":
        # A figure may not sit inside a paragraph: an audio alone on its line replaces it.
        inner = _audio(media.name, alt or media.alt, media.transcript)
        return inner if opened and closed else f"{opened}{inner}{closed}"
    image = (
        f'<img class="wp-media-image" src="{_url(media.name)}" alt="{escape(alt or media.alt)}">'
    )
    return f"{opened}{image}{closed}"


def with_media(html: str) -> Markup:
    return Markup(_IMG.sub(_one, html))  # noqa: S704 - built from escaped parts and sanitised HTML
