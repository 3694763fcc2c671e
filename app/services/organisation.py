"""Agencies and teams, and the lists the administration pages choose people and places from."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload

from ..models import AccountChange, Agency, Role, Team, User, UserRole


class OrganisationError(ValueError):
    """A name that cannot be added; `field` is the form field it belongs to."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def agencies(session: Session) -> list[Agency]:
    return list(session.scalars(select(Agency).order_by(Agency.name)))


def add_agency(session: Session, name: str, kind: str) -> Agency:
    """Add an agency. A name already used (in any letter case) is refused, not a crash."""
    name = name.strip()
    taken = select(Agency.id).where(func.lower(Agency.name) == name.lower())
    if session.scalar(taken) is not None:
        raise OrganisationError("name", f"There is already an agency called '{name}'")
    return _added(session, Agency(name=name, kind=kind), "name", f"'{name}' was added meanwhile")


def add_team(session: Session, agency_id: int, name: str) -> Team:
    """Add a team to an agency. A name the agency already has is refused."""
    name = name.strip()
    agency = session.get(Agency, agency_id)
    if agency is None:
        raise OrganisationError("agency_id", "Choose an agency")
    taken = select(Team.id).where(
        Team.agency_id == agency_id, func.lower(Team.name) == name.lower()
    )
    if session.scalar(taken) is not None:
        raise OrganisationError("name", f"{agency.name} already has a team called '{name}'")
    return _added(session, Team(agency_id=agency_id, name=name), "name", "That team exists")


def _added(session: Session, row, field: str, clash: str):
    """Insert `row`; a name another request added meanwhile becomes the same clear error."""
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        raise OrganisationError(field, clash) from None
    return row


@dataclass(frozen=True)
class Choices:
    """What the account form offers: agencies, teams (with their agency) and supervisors."""

    agencies: list[Agency]
    teams: list[Team]
    supervisors: list[User]


def account_choices(session: Session, editing: User | None = None) -> Choices:
    teams = session.scalars(select(Team).join(Agency).order_by(Agency.name, Team.name))
    supervisors = session.scalars(
        select(User)
        .join(UserRole)
        .where(UserRole.role == Role.SUPERVISOR, User.active.is_(True))
        .order_by(User.display_name)
    )
    return Choices(
        agencies(session),
        list(teams),
        [u for u in supervisors if editing is None or u.id != editing.id],
    )


PER_PAGE = 50


@dataclass(frozen=True)
class PeoplePage:
    """One page of the accounts list: `total` accounts match, `pages` pages of them."""

    people: list[User]
    total: int
    page: int
    pages: int


def people(session: Session, page: int = 1, find: str = "", per_page: int = PER_PAGE) -> PeoplePage:
    """A page of accounts, active ones first, by name; `find` narrows to names or emails that
    contain it. Agency, team and supervisor come in the same query (no query per row)."""
    matching = select(User)
    find = find.strip()
    if find:
        text = find.lower()
        for special in ("\\", "%", "_"):
            text = text.replace(special, "\\" + special)
        pattern = f"%{text}%"
        matching = matching.where(
            func.lower(User.display_name).like(pattern, escape="\\")
            | func.lower(User.email).like(pattern, escape="\\")
        )
    total = session.scalar(select(func.count()).select_from(matching.subquery())) or 0
    pages = max(1, -(-total // per_page))
    page = min(max(1, page), pages)
    rows = session.scalars(
        matching.options(
            joinedload(User.agency), joinedload(User.team), joinedload(User.supervisor)
        )
        .order_by(User.active.desc(), User.display_name, User.id)
        .limit(per_page)
        .offset((page - 1) * per_page)
    )
    return PeoplePage(list(rows.unique()), total, page, pages)


def history(session: Session, user: User) -> list[AccountChange]:
    """The changes to an account, newest first."""
    return list(
        session.scalars(
            select(AccountChange)
            .where(AccountChange.user_id == user.id)
            .order_by(AccountChange.at.desc(), AccountChange.id.desc())
        )
    )
