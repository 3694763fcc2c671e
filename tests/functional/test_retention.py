"""`flask retention apply`: reflections and answers older than RETENTION_DAYS are deleted or
detached from the person; newer ones stay; --dry-run only counts."""

from __future__ import annotations

from sqlalchemy import func, select

from app.db import db
from app.models import Attempt, AttemptAnswer, AttemptSummary, Reflection, ReflectionComment
from app.services import supervision_records

from .supervision_world import play

OLD, NEW = "An old reflection from last season.", "A reflection from this week."


def two_ages(world):
    old = play(
        world.jo,
        "short-visit",
        ["Take her word for it.", "Say you cannot share without consent."],
        [OLD],
        days_ago=45,
    )
    new = play(
        world.jo, "school-call", ["Accept the dad's account and close the note."], [NEW], days_ago=2
    )
    reflection = db.session.scalars(select(Reflection).where(Reflection.text == OLD)).one()
    supervision_records.add_comment(db.session, world.sam, reflection, "A comment on the old one")
    db.session.commit()
    return old.id, new.id


def counts():
    return (
        db.session.scalar(select(func.count(Reflection.id))),
        db.session.scalar(select(func.count(ReflectionComment.id))),
        db.session.scalar(select(func.count(AttemptAnswer.id))),
        db.session.scalar(select(func.count()).where(Attempt.user_id.is_(None))),
    )


def test_a_dry_run_counts_and_changes_nothing(world, runner, app):
    two_ages(world)
    app.config["RETENTION_DAYS"] = 30
    before = counts()
    result = runner.invoke(args=["retention", "apply", "--dry-run"])
    assert result.exit_code == 0, result.output
    assert "Would delete 1 reflection(s), 1 comment(s) on them" in result.output
    assert "would detach 1 attempt(s)" in result.output
    db.session.expire_all()
    assert counts() == before


def test_apply_deletes_old_reflections_and_detaches_old_answers_only(world, runner, app):
    old_id, new_id = two_ages(world)
    app.config["RETENTION_DAYS"] = 30
    answers_before = counts()[2]
    old_answers = db.session.scalar(select(func.count()).where(AttemptAnswer.attempt_id == old_id))
    result = runner.invoke(args=["retention", "apply"])
    assert result.exit_code == 0, result.output
    assert f"detach 1 attempt(s) ({old_answers} answer(s) kept anonymously)" in result.output
    db.session.expire_all()
    texts = set(db.session.scalars(select(Reflection.text)))
    assert texts == {NEW}
    assert db.session.scalar(select(func.count(ReflectionComment.id))) == 0
    assert db.session.get(Attempt, old_id).user_id is None
    assert db.session.get(Attempt, new_id).user_id == world.jo.id
    kept = set(db.session.scalars(select(AttemptSummary.attempt_id)))
    assert kept == {new_id}  # the detached attempt's path summary went with the link
    assert counts()[2] == answers_before  # answers still count in totals
    again = runner.invoke(args=["retention", "apply"])
    assert "Did delete 0 reflection(s)" in again.output


def test_without_a_period_nothing_happens(world, runner, app):
    two_ages(world)
    app.config["RETENTION_DAYS"] = None
    result = runner.invoke(args=["retention", "apply"])
    assert result.exit_code != 0
    assert "RETENTION_DAYS is not set" in result.output
    assert counts()[0] == 2
