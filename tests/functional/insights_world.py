"""A partnership for the insights tests: a recovery service whose six learners mostly take the
parent's word, a school of two (too few to show), and the short-visit fixture scenario."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from app.db import db
from app.services import accounts, organisation

from .supervision_world import play

WEAK = ["Take her word for it.", "Say you cannot share without consent."]
STRONG = ["Visit her at home.", "Share what you saw at the visit."]


@dataclass
class Partnership:
    recovery_id: int
    school_id: int
    learners: list  # recovery staff first, then the school's


def add_learners(agency_id: int, team_id: int, prefix: str, count: int) -> list:
    made = []
    for k in range(count):
        made.append(
            accounts.create_user(
                db.session,
                email=f"{prefix}{k}@example.org",
                display_name=f"Person {prefix}{k}",
                roles={"learner"},
                agency_id=agency_id,
                team_id=team_id,
            )
        )
    db.session.commit()
    return made


def populate(recovery: int = 6, school: int = 2) -> Partnership:
    rec = organisation.add_agency(db.session, "Brackenford Recovery", "drug-alcohol")
    sch = organisation.add_agency(db.session, "Brackenford School", "education")
    db.session.flush()
    rec_team = organisation.add_team(db.session, rec.id, "Adult team")
    sch_team = organisation.add_team(db.session, sch.id, "Leads")
    db.session.commit()
    staff = add_learners(rec.id, rec_team.id, "rec", recovery)
    leads = add_learners(sch.id, sch_team.id, "sch", school)
    for k, person in enumerate(staff):
        play(person, "short-visit", WEAK if k else STRONG, ["A note.", None][:1], days_ago=10)
    for person in leads:
        play(person, "short-visit", STRONG, ["A note."], days_ago=2)
    return Partnership(rec.id, sch.id, staff + leads)


@pytest.fixture
def partnership(app, load_fixture) -> Partnership:
    load_fixture()
    return populate()
