"""Accounts: create and change users (recording who changed roles and supervisors), set-password
links, and logging in with failures counted in the database so limits hold across servers."""

from __future__ import annotations

import hashlib
import secrets
from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db import utcnow
from ..models import AccountChange, PasswordToken, User, UserRole
from ..models.accounts import Role
from . import notices, sessions, throttle
from .passwords import MIN_LENGTH, hash_password, needs_rehash, verify_password


class AccountError(ValueError):
    """A change that cannot be made, with a message fit to show the admin."""


def normalise_email(email: str) -> str:
    return email.strip().lower()


def find_by_email(session: Session, email: str) -> User | None:
    return session.scalar(select(User).where(User.email == normalise_email(email)))


def _log_change(session: Session, user: User, actor: User | None, field: str, old, new) -> None:
    if old != new:
        session.add(
            AccountChange(
                user_id=user.id,
                changed_by_id=actor.id if actor else None,
                field=field,
                old_value=None if old is None else str(old),
                new_value=None if new is None else str(new),
            )
        )


def create_user(
    session: Session,
    *,
    email: str,
    display_name: str,
    roles: set[str],
    actor: User | None = None,
    agency_id: int | None = None,
    team_id: int | None = None,
    supervisor_id: int | None = None,
    password: str | None = None,
) -> User:
    email = normalise_email(email)
    if find_by_email(session, email):
        raise AccountError(f"An account with the email {email} already exists.")
    user = User(
        email=email,
        display_name=display_name.strip(),
        agency_id=agency_id,
        team_id=team_id,
        active=True,
        session_version=1,
    )
    if password is not None:
        user.password_hash = hash_password(password)
    session.add(user)
    session.flush()
    _log_change(session, user, actor, "created", None, email)
    update_user(session, user, actor=actor, roles=roles, supervisor_id=supervisor_id)
    return user


def update_user(
    session: Session,
    user: User,
    *,
    actor: User | None,
    roles: set[str] | None = None,
    supervisor_id: int | None | type[...] = ...,
    agency_id: int | None | type[...] = ...,
    team_id: int | None | type[...] = ...,
    display_name: str | None = None,
) -> User:
    """Change an account; each changed field is written to account_changes."""
    if roles is not None:
        unknown = set(roles) - set(Role)
        if unknown:
            raise AccountError(f"Unknown role: {', '.join(sorted(unknown))}.")
        old = ",".join(sorted(user.roles))
        user.role_rows = [r for r in user.role_rows if r.role in roles] + [
            UserRole(user_id=user.id, role=r) for r in sorted(roles - user.roles)
        ]
        _log_change(session, user, actor, "roles", old, ",".join(sorted(roles)))
    if supervisor_id is not ...:
        if supervisor_id == user.id:
            raise AccountError("Nobody can be their own supervisor.")
        if supervisor_id is not None:
            supervisor = session.get(User, supervisor_id)
            if supervisor is None or not supervisor.has_role(Role.SUPERVISOR):
                raise AccountError("The chosen supervisor does not have the supervisor role.")
        _log_change(session, user, actor, "supervisor", user.supervisor_id, supervisor_id)
        if supervisor_id != user.supervisor_id:
            notices.supervisor_changed(session, user, actor, user.supervisor_id, supervisor_id)
        user.supervisor_id = supervisor_id
    if agency_id is not ...:
        _log_change(session, user, actor, "agency", user.agency_id, agency_id)
        user.agency_id = agency_id
    if team_id is not ...:
        _log_change(session, user, actor, "team", user.team_id, team_id)
        user.team_id = team_id
    if display_name is not None and display_name.strip() != user.display_name:
        _log_change(session, user, actor, "display_name", user.display_name, display_name.strip())
        user.display_name = display_name.strip()
    session.flush()
    return user


def set_active(session: Session, user: User, active: bool, actor: User | None) -> None:
    """Deactivate a leaver (records stay) or reactivate; deactivating ends their sessions."""
    _log_change(session, user, actor, "active", user.active, active)
    user.active = active
    if not active:
        sessions.end_all(session, user)


def set_password(session: Session, user: User, password: str) -> None:
    if len(password) < MIN_LENGTH:
        raise AccountError(f"Use at least {MIN_LENGTH} characters.")
    user.password_hash = hash_password(password)
    sessions.end_all(session, user)


def _token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_password_link(session: Session, user: User, actor: User | None, hours: int) -> str:
    """A new one-time token; earlier unused ones for the user stop working."""
    now = utcnow()
    for old in session.scalars(
        select(PasswordToken).where(
            PasswordToken.user_id == user.id, PasswordToken.used_at.is_(None)
        )
    ):
        old.used_at = now
    token = secrets.token_urlsafe(32)
    session.add(
        PasswordToken(
            user_id=user.id,
            token_hash=_token_hash(token),
            expires_at=now + timedelta(hours=hours),
            created_by_id=actor.id if actor else None,
        )
    )
    _log_change(session, user, actor, "password_link", None, f"expires in {hours} hours")
    notices.password_link_issued(session, user, actor)
    session.flush()
    return token


def valid_token(session: Session, token: str) -> PasswordToken | None:
    row = session.scalar(
        select(PasswordToken).where(PasswordToken.token_hash == _token_hash(token))
    )
    if row is None or row.used_at is not None or row.expires_at < utcnow():
        return None
    if not row.user.active:
        return None
    return row


def use_password_link(session: Session, token: str, password: str) -> User:
    row = valid_token(session, token)
    if row is None:
        raise AccountError(
            "This link has expired or has already been used. Ask an administrator for a new one."
        )
    set_password(session, row.user, password)
    row.used_at = utcnow()
    throttle.clear(session, row.user.email)  # the person can sign in with it at once
    return row.user


class LoginRefused(Exception):
    """Login failed. The message never says whether the email exists or the account is open."""

    def __init__(self, message: str, wait_seconds: int = 0) -> None:
        super().__init__(message)
        self.message = message
        self.wait_seconds = wait_seconds


GENERIC_FAILURE = "The email address or password is not right."


def authenticate(
    session: Session,
    email: str,
    password: str,
    policy: throttle.Policy,
    source: str = "unknown",
    now: datetime | None = None,
) -> User:
    """The user for these credentials, or LoginRefused. The attempt is counted (and committed)
    before the password is checked, per account and source; see services.throttle."""
    now = now or utcnow()
    email = normalise_email(email)
    try:
        throttle.count_attempt(session, email, source, policy, now)
    except throttle.Throttled as wait:
        session.rollback()
        raise LoginRefused(
            f"Too many attempts to sign in from here. Wait {wait.seconds} seconds and try "
            "again, or ask an administrator for a set-password link.",
            wait_seconds=wait.seconds,
        ) from None
    session.commit()
    user = find_by_email(session, email)
    ok = verify_password(user.password_hash if user else None, password)
    if not ok or user is None or not user.active:
        raise LoginRefused(GENERIC_FAILURE)  # a closed account is told nothing more
    throttle.succeeded(session, email, source)
    if needs_rehash(user.password_hash or ""):
        user.password_hash = hash_password(password)
    return user
