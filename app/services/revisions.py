"""Every save of a draft is a revision: its whole text after the save, who saved it and what
they were editing. Saves of the same form by the same author within a few minutes (autosave
while typing) share one revision, so the history reads like an author's steps, not keystrokes.

Bringing back a revision, or one step from it, is itself a save: the history only grows, so an
undo can be undone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..authoring.diff import Section, diff
from ..db import utcnow
from ..models import Draft, DraftRevision, User

SAME_EDIT = timedelta(minutes=10)
BEFORE = "The draft before its history began"


def record(session: Session, draft: Draft, old_text: str, user: User | None, what: str) -> None:
    """Called after `draft.text` is set: keep it as a revision (or fold it into the author's
    last one for the same form). A draft from before the history began first keeps its old
    text, so the first save can be undone too."""
    last = draft.revisions[-1] if draft.revisions else None
    if last is None and old_text and old_text != draft.text:
        draft.revisions.append(
            DraftRevision(
                text=old_text, what=BEFORE, saved_at=draft.created_at or utcnow(),
                saved_by_id=None,
            )
        )  # fmt: skip
    elif last is not None and last.text == draft.text:
        return
    user_id = user.id if user is not None else None
    now = utcnow()
    if (
        last is not None
        and what
        and last.what == what
        and last.saved_by_id == user_id
        and now - last.saved_at < SAME_EDIT
        and len(draft.revisions) > 1
    ):
        last.text, last.saved_at = draft.text, now
        return
    draft.revisions.append(
        DraftRevision(text=draft.text, what=what or "the draft", saved_at=now, saved_by_id=user_id)
    )


@dataclass(frozen=True)
class HistoryEntry:
    revision: DraftRevision
    number: int
    changes: list[Section]  # from the revision before it
    current: bool  # the same text as the draft now

    @property
    def removed(self) -> list[Section]:
        """Steps this save deleted (each can be brought back on its own)."""
        return [s for s in self.changes if s.status == "removed" and s.key]


def history(draft: Draft) -> list[HistoryEntry]:
    """Newest first, each with what it changed."""
    entries, previous = [], ""
    for number, revision in enumerate(draft.revisions, start=1):
        changes = diff(previous, revision.text) if previous else []
        entries.append(HistoryEntry(revision, number, changes, revision.text == draft.text))
        previous = revision.text
    return entries[::-1]


def revision_of(session: Session, draft: Draft, revision_id: int) -> DraftRevision | None:
    return session.scalar(
        select(DraftRevision).where(
            DraftRevision.id == revision_id, DraftRevision.draft_id == draft.id
        )
    )


def before(draft: Draft, revision: DraftRevision) -> DraftRevision | None:
    """The revision saved just before this one."""
    earlier = [r for r in draft.revisions if r.id < revision.id]
    return earlier[-1] if earlier else None


def number_of(draft: Draft, revision: DraftRevision) -> int:
    return [r.id for r in draft.revisions].index(revision.id) + 1
