"""A demo organisation: agencies, teams, an admin, an author, two supervisors, six learners."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..models import Agency, Team, User
from .accounts import create_user, find_by_email

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
    users: dict[str, User] = {}
    for local, name, roles, agency_index, team_name, supervisor in PEOPLE:
        agency = agencies[agency_index]
        team = (
            session.scalar(select(Team).where(Team.agency_id == agency.id, Team.name == team_name))
            if team_name
            else None
        )
        users[local] = create_user(
            session,
            email=demo_email(local),
            display_name=name,
            roles=roles,
            agency_id=agency.id,
            team_id=team.id if team else None,
            supervisor_id=users[supervisor].id if supervisor else None,
            password=password,
        )
    return list(users.values())
