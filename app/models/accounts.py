"""Organisation and accounts: agencies, teams, users, roles and who supervises whom."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from flask_login import UserMixin
from sqlalchemy import (
    Boolean,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    String,
    UniqueConstraint,
    event,
)
from sqlalchemy.orm import Mapped, mapped_column, relationship

from ..db import db, utcnow


class Role(StrEnum):
    """The roles a person can hold, declared once; what each may do is app.authz."""

    LEARNER = "learner"
    SUPERVISOR = "supervisor"
    AUTHOR = "author"
    ADMIN = "admin"
    FACILITATOR = "facilitator"  # runs multi-agency exercise sessions
    INSIGHTS = "insights"  # reads the partnership's anonymous insights (workforce development)


class Agency(db.Model):
    __tablename__ = "agencies"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    kind: Mapped[str] = mapped_column(String(40))
    teams: Mapped[list[Team]] = relationship(back_populates="agency", order_by="Team.name")


class Team(db.Model):
    __tablename__ = "teams"
    __table_args__ = (UniqueConstraint("agency_id", "name"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    agency_id: Mapped[int] = mapped_column(ForeignKey("agencies.id"), index=True)
    name: Mapped[str] = mapped_column(String(200))
    agency: Mapped[Agency] = relationship(back_populates="teams")


class User(UserMixin, db.Model):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(primary_key=True)
    email: Mapped[str] = mapped_column(String(320), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    password_hash: Mapped[str | None] = mapped_column(String(200))
    agency_id: Mapped[int | None] = mapped_column(ForeignKey("agencies.id"), index=True)
    team_id: Mapped[int | None] = mapped_column(ForeignKey("teams.id"), index=True)
    supervisor_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    # Bumped when the password changes or the account is deactivated: old sessions stop working.
    session_version: Mapped[int] = mapped_column(Integer, default=1)

    agency: Mapped[Agency | None] = relationship()
    team: Mapped[Team | None] = relationship()
    supervisor: Mapped[User | None] = relationship(remote_side=[id])
    role_rows: Mapped[list[UserRole]] = relationship(cascade="all, delete-orphan", lazy="selectin")

    @property
    def roles(self) -> set[str]:
        if self.signed_in_roles is not None and "role_rows" not in self.__dict__:
            return set(self.signed_in_roles)
        return {r.role for r in self.role_rows}

    def has_role(self, role: Role) -> bool:
        return role in self.roles

    @property
    def is_active(self) -> bool:  # Flask-Login refuses inactive users
        return self.active

    # The signed-in browser's session id (see UserSession), set at sign-in and by the loader.
    session_id: str = ""
    # Set by the loader from its one query; True (look) for a user loaded any other way.
    has_unread_notices: bool = True
    # The roles the loader read with the user's row, used until `role_rows` is loaded; dropped
    # when the user's attributes expire (a commit), so a change of roles is read again.
    signed_in_roles = None  # a frozenset of role names, or None
    # Set by the loader: is a learning record store set (None: not read with this user)?
    xapi_store_set = None

    def get_id(self) -> str:
        return f"{self.id}:{self.session_version}:{self.session_id}"


@event.listens_for(User, "expire")
@event.listens_for(User, "refresh")
def _forget_signed_in_roles(user: User | None, *_args) -> None:
    if user is not None:  # None: the instance was already garbage-collected
        user.signed_in_roles = None


# The accounts list's order (active first, by name), so a page of it reads 50 index entries
# instead of sorting every account.
Index("ix_users_listing", User.active.desc(), User.display_name, User.id)


class UserRole(db.Model):
    __tablename__ = "user_roles"
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    role: Mapped[str] = mapped_column(String(20), primary_key=True)


class AccountChange(db.Model):
    """Who changed what about an account and when: roles and supervisor decide who may read
    reflections, so every change to them is kept."""

    __tablename__ = "account_changes"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    changed_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    field: Mapped[str] = mapped_column(String(40))
    old_value: Mapped[str | None] = mapped_column(String(400))
    new_value: Mapped[str | None] = mapped_column(String(400))
    at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    changed_by: Mapped[User | None] = relationship(foreign_keys=[changed_by_id])


class PasswordToken(db.Model):
    """A one-time, expiring set-password link. Only a hash of the token is stored."""

    __tablename__ = "password_tokens"
    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
    expires_at: Mapped[datetime] = mapped_column(DateTime)
    used_at: Mapped[datetime | None] = mapped_column(DateTime)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    user: Mapped[User] = relationship(foreign_keys=[user_id])


class LoginThrottle(db.Model):
    """Sign-in attempts per email (known or not, so it reveals nothing) AND source address,
    shared by all servers. `email` "*" counts a source's attempts at any account. Nothing locks:
    each counted attempt past the free ones pushes `next_at` further out, for that source only,
    so an attacker elsewhere slows themselves and cannot shut the real person out."""

    __tablename__ = "login_throttle"
    email: Mapped[str] = mapped_column(String(320), primary_key=True)
    source: Mapped[str] = mapped_column(String(64), primary_key=True)
    failures: Mapped[int] = mapped_column(Integer, default=0)
    last_failure_at: Mapped[datetime | None] = mapped_column(DateTime, index=True)
    next_at: Mapped[datetime | None] = mapped_column(DateTime)


class UserSession(db.Model):
    """A signed-in browser. Its cookie names it; signing out deletes the row, so a copied
    cookie stops working at once ("sign out everywhere" deletes them all)."""

    __tablename__ = "user_sessions"
    id_hash: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(DateTime, default=utcnow)
