"""Every read of a reflection by someone other than its author is in the audit log: who, whose,
which reflections, when. One entry per learner per page view."""

from __future__ import annotations

from sqlalchemy import select

from app.db import db
from app.models import AuditEvent, Reflection

from .supervision_world import jo_leans_on_accounts, play, sign_in


def entries() -> list[AuditEvent]:
    """Reads of reflections (setting up the world also audits each supervisor it assigns)."""
    return list(
        db.session.scalars(
            select(AuditEvent)
            .where(AuditEvent.action == "read_reflections")
            .order_by(AuditEvent.id)
        )
    )


def jo_reflections(world) -> list[int]:
    rows = db.session.scalars(select(Reflection.id).where(Reflection.user_id == world.jo.id))
    return sorted(rows)


def test_learner_page_agenda_and_comment_page_each_write_one_entry(world, browser, client):
    jo_leans_on_accounts(world)
    sign_in(browser, world.sam)
    client.get(f"/supervise/learners/{world.jo.id}")
    client.get(f"/supervise/learners/{world.jo.id}/agenda")
    first = jo_reflections(world)[0]
    client.get(f"/supervise/reflections/{first}/comment")
    log = entries()
    assert [e.detail["page"] for e in log] == [
        "supervise.learner",
        "supervise.agenda",
        "supervise.comment",
    ]
    assert {(e.actor_id, e.subject_user_id, e.action) for e in log} == {
        (world.sam.id, world.jo.id, "read_reflections")
    }
    assert log[0].detail["reflection_ids"] == jo_reflections(world)
    assert log[2].detail["reflection_ids"] == [first]
    assert all(e.at is not None for e in log)


def test_the_team_page_shows_no_reflection_so_writes_no_entry(world, browser, client):
    jo_leans_on_accounts(world)
    play(world.dan, "school-call", ["Ask Kai how his mornings are going."], ["Kai said a lot."])
    sign_in(browser, world.sam)
    page = client.get("/supervise/")
    assert "Kai said a lot." not in page.text and entries() == []
    client.get(f"/supervise/learners/{world.dan.id}")  # the person's own page shows them
    assert [e.subject_user_id for e in entries()] == [world.dan.id]


def test_a_supervisor_reading_an_ending_page_is_logged(world, browser, client):
    attempt = play(world.dan, "school-call", ["Ask Kai how his mornings are going."], ["Kai."])
    sign_in(browser, world.sam)
    assert client.get(f"/attempts/{attempt.id}/ending").status_code == 200
    (entry,) = entries()
    assert entry.subject_user_id == world.dan.id and entry.detail["page"] == "learn.ending"


def test_reading_your_own_reflections_is_not_logged(world, browser, client):
    attempt = play(world.dan, "school-call", ["Ask Kai how his mornings are going."], ["Kai."])
    sign_in(browser, world.dan)
    client.get("/my-learning")
    client.get(f"/attempts/{attempt.id}/ending")
    assert entries() == []


def test_pages_without_reflections_write_nothing(world, browser, client):
    sign_in(browser, world.sam)
    client.get("/supervise/")
    client.get(f"/supervise/learners/{world.dan.id}")
    assert entries() == []
