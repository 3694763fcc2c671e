"""Changing a learning source written in the browser. Each function checks what a form cannot
(an id already used, a shipped source's id) and raises SourceError with a message for the author."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import utcnow
from ..models import LearningSource, SourceCompetency, SourceFinding, SourcePage, SourceTag
from . import source_usage, sources


class SourceError(ValueError):
    """A change that cannot be made; `field` is the form field to show it beside."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field


def by_slug(session: Session, slug: str) -> LearningSource | None:
    return session.scalar(select(LearningSource).where(LearningSource.slug == slug))


def create(session: Session, content_dir: str, slug: str, title: str, kind: str, summary: str):
    if slug in sources.shipped(content_dir).sources or by_slug(session, slug) is not None:
        raise SourceError("slug", f"There is already a source with the id '{slug}'")
    row = LearningSource(slug=slug, title=title, kind=kind, summary=summary, updated_at=utcnow())
    session.add(row)
    session.flush()
    return row


def update(row: LearningSource, title: str, kind: str, summary: str) -> None:
    row.title, row.kind, row.summary, row.updated_at = title, kind, summary, utcnow()


def _taken(items, attr: str, value, field: str, what: str) -> None:
    if any(getattr(item, attr) == value for item in items):
        raise SourceError(field, f"This source already has {what} '{value}'")


def add_finding(row: LearningSource, number: int, title: str, page: str) -> None:
    _taken(row.findings, "number", number, "number", "a finding numbered")
    row.findings.append(SourceFinding(number=number, title=title, page=page))
    row.updated_at = utcnow()


def add_competency(
    session: Session, content_dir: str, row: LearningSource, key: str, name: str,
    findings: str, briefing: str, good: str,
) -> None:  # fmt: skip
    _taken(row.competencies, "key", key, "key", "a competency called")
    others = sources.source_set(session, content_dir).everything.competencies
    if key in others:
        raise SourceError(
            "key", f"'{key}' is already a competency of another source: pick a new id"
        )
    text = _findings_text(row, findings)
    row.competencies.append(
        SourceCompetency(key=key, name=name, findings=text, briefing=briefing, good=good)
    )
    row.updated_at = utcnow()


def _findings_text(row: LearningSource, findings: str) -> str:
    """'1,3' -> '1, 3', refused when the source has no such finding."""
    numbers = sources.finding_numbers(findings)
    known = {f.number for f in row.findings}
    missing = [n for n in numbers if n not in known]
    if missing:
        listed = ", ".join(map(str, missing))
        raise SourceError("findings", f"This source has no finding {listed}: add it first")
    return ", ".join(map(str, numbers))


def add_tag(row: LearningSource, key: str, label: str) -> None:
    _taken(row.tags, "key", key, "key", "a tag called")
    row.tags.append(SourceTag(key=key, label=label))
    row.updated_at = utcnow()


def page(row: LearningSource, slug: str) -> SourcePage | None:
    return next((p for p in row.pages if p.slug == slug), None)


def save_page(row: LearningSource, slug: str, title: str, body: str, new: bool) -> SourcePage:
    """Add a page (refused when the id is taken) or change an existing one."""
    found = page(row, slug)
    if new and found is not None:
        raise SourceError("slug", f"This source already has a page called '{slug}'")
    if found is None:
        found = SourcePage(slug=slug, title=title, body=body)
        row.pages.append(found)
    found.title, found.body = title, body
    row.updated_at = utcnow()
    return found


# Changing and deleting what a source holds. An id (a finding's number, a competency's or tag's
# id) never changes: scenarios and supervision rules name it, so the forms show it fixed.
ITEMS = {"finding": "findings", "competency": "competencies", "tag": "tags"}


def item(row: LearningSource, what: str, key: str):
    """The finding (by number), competency or tag (by id) of this source, or None."""
    attr = "number" if what == "finding" else "key"
    return next((i for i in getattr(row, ITEMS[what]) if str(getattr(i, attr)) == key), None)


def edit_finding(row: LearningSource, found: SourceFinding, title: str, page: str) -> None:
    found.title, found.page, row.updated_at = title, page, utcnow()


def edit_competency(
    row: LearningSource, found: SourceCompetency, name: str, findings: str, briefing: str,
    good: str,
) -> None:  # fmt: skip
    found.findings = _findings_text(row, findings)
    found.name, found.briefing, found.good, row.updated_at = name, briefing, good, utcnow()


def edit_tag(row: LearningSource, found: SourceTag, label: str) -> None:
    found.label, row.updated_at = label, utcnow()


def delete_item(session: Session, row: LearningSource, what: str, found) -> None:
    """Delete it, or refuse (SourceError on the form) while a scenario or competency uses it."""
    key = found.number if what == "finding" else found.key
    places = source_usage.uses(session, row, what, key)
    if places:
        raise SourceError("form", source_usage.refusal(what, places))
    getattr(row, ITEMS[what]).remove(found)
    row.updated_at = utcnow()
    session.flush()


def delete_page(session: Session, row: LearningSource, found: SourcePage) -> None:
    """Delete a briefing page, or refuse (SourceError) while anything still sends learners to it."""
    places = source_usage.page_uses(session, row, found.slug)
    if places:
        raise SourceError("form", source_usage.refusal("briefing page", places))
    row.pages.remove(found)
    row.updated_at = utcnow()
    session.flush()


def delete_source(session: Session, row: LearningSource) -> None:
    """Delete a source with everything it holds, or refuse while a draft or version names it."""
    places = source_usage.source_uses(session, row)
    if places:
        raise SourceError("form", source_usage.refusal("source", places))
    session.delete(row)
    session.flush()
