"""ORM models, split by area. Tables that hold a person's data are declared in
app.services.personal_data.PERSONAL_DATA, which export, erasure and a schema test all use."""

from .accounts import AccountChange, Agency, LoginThrottle, PasswordToken, Team, User, UserRole
from .audit import AuditEvent
from .authoring import ApprovalRequest, AuthoringSetting, Draft
from .learning import (
    Attempt,
    AttemptAnswer,
    AttemptScore,
    Reflection,
    ReflectionDraft,
    ScenarioVersion,
    StoredScenario,
)
from .supervision import AgreedAction, ReflectionComment, SupervisionSession

__all__ = [
    "AccountChange",
    "Agency",
    "ApprovalRequest",
    "AuthoringSetting",
    "Draft",
    "AgreedAction",
    "Attempt",
    "AttemptAnswer",
    "AttemptScore",
    "AuditEvent",
    "LoginThrottle",
    "PasswordToken",
    "Reflection",
    "ReflectionComment",
    "ReflectionDraft",
    "StoredScenario",
    "ScenarioVersion",
    "SupervisionSession",
    "Team",
    "User",
    "UserRole",
]
