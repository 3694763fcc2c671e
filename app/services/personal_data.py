"""Everything held about a person, declared once: `PERSONAL_DATA` lists every table that holds
personal data, the column(s) that link a row to the person, and what export and erasure do
with it. Export and erasure are driven by this list; tests/unit/test_personal_data_map.py fails
when a table in the schema is in neither this list nor `NOT_PERSONAL`.

Erasure keeps other people's records whole: a comment or session note written *about someone
else* stays with that person's record, its author shown as "Erased person". Answers stay for
anonymous aggregates, detached from the person (attempts.user_id set to NULL).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

from sqlalchemy import ColumnElement, delete, select, update
from sqlalchemy.orm import Session

from ..db import utcnow
from ..models import (
    AccountChange,
    AgreedAction,
    ApprovalRequest,
    Assignment,
    Attempt,
    AttemptAnswer,
    AttemptScore,
    AttemptSummary,
    AuditEvent,
    Certificate,
    CpdEntry,
    Draft,
    DraftRevision,
    ExerciseChoice,
    ExerciseParticipant,
    ExerciseRelease,
    ExerciseSession,
    ExerciseShare,
    LoginThrottle,
    LtiGrade,
    LtiGradeLink,
    LtiHandoff,
    LtiUserLink,
    MediaFile,
    Notice,
    PasswordToken,
    Reflection,
    ReflectionComment,
    ReflectionDraft,
    ScenarioTester,
    ScenarioVersion,
    SupervisionSession,
    User,
    UserRole,
    UserSession,
    XapiStatement,
)

ERASED_NAME = "Erased person"
ERASE_RULES = ("delete", "blank", "detach", "keep")


@dataclass(frozen=True)
class Holding:
    """One kind of personal data: rows of `model` matched by `where(user)`."""

    name: str  # the key in the export
    model: type
    links: tuple[str, ...]  # columns linking a row to the person (directly or via a parent)
    where: Callable[[User], ColumnElement[bool]]
    erase: str  # "delete", "blank" (set `blank`), "detach" (link set to NULL) or "keep"
    why: str = ""  # for "keep": why the row stays, and why that is safe
    blank: Callable[[User], dict[str, Any]] | None = None
    omit: tuple[str, ...] = field(default=())  # never exported (secrets)

    @property
    def table(self) -> str:
        return self.model.__tablename__


def _own_attempts(user: User):
    return select(Attempt.id).where(Attempt.user_id == user.id)


def _own_reflections(user: User):
    return select(Reflection.id).where(Reflection.user_id == user.id)


def _own_sessions(user: User):
    return select(SupervisionSession.id).where(SupervisionSession.learner_id == user.id)


def _erased_account(user: User) -> dict[str, Any]:
    return {
        "email": f"erased-{user.id}@erased.invalid",
        "display_name": ERASED_NAME,
        "password_hash": None,
        "active": False,
        "agency_id": None,
        "team_id": None,
        "supervisor_id": None,
        "session_version": User.session_version + 1,
    }


KEEP_OTHERS = "part of another person's record; the author now shows as 'Erased person'"

# In erasure order: rows that point at others go before the rows they point at.
PERSONAL_DATA: tuple[Holding, ...] = (
    Holding(
        "comments_on_your_reflections",
        ReflectionComment,
        ("reflection_id",),
        lambda u: ReflectionComment.reflection_id.in_(_own_reflections(u)),
        "delete",
    ),
    Holding(
        "comments_you_wrote",
        ReflectionComment,
        ("author_id",),
        lambda u: ReflectionComment.author_id == u.id,
        "keep",
        KEEP_OTHERS,
    ),
    Holding(
        "reflections", Reflection, ("user_id",), lambda u: Reflection.user_id == u.id, "delete"
    ),
    Holding(
        "reflection_drafts",
        ReflectionDraft,
        ("user_id", "attempt_id"),
        lambda u: ReflectionDraft.user_id == u.id,
        "delete",
    ),
    Holding(
        "answers",
        AttemptAnswer,
        ("attempt_id",),
        lambda u: AttemptAnswer.attempt_id.in_(_own_attempts(u)),
        "keep",
        "kept for anonymous aggregates: their attempt is detached from the person",
    ),
    Holding(
        "scores",
        AttemptScore,
        ("attempt_id",),
        lambda u: AttemptScore.attempt_id.in_(_own_attempts(u)),
        "keep",
        "kept for anonymous aggregates: their attempt is detached from the person",
    ),
    Holding(
        "attempt_summaries",
        AttemptSummary,
        ("attempt_id",),
        lambda u: AttemptSummary.attempt_id.in_(_own_attempts(u)),
        "delete",
    ),
    Holding("attempts", Attempt, ("user_id",), lambda u: Attempt.user_id == u.id, "detach"),
    Holding(
        "agreed_actions",
        AgreedAction,
        ("learner_id", "session_id"),
        lambda u: AgreedAction.learner_id == u.id,
        "delete",
    ),
    Holding(
        "supervision_sessions",
        SupervisionSession,
        ("learner_id",),
        lambda u: SupervisionSession.learner_id == u.id,
        "delete",
    ),
    Holding(
        "supervision_sessions_you_held",
        SupervisionSession,
        ("supervisor_id",),
        lambda u: SupervisionSession.supervisor_id == u.id,
        "keep",
        KEEP_OTHERS,
    ),
    Holding(
        "comments_you_withdrew",
        ReflectionComment,
        ("withdrawn_by_id",),
        lambda u: ReflectionComment.withdrawn_by_id == u.id,
        "keep",
        KEEP_OTHERS,
    ),
    Holding(
        "supervision_sessions_you_withdrew",
        SupervisionSession,
        ("withdrawn_by_id",),
        lambda u: SupervisionSession.withdrawn_by_id == u.id,
        "keep",
        KEEP_OTHERS,
    ),
    Holding(
        "audit_entries_about_you",
        AuditEvent,
        ("subject_user_id",),
        lambda u: AuditEvent.subject_user_id == u.id,
        "blank",
        blank=lambda u: {"detail": {"erased": True}},
    ),
    Holding(
        "audit_entries_by_you",
        AuditEvent,
        ("actor_id",),
        lambda u: AuditEvent.actor_id == u.id,
        "keep",
        "who did what stays accountable; the actor now shows as 'Erased person'",
    ),
    Holding(
        "account_changes",
        AccountChange,
        ("user_id",),
        lambda u: AccountChange.user_id == u.id,
        "blank",
        blank=lambda u: {"old_value": None, "new_value": None},
    ),
    Holding(
        "account_changes_you_made",
        AccountChange,
        ("changed_by_id",),
        lambda u: AccountChange.changed_by_id == u.id,
        "keep",
        KEEP_OTHERS,
    ),
    Holding(
        "set_password_links",
        PasswordToken,
        ("user_id",),
        lambda u: PasswordToken.user_id == u.id,
        "delete",
        omit=("token_hash",),
    ),
    Holding(
        "set_password_links_you_issued",
        PasswordToken,
        ("created_by_id",),
        lambda u: PasswordToken.created_by_id == u.id,
        "keep",
        KEEP_OTHERS,
        omit=("token_hash",),
    ),
    Holding(
        "sign_in_failures",
        LoginThrottle,
        ("email",),
        lambda u: LoginThrottle.email == u.email,
        "delete",
    ),
    Holding(
        "drafts_you_saved",
        Draft,
        ("updated_by_id",),
        lambda u: Draft.updated_by_id == u.id,
        "keep",
        "scenario text, not about the person; the author now shows as 'Erased person'",
    ),
    Holding(
        "draft_revisions_you_saved",
        DraftRevision,
        ("saved_by_id",),
        lambda u: DraftRevision.saved_by_id == u.id,
        "keep",
        "scenario text, not about the person; the author now shows as 'Erased person'",
        omit=("text",),
    ),
    Holding(
        "test_versions_given_to_you",
        ScenarioTester,
        ("user_id", "added_by_id"),
        lambda u: (ScenarioTester.user_id == u.id) | (ScenarioTester.added_by_id == u.id),
        "delete",
    ),
    Holding(
        "media_you_uploaded",
        MediaFile,
        ("uploaded_by_id",),
        lambda u: MediaFile.uploaded_by_id == u.id,
        "detach",  # the scenario's image or audio stays; who uploaded it is forgotten
        omit=("data",),
    ),
    Holding(
        "approval_requests",
        ApprovalRequest,
        ("requested_by_id", "decided_by_id"),
        lambda u: (
            (ApprovalRequest.requested_by_id == u.id) | (ApprovalRequest.decided_by_id == u.id)
        ),
        "keep",
        "scenario text and a decision about it; the author now shows as 'Erased person'",
    ),
    Holding(
        "versions_you_published",
        ScenarioVersion,
        ("published_by_id",),
        lambda u: ScenarioVersion.published_by_id == u.id,
        "keep",
        "published scenario text; the publisher now shows as 'Erased person'",
        omit=("source",),
    ),
    # exercises: their words go, the partnership's record stays whole and anonymous
    Holding(
        "exercise_decisions",
        ExerciseChoice,
        ("user_id",),
        lambda u: ExerciseChoice.user_id == u.id,
        "blank",
        blank=lambda u: {"user_id": None, "why": ""},
    ),
    Holding(
        "exercise_shares",
        ExerciseShare,
        ("user_id",),
        lambda u: ExerciseShare.user_id == u.id,
        "blank",
        blank=lambda u: {"user_id": None, "why": ""},
    ),
    Holding(
        "exercise_seats",
        ExerciseParticipant,
        ("user_id",),
        lambda u: ExerciseParticipant.user_id == u.id,
        "delete",
    ),
    Holding(
        "exercise_sessions_you_ran",
        ExerciseSession,
        ("facilitator_id",),
        lambda u: ExerciseSession.facilitator_id == u.id,
        "detach",
    ),
    Holding(
        "exercise_injects_you_released",
        ExerciseRelease,
        ("released_by_id",),
        lambda u: ExerciseRelease.released_by_id == u.id,
        "detach",
    ),
    # xAPI statements about the person: their export shows what was (or will be) sent; erasure
    # deletes the queue rows. Statements a record store already holds are that store's to erase.
    Holding(
        "learning_record_statements",
        XapiStatement,
        ("user_id",),
        lambda u: XapiStatement.user_id == u.id,
        "delete",
    ),
    Holding("cpd_record", CpdEntry, ("user_id",), lambda u: CpdEntry.user_id == u.id, "delete"),
    Holding(
        "certificates",
        Certificate,
        ("user_id",),
        lambda u: Certificate.user_id == u.id,
        "delete",  # their verification links stop working
    ),
    Holding("notices", Notice, ("user_id",), lambda u: Notice.user_id == u.id, "delete"),
    # assignments: work set for the person goes; work they set for others stays, unsigned
    Holding(
        "assignments_set_for_you",
        Assignment,
        ("user_id",),
        lambda u: Assignment.user_id == u.id,
        "delete",
    ),
    Holding(
        "assignments_you_set",
        Assignment,
        ("assigned_by_id",),
        lambda u: Assignment.assigned_by_id == u.id,
        "detach",
    ),
    Holding(
        "signed_in_browsers",
        UserSession,
        ("user_id",),
        lambda u: UserSession.user_id == u.id,
        "delete",
        omit=("id_hash",),
    ),
    # learning platforms (LTI): the link from the platform's id for the person goes, so a later
    # launch from that platform makes a new, empty account
    Holding(
        "scores_for_learning_platforms",
        LtiGrade,
        ("user_id",),
        lambda u: LtiGrade.user_id == u.id,
        "delete",
    ),
    Holding(
        "learning_platform_gradebook_links",
        LtiGradeLink,
        ("user_id",),
        lambda u: LtiGradeLink.user_id == u.id,
        "delete",
    ),
    Holding(
        "learning_platform_launches",
        LtiHandoff,
        ("user_id",),
        lambda u: LtiHandoff.user_id == u.id,
        "delete",
        omit=("token_hash", "state_hash"),
    ),
    Holding(
        "learning_platform_accounts",
        LtiUserLink,
        ("user_id",),
        lambda u: LtiUserLink.user_id == u.id,
        "delete",
    ),
    Holding("roles", UserRole, ("user_id",), lambda u: UserRole.user_id == u.id, "delete"),
    Holding(
        "people_you_supervise",
        User,
        ("supervisor_id",),
        lambda u: User.supervisor_id == u.id,
        "keep",
        "their own accounts: an admin gives them a new supervisor",
        # only that they are linked: the supervisees' own details are theirs, not the subject's
        omit=(
            "password_hash",
            "email",
            "display_name",
            "session_version",
            "created_at",
            "active",
            "agency_id",
            "team_id",
        ),
    ),
    Holding(
        "account",
        User,
        ("id",),
        lambda u: User.id == u.id,
        "blank",
        blank=_erased_account,
        omit=("password_hash", "session_version"),
    ),
)


def _plain(value: Any) -> Any:
    if isinstance(value, datetime | date):
        return value.isoformat()
    return value


def _row(obj: Any, omit: tuple[str, ...]) -> dict[str, Any]:
    table = obj.__table__
    return {
        c.name: _plain(getattr(obj, obj.__mapper__.get_property_by_column(c).key))
        for c in table.columns
        if c.name not in omit
    }


def export(session: Session, user: User) -> dict[str, Any]:
    """Everything held about `user`, as plain JSON-ready data, one key per holding."""
    found: dict[str, Any] = {
        "exported_at": utcnow().isoformat(),
        "about": "Everything Whole Picture holds about you, table by table.",
    }
    for holding in PERSONAL_DATA:
        rows = session.scalars(select(holding.model).where(holding.where(user)))
        found[holding.name] = [_row(obj, holding.omit) for obj in rows]
    return found


def erase(session: Session, user: User, actor: User | None = None) -> dict[str, int]:
    """Erase `user`: each holding's rule, in order, then one audit entry naming who erased
    whom with the counts per holding, and no text of theirs. Returns those counts."""
    subject_id, actor_id = user.id, actor.id if actor else None
    counts: dict[str, int] = {}
    for holding in PERSONAL_DATA:
        clause = holding.where(user)
        if holding.erase == "delete":
            result = session.execute(delete(holding.model).where(clause))
        elif holding.erase == "blank":
            values = holding.blank(user)
            result = session.execute(update(holding.model).where(clause).values(**values))
        elif holding.erase == "detach":
            values = {name: None for name in holding.links}
            result = session.execute(update(holding.model).where(clause).values(**values))
        else:
            continue
        counts[holding.name] = result.rowcount
    session.add(
        AuditEvent(
            actor_id=actor_id,
            action="erase_personal_data",
            subject_user_id=subject_id,
            detail={"counts": counts},
        )
    )
    session.flush()
    session.expire_all()
    return counts


# Tables that hold nothing about a person, and why: the schema test accepts these.
NOT_PERSONAL = {
    "agencies": "organisations' names",
    "teams": "team names within an agency",
    "scenarios": "scenario slugs and the current version",
    "exercises": "exercise slugs and the current version",
    "exercise_versions": "exercise text loaded from files",
    "authoring_settings": "service-wide settings",
    "learning_sources": "reviews, reports and policies a partnership learns from",
    "source_findings": "a learning source's findings",
    "source_competencies": "the competencies a learning source adds",
    "source_tags": "the tags a learning source adds",
    "source_pages": "a learning source's briefing pages",
    "source_rules": "a learning source's supervision rules (about tags, not people)",
    "draft_map_positions": "where an author placed a draft's steps on its map",
    "alembic_version": "the schema's revision",
    "lti_platforms": "learning platforms registered to launch the tool",
    "lti_tool_keys": "the tool's own signing key",
    "lti_logins": "a platform login in progress: random state and nonce, no person named",
}
