"""Template globals: where a competency's briefing is, and which source its findings are from.
Feedback, endings and profiles call them, so a scenario's links follow its sources."""

from __future__ import annotations

from flask import current_app, url_for

from ..db import db
from ..services import source_editing as editing
from ..services import sources
from . import bp


def _content() -> str:
    return current_app.config["CONTENT_DIR"]


@bp.app_template_global()
def briefing_url(competency, back: str | None = None) -> str:
    """Where a competency's briefing is: content/pages/ for a shipped source, else the page of
    the source written in the browser."""
    shipped = sources.shipped(_content()).sources
    if not competency.source or competency.source in shipped:
        return url_for("guide.page", slug=competency.briefing, back=back)
    if not competency.briefing:
        return url_for("sources.about", slug=competency.source)
    return url_for("sources.page", slug=competency.source, page_slug=competency.briefing, back=back)


@bp.app_template_global()
def finding_source(competency) -> str:
    """'review' for the shipped review (as feedback always said), else the source's title."""
    shipped = sources.shipped(_content()).sources
    if not competency.source or competency.source in shipped:
        return "review"
    row = editing.by_slug(db.session, competency.source)
    return row.title if row else competency.source
