"""Publishing drafts as versions, the optional second-author approval, and archiving.

Publishing never edits a version: it adds a new immutable one through
`library.publish_text` (the same path as `flask scenarios load`), and learners start the newest
while attempts stay on the version they began with. When the approval setting is on, an author
asks for approval; the request freezes the text, and another author approves exactly that
text, having seen a diff against the published version.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..authoring.diff import Section, diff
from ..db import utcnow
from ..engine import Problem, Scenario, Vocabulary, check_text
from ..engine.wording import plural
from ..models import (
    ApprovalRequest,
    Decision,
    Draft,
    Origin,
    ScenarioVersion,
    StoredScenario,
    User,
)
from . import media, settings, trials
from .drafts import delete, stored_scenario
from .library import content_hash, publish_text


class PublishError(ValueError):
    """Publishing was refused; the message says why, for the author."""


@dataclass(frozen=True)
class Readiness:
    """What an author sees before publishing: problems, changes, and any newer version."""

    problems: list[Problem]
    current: ScenarioVersion | None
    changes: list[Section]
    overtaken: bool  # a version was published after this draft was started from another
    approval_required: bool

    @property
    def changed(self) -> bool:
        return bool(self.changes)


def _checked(
    session: Session, text: str, slug: str, vocab: Vocabulary
) -> tuple[Scenario, list[Problem]]:
    """The checker's problems, and every image or audio the player could not show."""
    scenario, problems = check_text(text, f"draft {slug}", vocab)
    return scenario, problems + media.problems(session, slug, text, f"draft {slug}")


def readiness(session: Session, draft: Draft, vocab: Vocabulary) -> Readiness:
    _, problems = _checked(session, draft.text, draft.slug, vocab)
    stored = stored_scenario(session, draft.slug)
    current = stored.current_version if stored else None
    overtaken = current is not None and draft.base_version_id != current.id
    return Readiness(
        problems,
        current,
        diff(current.source if current else "", draft.text),
        overtaken,
        settings.approval_required(session),
    )


def _publish(
    session: Session, text: str, slug: str, user: User, vocab: Vocabulary
) -> ScenarioVersion:
    scenario, problems = _checked(session, text, slug, vocab)
    if problems:
        raise PublishError(
            f"This draft has {plural(len(problems), 'problem')}. Fix them before publishing: "
            "learners can only be given scenarios with none."
        )
    version, _ = publish_text(session, scenario, text, f"{slug} (browser)", Origin.BROWSER, user.id)
    # A version first given to testers has the same text: publishing it makes it everyone's.
    version.scenario.current_version_id = version.id
    trials.end_test(session, version.scenario)
    session.flush()
    return version


def _settle_draft(session: Session, draft: Draft | None, version: ScenarioVersion) -> None:
    """A draft whose text is now published is done; one edited since keeps going from it."""
    if draft is None:
        return
    if content_hash(draft.text) == version.content_hash:
        version.from_draft_id = draft.id
        delete(session, draft)
    else:
        draft.base_version_id = version.id


def publish(
    session: Session, user: User, draft: Draft, vocab: Vocabulary, overtaken_ok: bool = False
) -> ScenarioVersion:
    """Publish straight away (approval not required). Refuses a draft with problems, and one
    overtaken by a newer version unless the author has looked at the differences."""
    if settings.approval_required(session):
        raise PublishError("A second author must approve this version: ask for approval instead.")
    ready = readiness(session, draft, vocab)
    if ready.overtaken and not overtaken_ok:
        raise PublishError(
            "A newer version was published after you started this draft. Check the "
            "differences below, then confirm that you want to replace it."
        )
    if not ready.changed:
        raise PublishError("This draft is the same as the published version: nothing to publish.")
    version = _publish(session, draft.text, draft.slug, user, vocab)
    _settle_draft(session, draft, version)
    return version


def request_approval(
    session: Session, user: User, draft: Draft, vocab: Vocabulary
) -> ApprovalRequest:
    """Freeze the draft's text for another author. Earlier open requests for it are withdrawn."""
    _, problems = _checked(session, draft.text, draft.slug, vocab)
    if problems:
        raise PublishError(f"This draft has {plural(len(problems), 'problem')}: fix them first.")
    digest = content_hash(draft.text)
    for old in open_requests(session, draft):
        if old.content_hash == digest:
            return old
        old.decision, old.decided_at, old.comment = (
            Decision.WITHDRAWN,
            utcnow(),
            "Replaced by a newer request",
        )
    request = ApprovalRequest(
        draft_id=draft.id,
        slug=draft.slug,
        text=draft.text,
        content_hash=digest,
        requested_by_id=user.id,
        comment="",
    )
    session.add(request)
    session.flush()
    return request


def open_requests(session: Session, draft: Draft | None = None) -> list[ApprovalRequest]:
    query = select(ApprovalRequest).where(ApprovalRequest.decision.is_(None))
    if draft is not None:
        query = query.where(ApprovalRequest.draft_id == draft.id)
    return list(session.scalars(query.order_by(ApprovalRequest.requested_at)))


def request_changes(session: Session, request: ApprovalRequest) -> list[Section]:
    """The diff the approver reads: the frozen text against what learners get now."""
    stored = stored_scenario(session, request.slug)
    current = stored.current_version if stored else None
    return diff(current.source if current else "", request.text)


def decide(
    session: Session,
    user: User,
    request: ApprovalRequest,
    approve: bool,
    comment: str,
    vocab: Vocabulary,
) -> ScenarioVersion | None:
    """Approve (publish the frozen text) or send back with a comment. The caller has checked
    `can(user, "approve_version", request)`: never the author who asked."""
    if request.decision is not None:
        raise PublishError("This request has already been decided.")
    version = None
    if approve:
        version = _publish(session, request.text, request.slug, user, vocab)
        request.version_id = version.id
        _settle_draft(session, request.draft, version)
    request.decision = Decision.APPROVED if approve else Decision.RETURNED
    request.decided_by_id, request.decided_at, request.comment = user.id, utcnow(), comment
    session.flush()
    return version


def set_archived(stored: StoredScenario, archived: bool) -> None:
    """Hide a scenario from the catalogue (or bring it back). Versions and attempts are kept,
    and learners can still finish and review attempts already started."""
    stored.archived = archived


def versions(session: Session, stored: StoredScenario) -> list[ScenarioVersion]:
    return list(
        session.scalars(
            select(ScenarioVersion)
            .where(ScenarioVersion.scenario_id == stored.id)
            .order_by(ScenarioVersion.number.desc())
        )
    )
