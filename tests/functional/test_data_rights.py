"""Data rights: a learner downloads everything held about them; an admin downloads or erases a
named person (audited); erasure removes their data and free text and leaves others' alone."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from app.db import db
from app.models import (
    AgreedAction,
    Attempt,
    AttemptAnswer,
    AuditEvent,
    Reflection,
    ReflectionComment,
    SupervisionSession,
    User,
)
from app.services import supervision_records
from app.services.supervision_records import NewAction
from tests.conftest import Browser

from .supervision_world import jo_leans_on_accounts, play, sign_in, when

JO_NOTE = "I lean on the parent's account most weeks, because my caseload is full."
TOM_NOTE = "Tom wonders whether the school nurse saw the bruise first."


def records(world):
    """Jo and Tom have played and reflected; Sam commented on Jo's and recorded a session."""
    jo_leans_on_accounts(world)
    play(world.tom, "school-call", ["Accept the dad's account and close the note."], [TOM_NOTE])
    jo_reflection = db.session.scalars(select(Reflection).where(Reflection.user_id == world.jo.id))
    first = next(iter(jo_reflection))
    supervision_records.add_comment(db.session, world.sam, first, "Sam's comment for Jo")
    supervision_records.record_session(
        db.session,
        world.sam,
        world.jo,
        when(1).date(),
        "Session notes about Jo's week",
        [],
        [NewAction("Jo reads the escalation policy", None)],
    )
    db.session.commit()


def test_a_learner_downloads_their_own_data_and_nobody_elses(world, browser):
    records(world)
    sign_in(browser, world.jo)
    page = browser.get("/my-learning")
    assert 'href="/my-learning/my-data.json"' in page.text
    response = browser.get("/my-learning/my-data.json")
    assert response.status_code == 200
    assert response.mimetype == "application/json"
    assert "attachment" in response.headers["Content-Disposition"]
    data = json.loads(response.text)
    assert data["account"][0]["email"] == "jo@example.org"
    assert "password_hash" not in data["account"][0]
    assert JO_NOTE in {r["text"] for r in data["reflections"]}
    assert {c["text"] for c in data["comments_on_your_reflections"]} == {"Sam's comment for Jo"}
    assert data["supervision_sessions"][0]["notes"] == "Session notes about Jo's week"
    assert data["agreed_actions"][0]["text"] == "Jo reads the escalation policy"
    assert len(data["attempts"]) == 2 and len(data["answers"]) >= 6
    assert TOM_NOTE not in response.text and "tom@example.org" not in response.text


def test_an_admin_downloads_a_named_persons_data_and_it_is_audited(world, browser):
    records(world)
    sign_in(browser, world.admin)
    assert (
        f"/admin/users/{world.jo.id}/data.json" in browser.get(f"/admin/users/{world.jo.id}").text
    )
    response = browser.get(f"/admin/users/{world.jo.id}/data.json")
    assert response.status_code == 200
    assert JO_NOTE in response.text and TOM_NOTE not in response.text
    entry = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "export_personal_data")
    ).one()
    assert (entry.actor_id, entry.subject_user_id) == (world.admin.id, world.jo.id)


def test_only_admins_export_or_erase_other_people(world, browser):
    sign_in(browser, world.sam)
    assert browser.get(f"/admin/users/{world.jo.id}/data.json").status_code == 403
    assert browser.get(f"/admin/users/{world.jo.id}/erase").status_code == 403


def test_erasing_without_confirming_changes_nothing(world, browser):
    records(world)
    sign_in(browser, world.admin)
    response = browser.submit(f"/admin/users/{world.jo.id}/erase", {})
    assert response.status_code == 400
    assert "Tick the box to confirm" in response.text
    assert db.session.get(User, world.jo.id).email == "jo@example.org"


def test_erasure_removes_the_persons_data_and_keeps_everyone_elses(world, browser):
    records(world)
    jo_id, answers_before = world.jo.id, db.session.scalar(select(func.count(AttemptAnswer.id)))
    sign_in(browser, world.admin)
    response = browser.submit(f"/admin/users/{jo_id}/erase", {"confirm": "y"})
    assert response.status_code == 302
    db.session.expire_all()
    jo = db.session.get(User, jo_id)
    assert (jo.display_name, jo.active, jo.password_hash, jo.roles) == (
        "Erased person",
        False,
        None,
        set(),
    )
    assert "jo@" not in jo.email
    assert db.session.scalar(select(func.count()).where(Reflection.user_id == jo_id)) == 0
    assert db.session.scalar(select(func.count(ReflectionComment.id))) == 0
    learner_sessions = select(func.count()).where(SupervisionSession.learner_id == jo_id)
    assert db.session.scalar(learner_sessions) == 0
    assert db.session.scalar(select(func.count(AgreedAction.id))) == 0
    assert db.session.scalar(select(func.count()).where(Attempt.user_id == jo_id)) == 0
    # answers stay for anonymous totals; Tom's reflection is untouched
    assert db.session.scalar(select(func.count(AttemptAnswer.id))) == answers_before
    assert db.session.scalar(select(Reflection.text).where(Reflection.user_id == world.tom.id)) == (
        TOM_NOTE
    )
    entry = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "erase_personal_data")
    ).one()
    assert entry.subject_user_id == jo_id and entry.actor_id == world.admin.id
    kept = json.dumps(entry.detail)
    assert "jo" not in kept.lower() and "caseload" not in kept and entry.detail["counts"]
    # nothing anywhere in the database still carries Jo's free text or address
    dump = "\n".join(db.session.connection().connection.driver_connection.iterdump())
    for text in (JO_NOTE, "Session notes about Jo", "Sam's comment for Jo", "jo@example.org"):
        assert text.replace("'", "''") not in dump, text


def test_an_erased_person_cannot_sign_in(world, browser, app):
    sign_in(browser, world.admin)
    browser.submit(f"/admin/users/{world.jo.id}/erase", {"confirm": "y"})
    assert Browser(app.test_client()).login("jo@example.org").status_code != 302


def test_erasing_a_supervisor_keeps_their_supervisees_records(world, browser):
    records(world)
    sign_in(browser, world.admin)
    browser.submit(f"/admin/users/{world.sam.id}/erase", {"confirm": "y"})
    db.session.expire_all()
    comment = db.session.scalars(select(ReflectionComment)).one()
    assert comment.text == "Sam's comment for Jo" and comment.author.display_name == "Erased person"
    assert db.session.scalars(select(SupervisionSession)).one().learner_id == world.jo.id


def test_an_admin_cannot_erase_themselves(world, browser):
    sign_in(browser, world.admin)
    response = browser.get(f"/admin/users/{world.admin.id}/erase")
    assert response.status_code == 302
    assert db.session.get(User, world.admin.id).active
