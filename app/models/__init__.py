"""ORM models, split by area. Tables that hold a person's data are listed in PERSONAL_DATA so
export and erasure can be checked against the schema."""

from .accounts import (
    AccountChange,
    Agency,
    LoginThrottle,
    PasswordToken,
    Role,
    Team,
    User,
    UserRole,
    UserSession,
)
from .audit import AuditEvent, Notice
from .authoring import ApprovalRequest, AuthoringSetting, Decision, Draft
from .exercises import (
    ExerciseChoice,
    ExerciseParticipant,
    ExerciseRelease,
    ExerciseSession,
    ExerciseShare,
    ExerciseVersion,
    StoredExercise,
)
from .learning import (
    Attempt,
    AttemptAnswer,
    AttemptScore,
    Origin,
    Reflection,
    ReflectionDraft,
    ScenarioVersion,
    StoredScenario,
)
from .supervision import AgreedAction, ReflectionComment, SupervisionSession

# table name -> column that points at the person
PERSONAL_DATA = {
    "users": "id",
    "user_roles": "user_id",
    "account_changes": "user_id",
    "password_tokens": "user_id",
    "login_throttle": "email",
    "user_sessions": "user_id",
    "notices": "user_id",
    "attempts": "user_id",
    "steps": "attempt_id",  # AttemptAnswer
    "reflections": "user_id",
    "reflection_drafts": "user_id",
    "attempt_scores": "attempt_id",
    "audit_events": "subject_user_id",
    "supervision_sessions": "learner_id",
    "agreed_actions": "learner_id",
    "reflection_comments": "reflection_id",
    # authoring: who last saved a draft, asked for or gave approval, published a version
    "drafts": "updated_by_id",
    "approval_requests": "requested_by_id",
    "scenario_versions": "published_by_id",
    # exercises: who ran a session, sat in it, shared, decided or released an inject
    "exercise_sessions": "facilitator_id",
    "exercise_participants": "user_id",
    "exercise_shares": "user_id",
    "exercise_choices": "user_id",
    "exercise_releases": "released_by_id",
}

__all__ = [
    "PERSONAL_DATA",
    "AccountChange",
    "Agency",
    "ApprovalRequest",
    "AuthoringSetting",
    "Decision",
    "Draft",
    "ExerciseChoice",
    "ExerciseParticipant",
    "ExerciseRelease",
    "ExerciseSession",
    "ExerciseShare",
    "ExerciseVersion",
    "StoredExercise",
    "Origin",
    "AgreedAction",
    "Attempt",
    "AttemptAnswer",
    "AttemptScore",
    "AuditEvent",
    "LoginThrottle",
    "Notice",
    "PasswordToken",
    "Reflection",
    "ReflectionComment",
    "ReflectionDraft",
    "Role",
    "StoredScenario",
    "ScenarioVersion",
    "SupervisionSession",
    "Team",
    "User",
    "UserRole",
    "UserSession",
]
