"""Assignments: a supervisor sets a scenario for a supervisee, an admin for a team; learners see
it on their landing page with its due date (overdue marked); the completion report and its CSV."""

from __future__ import annotations

import csv
import io
from datetime import timedelta

from sqlalchemy import func, select

from app.db import db, utcnow
from app.models import Assignment, StoredScenario
from app.services import organisation

from .supervision_world import play, sign_in


def _due(days: int) -> dict:
    day = utcnow().date() + timedelta(days=days)
    return {"due_on": [str(day.day), str(day.month), str(day.year)]}


def _count() -> int:
    return db.session.scalar(select(func.count()).select_from(Assignment))


def test_a_supervisor_sets_a_scenario_and_the_learner_sees_it_due(browser, world):
    sign_in(browser, world.sam)
    form = browser.get("/assignments/new").text
    assert "jo" in form and "tom" not in form  # only Sam's own supervisees
    done = browser.submit(
        "/assignments/new",
        {"activity": "scenario:short-visit", "audience": f"user:{world.jo.id}", **_due(14)},
    )
    assert done.status_code == 302 and _count() == 1
    browser.client.post("/logout", data={})
    sign_in(browser, world.jo)
    page = browser.get("/", follow_redirects=True).text  # the learner's landing page
    assert "Assigned to you" in page and "A short visit" in page and "Not started" in page
    mine = browser.get("/my-learning").text
    assert "Assigned to you" in mine


def test_overdue_is_marked_in_words_and_completion_counts(browser, world):
    stored = db.session.scalar(select(StoredScenario).where(StoredScenario.slug == "short-visit"))
    row = Assignment(scenario_id=stored.id, user_id=world.dan.id, assigned_by_id=world.sam.id,
                     due_on=utcnow().date() - timedelta(days=1),
                     created_at=utcnow() - timedelta(days=20))  # fmt: skip
    db.session.add(row)
    db.session.commit()
    sign_in(browser, world.dan)
    assert "Overdue" in browser.get("/my-learning").text
    play(world.dan, "short-visit", ["Visit her at home.", "Share what you saw at the visit."],
         ["A note."], days_ago=2)  # fmt: skip
    page = browser.get("/my-learning").text
    assert (
        "Completed" in page
        and "Overdue" not in page.split("Assigned to you")[1].split("</table>")[0]
    )


def test_a_supervisor_cannot_set_work_for_someone_elses_learner(browser, world):
    sign_in(browser, world.sam)
    refused = browser.submit(
        "/assignments/new",
        {"activity": "scenario:short-visit", "audience": f"user:{world.tom.id}", **_due(5)},
    )
    assert refused.status_code == 200 and "Not a valid choice" in refused.text
    past = browser.submit(
        "/assignments/new",
        {"activity": "scenario:short-visit", "audience": f"user:{world.jo.id}", **_due(-3)},
    )
    assert "The due date must be today or later" in past.text
    assert _count() == 0


def test_an_admin_sets_work_for_a_team_and_reads_the_completion_report(browser, world):
    agency = organisation.add_agency(db.session, "Brackenford Recovery", "drug-alcohol")
    db.session.flush()
    team = organisation.add_team(db.session, agency.id, "Adult team")
    world.jo.team_id = team.id
    world.dan.team_id = team.id
    world.jo.agency_id = world.dan.agency_id = agency.id
    db.session.commit()
    sign_in(browser, world.admin)
    assert f"agency:{agency.id}" in browser.get("/assignments/new").text
    browser.submit(
        "/assignments/new",
        {"activity": "scenario:short-visit", "audience": f"team:{team.id}", **_due(7)},
    )
    play(world.jo, "short-visit", ["Visit her at home.", "Share what you saw at the visit."],
         ["A note."], days_ago=0)  # fmt: skip
    report = browser.get("/assignments/?download=report")
    rows = list(csv.DictReader(io.StringIO(report.get_data(as_text=True))))
    assert rows == [
        {"Activity": "A short visit", "Set for": "Adult team (Brackenford Recovery)",
         "Due": (utcnow().date() + timedelta(days=7)).isoformat(), "Assigned": "2",
         "Started": "1", "Completed": "1", "Overdue": "0"}
    ]  # fmt: skip
    assert "Adult team (Brackenford Recovery)" in browser.get("/assignments/").text


def test_learners_and_authors_cannot_set_work(browser, world):
    for person in (world.jo, world.author):
        sign_in(browser, person)
        assert browser.get("/assignments/new").status_code == 403
        assert browser.get("/assignments/").status_code == 403
        browser.client.post("/logout", data={})
