"""The one place that decides who may do what. Views call `can()` through `require()` and
`load_or_refuse()`, and list queries use `visible_attempts_clause()`, so a page and a URL never
disagree.

Reflections are sensitive personal data: only the learner and their own current supervisor may
read them; administrators act on them only through export and erasure.

The actions, one name each:

| action | object | who |
|---|---|---|
| `area:learn`, `area:supervise`, `area:author`, `area:admin` | - | the roles in `AREA_ROLES` |
| `view_attempt` | Attempt | its learner, and their current supervisor |
| `answer_attempt` | Attempt | its learner |
| `approve_version` | ApprovalRequest | an author other than the one who asked, while it is open |
| `change_authoring_settings` | - | administrators |
| `test_scenario` | StoredScenario | the people an author gave a test version to, until it is archived |
| `supervise_learner` | User | their current supervisor, while the learner is active |
| `comment_reflection` | Reflection | the learner's current supervisor |
| `complete_action` | AgreedAction | the learner it was agreed with |
| `dismiss_notice` | Notice | the person it was written for |
| `view_media` | MediaFile | authors and admins; anyone signed in once its scenario is published; its testers before that |
| `answer_deep_link` | LtiHandoff | the person the platform's deep-linking launch signed in |
| `area:facilitate` | - | facilitators, authors and administrators: start exercise sessions |
| `area:insights` | - | the insights role, authors and administrators: anonymous aggregates |
| `area:assign` | - | supervisors and administrators: assignments and their completion report |
| `assign` | User, Team, Agency | a User: their supervisor; a Team: an admin, or a supervisor in it; an Agency: an admin |
| `view_session` | ExerciseSession | its facilitator and its participants |
| `facilitate_session` | ExerciseSession | its facilitator (a solo session's learner moves its phases) |
| `play_seat` | SeatRef | participants in that seat; the facilitator, while no one sits there |
| `record_cpd` | Attempt, ExerciseParticipant | its learner, once it is finished: their CPD entry and certificate |
| `own_certificate` | Certificate | the person it was issued to (the public sees only its verification page) |

A CPD record and certificates are their learner's alone: no supervisor or admin reads them in the
site; an admin receives them only in the person's data export (app.services.personal_data).

Refusals follow one rule, so a guessed URL reveals nothing:
- **403** when the person may not use the area at all (a learner opening /author), or may see
  the object but not do this to it (approving their own request): `require()`;
- **404** when the object does not exist, or exists in an area they may use but is not theirs to
  see (another learner's attempt, a supervisee of someone else): `load_or_refuse()`.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from flask import abort
from flask_login import current_user
from sqlalchemy import ColumnElement, and_, false, or_, select, true

from .db import db
from .models import (
    Agency,
    AgreedAction,
    ApprovalRequest,
    Assignment,
    Attempt,
    Certificate,
    ExerciseParticipant,
    ExerciseSession,
    Reflection,
    ReflectionComment,
    Role,
    ScenarioTester,
    StoredScenario,
    SupervisionSession,
    Team,
    User,
)

AREA_ROLES = {  # the roles that open each area of the site
    "admin": {Role.ADMIN},
    "author": {Role.AUTHOR, Role.ADMIN},
    "supervise": {Role.SUPERVISOR},
    "facilitate": {Role.FACILITATOR, Role.AUTHOR, Role.ADMIN},
    # anonymous aggregates across the partnership: never a named learner, never free text
    "assign": {Role.SUPERVISOR, Role.ADMIN},  # set work with a due date; see its completion
    "insights": {Role.INSIGHTS, Role.AUTHOR, Role.ADMIN},
    "learn": set(Role),
}


def _is_user(user: Any) -> bool:
    return isinstance(user, User) and user.active


def can(user: Any, action: str, obj: Any = None) -> bool:
    """May `user` do `action` (to `obj`)? Anonymous and deactivated users may do nothing."""
    if not _is_user(user):
        return False
    if action.startswith("area:"):
        return bool(user.roles & AREA_ROLES[action.removeprefix("area:")])
    if action == "view_attempt":
        assert isinstance(obj, Attempt)
        return obj.user_id == user.id or _supervises(user, obj.user_id)
    if action == "answer_attempt":
        assert isinstance(obj, Attempt)
        return obj.user_id == user.id
    if action == "dismiss_notice":
        return obj.user_id == user.id
    if action == "test_scenario":  # a version given to them to try before everyone
        return _testing(user, obj)
    if action == "view_media":  # learners see a published scenario's steps, archived ones too
        if can(user, "area:author"):  # (an attempt started before archiving plays on)
            return True
        stored = db.session.scalar(
            select(StoredScenario).where(StoredScenario.slug == obj.scenario_slug)
        )
        if stored is None:
            return False
        # testers see the media of the version they were given, before anyone else
        return stored.current_version_id is not None or _testing(user, stored)
    if action in CPD:
        return _cpd(user, action, obj)
    if action == "answer_deep_link":  # an LTI deep-linking request: the person it launched
        return obj.user_id == user.id
    if action == "assign":
        return _assign(user, obj)
    if action in AUTHORING:
        return _authoring(user, action, obj)
    if action in EXERCISES:
        return _exercises(user, action, obj)
    return _supervision(user, action, obj)


CPD = {"record_cpd", "own_certificate"}


def _cpd(user: User, action: str, obj: Any) -> bool:
    if action == "own_certificate":
        assert isinstance(obj, Certificate)
        return obj.user_id == user.id
    if isinstance(obj, Attempt):
        return obj.user_id == user.id and obj.completed_at is not None
    assert isinstance(obj, ExerciseParticipant)
    from .db import utcnow
    from .services.exercise_sessions import is_over  # every phase closed

    return obj.user_id == user.id and is_over(obj.session, utcnow())


# Authoring: authors and admins only. Nothing here reads learners' records, so an author never
# sees a learner's name or reflection through authoring or preview.
AUTHORING = {"approve_version", "change_authoring_settings"}


def _authoring(user: User, action: str, obj: Any) -> bool:
    if not can(user, "area:author"):
        return False
    if action == "approve_version":  # a *second* author: never the one who asked
        assert isinstance(obj, ApprovalRequest)
        return obj.requested_by_id != user.id and obj.decision is None
    assert action == "change_authoring_settings"
    return user.has_role(Role.ADMIN)


def _testing(user: User, obj: Any) -> bool:
    assert isinstance(obj, StoredScenario)
    if obj.archived:
        return False
    return (
        db.session.scalar(
            select(ScenarioTester.id)
            .where(ScenarioTester.scenario_id == obj.id, ScenarioTester.user_id == user.id)
            .limit(1)
        )
        is not None
    )


@dataclass(frozen=True)
class SeatRef:
    """A seat of a session: what `play_seat` is asked about."""

    session: ExerciseSession
    seat: str


EXERCISES = {"view_session", "facilitate_session", "play_seat"}


def _seat_of(user: User, sess: ExerciseSession) -> tuple[bool, str | None]:
    """(is a participant, their seat) in one query."""
    row = db.session.execute(
        select(ExerciseParticipant.seat).where(
            ExerciseParticipant.session_id == sess.id, ExerciseParticipant.user_id == user.id
        )
    ).first()
    return (row is not None, row[0] if row else None)


def _exercises(user: User, action: str, obj: Any) -> bool:
    """Only a session's facilitator and participants see it; a seat's page, forms and feed are
    its participants' (and the facilitator's while the seat is empty: playing a silent seat)."""
    if action == "play_seat":
        assert isinstance(obj, SeatRef)
        sess = obj.session
        joined, seat = _seat_of(user, sess)
        if joined:
            return seat == obj.seat
        if sess.facilitator_id != user.id:
            return False
        taken = db.session.scalar(
            select(ExerciseParticipant.id).where(
                ExerciseParticipant.session_id == sess.id, ExerciseParticipant.seat == obj.seat
            )
        )
        return taken is None
    assert isinstance(obj, ExerciseSession)
    if action == "facilitate_session":
        if obj.mode == "solo":
            return _seat_of(user, obj)[0]
        return obj.facilitator_id == user.id and can(user, "area:facilitate")
    assert action == "view_session"
    return obj.facilitator_id == user.id or _seat_of(user, obj)[0]


def _assign(user: User, obj: Any) -> bool:
    """Supervisors set work for a learner they supervise or their own team; administrators for
    any team or agency."""
    admin = user.has_role(Role.ADMIN)
    if isinstance(obj, User):
        return _supervisor_of(user, obj)
    if isinstance(obj, Team):
        return admin or (user.has_role(Role.SUPERVISOR) and user.team_id == obj.id)
    if isinstance(obj, Agency):
        return admin
    raise ValueError(f"cannot assign to {obj!r}")


def assignments_clause(user: Any) -> ColumnElement[bool]:
    """The assignments whose completion `user` may see: all for an administrator, those they
    set for a supervisor."""
    if not _is_user(user):
        return false()
    if user.has_role(Role.ADMIN):
        return true()
    if user.has_role(Role.SUPERVISOR):
        return Assignment.assigned_by_id == user.id
    return false()


def _supervision(user: User, action: str, obj: Any) -> bool:
    """Supervision records and reflections: the learner and their current supervisor only."""
    if action == "supervise_learner":  # their dashboard row, page, agenda; record a session
        assert isinstance(obj, User)
        return _supervisor_of(user, obj)
    if action == "comment_reflection":
        assert isinstance(obj, Reflection)
        return obj.user_id != user.id and _supervises(user, obj.user_id)
    if action == "change_comment":  # correct or withdraw: its author, still the supervisor
        assert isinstance(obj, ReflectionComment)
        owner = db.session.get(Reflection, obj.reflection_id)
        return obj.author_id == user.id and owner is not None and _supervises(user, owner.user_id)
    if action == "change_record":  # correct or withdraw: its author, still the supervisor
        assert isinstance(obj, SupervisionSession)
        return obj.supervisor_id == user.id and _supervises(user, obj.learner_id)
    if action == "complete_action":  # only the learner marks their own actions done
        assert isinstance(obj, AgreedAction)
        return obj.learner_id == user.id
    raise ValueError(f"unknown action {action!r}")


def _supervisor_of(user: User, learner: User) -> bool:
    """The one supervision rule: the learner's current supervisor, while the learner is active.
    `supervisees_clause` is the same rule as SQL."""
    return (
        user.has_role(Role.SUPERVISOR)
        and learner.id != user.id
        and learner.active
        and learner.supervisor_id == user.id
    )


def _supervises(user: User, learner_id: int) -> bool:
    if learner_id == user.id:
        return False
    learner = db.session.get(User, learner_id)
    return learner is not None and _supervisor_of(user, learner)


def supervisees_clause(user: Any) -> ColumnElement[bool]:
    """A WHERE clause for User matching exactly the learners `can(user, 'supervise_learner')`."""
    if not _is_user(user) or not user.has_role(Role.SUPERVISOR):
        return false()
    return and_(User.supervisor_id == user.id, User.active.is_(True), User.id != user.id)


def visible_attempts_clause(user: Any) -> ColumnElement[bool]:
    """A WHERE clause for Attempt matching exactly the attempts `can(user, 'view_attempt')`."""
    if not _is_user(user):
        return false()
    clauses = [Attempt.user_id == user.id]
    if user.has_role(Role.SUPERVISOR):
        clauses.append(Attempt.user_id.in_(select(User.id).where(supervisees_clause(user))))
    return or_(*clauses)


# -- for views: the rule above as HTTP answers ---------------------------------------------------

Model = TypeVar("Model")


def require(action: str, obj: Any = None) -> None:
    """Refuse with 403 unless the signed-in person may do `action` (to `obj`)."""
    if not can(current_user, action, obj):
        abort(403)


def load_or_refuse(
    model: type[Model],
    key: Any,
    action: str | None = None,
    *,
    by: Any = None,
    shown: Callable[[Model], bool] | None = None,
    options: Sequence[Any] = (),
) -> Model:
    """The row of `model` with primary key `key` (or whose column `by` equals `key`), or 404
    when there is none, when `shown(row)` is false (archived, not yet published) or when the
    signed-in person may not do `action` to it. Never 403: see the module's rule. `options`
    (loader options) fetch what the caller will read in the same query."""
    if by is None:
        found = db.session.get(model, key, options=options)
    else:
        found = db.session.scalar(select(model).where(by == key).options(*options))
    if found is None or (shown is not None and not shown(found)):
        abort(404)
    if action is not None and not can(current_user, action, found):
        abort(404)
    return found
