"""LTI 1.3: the platforms (Moodle, Totara...) that launch Whole Picture, the tool's own signing
key, and what a launch leaves behind. Everything a launch needs between two requests is a row
here, never process memory, so a launch works when its requests reach different servers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, Float, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import db, utcnow


class LtiPlatform(db.Model):
    """A learning platform registered by an admin: what it told us about itself."""

    __tablename__ = "lti_platforms"
    __table_args__ = (UniqueConstraint("issuer", "client_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    issuer: Mapped[str] = mapped_column(String(400))
    client_id: Mapped[str] = mapped_column(String(200))
    auth_login_url: Mapped[str] = mapped_column(String(1000))
    token_url: Mapped[str] = mapped_column(String(1000))
    jwks_url: Mapped[str] = mapped_column(String(1000))
    deployment_ids: Mapped[str] = mapped_column(Text, default="")  # one a line
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)

    @property
    def deployments(self) -> list[str]:
        return [line.strip() for line in self.deployment_ids.splitlines() if line.strip()]


class LtiToolKey(db.Model):
    """The tool's RSA key pair, made once. The private half signs deep-linking responses and
    grade-service assertions and is never shown; the public half is served as a JWKS."""

    __tablename__ = "lti_tool_keys"
    id: Mapped[int] = mapped_column(primary_key=True)
    kid: Mapped[str] = mapped_column(String(64), unique=True)
    private_pem: Mapped[str] = mapped_column(Text)
    public_jwk: Mapped[dict] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)


class LtiLogin(db.Model):
    """An OIDC login started by a platform: the state (kept as a hash) and nonce the launch
    must bring back, once, before `expires_at`."""

    __tablename__ = "lti_logins"
    state_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    nonce: Mapped[str] = mapped_column(String(64), unique=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("lti_platforms.id"), index=True)
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)


class LtiUserLink(db.Model):
    """The platform's subject id for a person, linked to their Whole Picture account."""

    __tablename__ = "lti_user_links"
    __table_args__ = (UniqueConstraint("platform_id", "subject"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("lti_platforms.id"), index=True)
    subject: Mapped[str] = mapped_column(String(255))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    platform: Mapped[LtiPlatform] = relationship()


class LtiHandoff(db.Model):
    """A verified launch waiting for the browser's same-site step (see app/lti/views.py), then
    for a deep-linking launch the author's pick. `kind` is "resource" or "deep_link"."""

    __tablename__ = "lti_handoffs"
    id: Mapped[int] = mapped_column(primary_key=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    state_hash: Mapped[str] = mapped_column(String(64))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("lti_platforms.id"), index=True)
    deployment_id: Mapped[str] = mapped_column(String(255))
    kind: Mapped[str] = mapped_column(String(20))
    target: Mapped[str | None] = mapped_column(String(100))  # a scenario slug
    settings: Mapped[dict] = mapped_column(JSON, default=dict)  # deep-linking settings
    expires_at: Mapped[datetime] = mapped_column(DateTime, index=True)
    entered_at: Mapped[datetime | None] = mapped_column(DateTime)
    answered_at: Mapped[datetime | None] = mapped_column(DateTime)
    platform: Mapped[LtiPlatform] = relationship()


class LtiGradeLink(db.Model):
    """A person launched a scenario from a platform's gradebook column (line item): their
    completions of it go back there."""

    __tablename__ = "lti_grade_links"
    __table_args__ = (UniqueConstraint("user_id", "scenario_id", "lineitem_url"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    scenario_id: Mapped[int] = mapped_column(ForeignKey("scenarios.id"), index=True)
    platform_id: Mapped[int] = mapped_column(ForeignKey("lti_platforms.id"), index=True)
    subject: Mapped[str] = mapped_column(String(255))
    lineitem_url: Mapped[str] = mapped_column(String(1000))
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    platform: Mapped[LtiPlatform] = relationship()


class LtiGrade(db.Model):
    """A score waiting to go to (or gone to) a platform: an outbox row, retried until sent."""

    __tablename__ = "lti_grades"
    __table_args__ = (UniqueConstraint("link_id", "attempt_id"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    link_id: Mapped[int] = mapped_column(ForeignKey("lti_grade_links.id"), index=True)
    attempt_id: Mapped[int] = mapped_column(ForeignKey("attempts.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    score: Mapped[float] = mapped_column(Float)
    completed_at: Mapped[datetime] = mapped_column(DateTime)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    tries: Mapped[int] = mapped_column(Integer, default=0)
    next_try_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow, index=True)
    last_error: Mapped[str | None] = mapped_column(String(500))
    sent_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    link: Mapped[LtiGradeLink] = relationship()
