"""ORM models, split by area. Tables that hold a person's data are declared in
app.services.personal_data.PERSONAL_DATA, which export, erasure and a schema test all use."""

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
from .assignments import Assignment
from .audit import AuditEvent, Notice
from .authoring import (
    ApprovalRequest,
    AuthoringSetting,
    Decision,
    Draft,
    DraftRevision,
    ScenarioTester,
)
from .cpd import Certificate, CpdEntry
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
from .lti import LtiGrade, LtiGradeLink, LtiHandoff, LtiLogin, LtiPlatform, LtiToolKey, LtiUserLink
from .media import MapPosition, MediaFile
from .sources import (
    LearningSource,
    SourceCompetency,
    SourceFinding,
    SourcePage,
    SourceRule,
    SourceTag,
)
from .summaries import AttemptSummary
from .supervision import AgreedAction, ReflectionComment, SupervisionSession
from .xapi import XapiStatement

__all__ = [
    "Assignment",
    "Certificate",
    "CpdEntry",
    "XapiStatement",
    "AccountChange",
    "Agency",
    "ApprovalRequest",
    "AuthoringSetting",
    "Decision",
    "Draft",
    "DraftRevision",
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
    "AttemptSummary",
    "AuditEvent",
    "LearningSource",
    "LoginThrottle",
    "MapPosition",
    "MediaFile",
    "LtiGrade",
    "LtiGradeLink",
    "LtiHandoff",
    "LtiLogin",
    "LtiPlatform",
    "LtiToolKey",
    "LtiUserLink",
    "Notice",
    "SourceCompetency",
    "SourceFinding",
    "SourcePage",
    "SourceRule",
    "SourceTag",
    "PasswordToken",
    "Reflection",
    "ReflectionComment",
    "ReflectionDraft",
    "Role",
    "StoredScenario",
    "ScenarioTester",
    "ScenarioVersion",
    "SupervisionSession",
    "Team",
    "User",
    "UserRole",
    "UserSession",
]
