"""A demo organisation: agencies, teams, an admin, an author, two supervisors, six named
learners, and a wider workforce of 56 (demo_people) so the partnership insights have something
to show. Every demo account has the same password, hashed once (argon2 is slow on purpose)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Agency, Team, User
from .accounts import create_user, find_by_email
from .demo_people import workforce
from .passwords import hash_password

DEMO_DOMAIN = "demo.wholepicture.test"
AGENCIES = [
    ("Northvale Children's Services", "childrens-social-care", ["Assessment team", "MASH"]),
    ("Northvale Recovery Service", "drug-alcohol", ["Adult recovery team"]),
    ("Northvale Health", "health", ["Emergency department", "Primary care"]),
    ("Northvale Police", "police", ["Safeguarding unit"]),
    ("Northvale Schools", "education", ["Safeguarding leads"]),
]
# email local part, name, roles, agency index, team name, supervisor local part
PEOPLE = [
    ("admin", "Alex Admin", {"admin"}, 0, None, None),
    ("author", "Ade Author", {"author"}, 0, None, None),
    ("insights", "Wes Workforce", {"insights"}, 0, None, None),  # partnership insights only
    (
        "supervisor.care",
        "Sam Okafor",
        {"supervisor", "learner", "facilitator"},
        0,
        "Assessment team",
        None,
    ),
    ("supervisor.health", "Priya Nair", {"supervisor", "learner"}, 2, "Primary care", None),
    ("learner.social", "Jo Whitfield", {"learner"}, 0, "Assessment team", "supervisor.care"),
    ("learner.mash", "Dan Kowalski", {"learner"}, 0, "MASH", "supervisor.care"),
    ("learner.recovery", "Mia Hughes", {"learner"}, 1, "Adult recovery team", "supervisor.care"),
    ("learner.nurse", "Tom Reid", {"learner"}, 2, "Emergency department", "supervisor.health"),
    ("learner.police", "Aisha Begum", {"learner"}, 3, "Safeguarding unit", "supervisor.health"),
    ("learner.school", "Ellen Marsh", {"learner"}, 4, "Safeguarding leads", "supervisor.health"),
]


def demo_email(local: str) -> str:
    return f"{local}@{DEMO_DOMAIN}"


def demo_exists(session: Session) -> bool:
    return find_by_email(session, demo_email("admin")) is not None


def build_demo(session: Session, password: str) -> list[User]:
    """Create the demo organisation. Call only when demo_exists() is False."""
    agencies = _agencies(session)
    hashed = hash_password(password)
    users: dict[str, User] = {}
    for local, name, roles, agency_index, team_name, supervisor in PEOPLE:
        users[local] = _person(session, hashed, local, name, roles, agencies[agency_index],
                               team_name, users.get(supervisor or ""))  # fmt: skip
    grow_demo(session)
    return list(users.values())


def grow_demo(session: Session) -> int:
    """Add the demo people not there yet (a demo made before it grew); returns how many.
    They share the admin's password hash: the same password as every demo account."""
    admin = find_by_email(session, demo_email("admin"))
    if admin is None:
        return 0
    agencies = _agencies(session)
    added = 0
    for local, name, roles, agency_index, team_name, boss in PEOPLE:
        if find_by_email(session, demo_email(local)) is None:
            supervisor = find_by_email(session, demo_email(boss)) if boss else None
            _person(session, admin.password_hash, local, name, roles, agencies[agency_index],
                    team_name, supervisor)  # fmt: skip
            added += 1
    for person in workforce():
        if find_by_email(session, demo_email(person.local)) is not None:
            continue
        supervisor = find_by_email(session, demo_email(person.supervisor or "")) or None
        _person(session, admin.password_hash, person.local, person.name, {"learner"},
                agencies[person.agency_index], person.team, supervisor)  # fmt: skip
        added += 1
    return added


def _agencies(session: Session) -> list[Agency]:
    agencies = []
    for name, kind, teams in AGENCIES:
        agency = session.scalar(select(Agency).where(Agency.name == name))
        if agency is None:
            agency = Agency(name=name, kind=kind)
            session.add(agency)
            session.flush()
            for team in teams:
                session.add(Team(agency_id=agency.id, name=team))
        agencies.append(agency)
    session.flush()
    return agencies


def _person(session, hashed, local, name, roles, agency, team_name, supervisor) -> User:
    team = (
        session.scalar(select(Team).where(Team.agency_id == agency.id, Team.name == team_name))
        if team_name
        else None
    )
    user = create_user(
        session,
        email=demo_email(local),
        display_name=name,
        roles=set(roles),
        agency_id=agency.id,
        team_id=team.id if team else None,
        supervisor_id=supervisor.id if supervisor else None,
    )
    user.password_hash = hashed
    return user
