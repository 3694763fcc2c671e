"""The insights' faster SQL (attempts.seconds_total, learners counted from one row a learner,
one agency-level pass for misconceptions) against the queries it replaced, kept here as the
oracle: the same rows for every grouping, date window and pivot, after new attempts and an
erasure."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

import pytest
from sqlalchemy import case, func, literal, select

from app.db import db, utcnow
from app.models import Attempt, AttemptAnswer, ScenarioVersion, User
from app.services import insights_choices, personal_data
from app.services import insights_query as q
from app.services.insights_query import Window

from .insights_world import STRONG, WEAK, add_learners, populate
from .supervision_world import play


def old_minutes(session, win: Window, by: str) -> list:
    spent = (
        select(AttemptAnswer.attempt_id, func.sum(AttemptAnswer.seconds_spent).label("seconds"))
        .group_by(AttemptAnswer.attempt_id)
        .subquery()
    )
    grp = win.group(by)
    erased = case((Attempt.user_id.is_(None), 1), else_=0)
    minute = spent.c.seconds // 60
    query = (
        select(ScenarioVersion.scenario_id, grp, erased, minute, func.count())
        .select_from(Attempt)
        .join(spent, spent.c.attempt_id == Attempt.id)
        .join(ScenarioVersion, ScenarioVersion.id == Attempt.version_id)
        .outerjoin(User, User.id == Attempt.user_id)
        .where(Attempt.completed_at.is_not(None), win.clause(Attempt.started_at))
        .group_by(ScenarioVersion.scenario_id, grp, erased, minute)
    )
    return _rows(session.execute(query))


def old_activity(session, win: Window, by: str) -> list:
    grp = win.group(by)
    erased = case((Attempt.user_id.is_(None), 1), else_=0)
    query = (
        select(
            ScenarioVersion.scenario_id,
            grp,
            erased,
            func.count(Attempt.id),
            func.count(Attempt.completed_at),
            func.count(func.distinct(Attempt.user_id)),
            func.count(func.distinct(case((Attempt.completed_at.is_not(None), Attempt.user_id)))),
        )
        .join(ScenarioVersion, ScenarioVersion.id == Attempt.version_id)
        .outerjoin(User, User.id == Attempt.user_id)
        .where(win.clause(Attempt.started_at))
        .group_by(ScenarioVersion.scenario_id, grp, erased)
    )
    return _rows(session.execute(query))


def old_choices(session, win: Window, by: str, option_level: bool, pivot) -> list:
    grp = win.group(by)
    erased = case((Attempt.user_id.is_(None), 1), else_=0)
    if pivot is None:
        period = literal(0)
    else:
        period = case((Attempt.started_at >= datetime.combine(pivot, time.min), 1), else_=0)
    keys = [Attempt.version_id, AttemptAnswer.node_id]
    if option_level:
        keys.append(AttemptAnswer.option_index)
    measure = func.count() if option_level else func.count(func.distinct(Attempt.user_id))
    query = (
        select(*keys, grp, erased, period, measure)
        .select_from(AttemptAnswer)
        .join(Attempt, Attempt.id == AttemptAnswer.attempt_id)
        .outerjoin(User, User.id == Attempt.user_id)
        .where(AttemptAnswer.kind == "choose", win.clause(Attempt.started_at))
        .group_by(*keys, grp, erased, period)
    )
    return _rows(session.execute(query))


def _rows(rows) -> list:
    return sorted((tuple(r) for r in rows), key=repr)


def _check_against_oracle() -> int:
    """Every window, grouping and pivot; returns how many rows were compared."""
    today = utcnow().date()
    windows = [Window(), Window(today - timedelta(days=5), None), Window(None, today)]
    compared = 0
    for base in windows:
        for by in ("partnership", "agency", "team"):
            win = Window(base.start, base.end, by)
            old = old_minutes(db.session, win, by)
            assert _rows(q.scenario_minutes(db.session, win)) == old
            activity = old_activity(db.session, win, by)
            assert _rows(q.scenario_activity(db.session, win)) == activity
            compared += len(old) + len(activity)
            for sid in {row[0] for row in activity}:  # one scenario's page asks for it alone
                one = _rows(q.scenario_activity(db.session, win, None, sid))
                assert one == [row for row in activity if row[0] == sid]
                mins = _rows(q.scenario_minutes(db.session, win, None, sid))
                assert mins == [row for row in old if row[0] == sid]
        for pivot in (None, today - timedelta(days=5)):
            for level in (True, False):
                agency = _rows(q.choices(db.session, base, None, "agency", level, pivot))
                whole = _rows(q.choices(db.session, base, None, "partnership", level, pivot))
                assert agency == old_choices(db.session, base, "agency", level, pivot)
                assert whole == old_choices(db.session, base, "partnership", level, pivot)
                # the misconceptions page derives the partnership from the agency rows
                assert _rows(insights_choices._whole(agency)) == whole
                compared += len(whole)
    return compared


@pytest.fixture
def busy(app, load_fixture):
    load_fixture()
    world = populate()
    extra = add_learners(world.recovery_id, None, "late", 3)
    for k, person in enumerate(extra + world.learners[:2]):
        play(person, "short-visit", STRONG if k % 2 else WEAK, ["A note."], days_ago=1 + k)
    return world


def test_the_new_queries_give_the_old_figures(busy):
    assert _check_against_oracle() > 10


def test_a_new_attempt_moves_the_figures_as_the_old_queries_do(busy):
    before = _rows(q.scenario_minutes(db.session, Window()))
    attempt = play(busy.learners[0], "short-visit", WEAK, ["A note."], days_ago=0)
    spent = db.session.scalars(
        select(AttemptAnswer.seconds_spent).where(AttemptAnswer.attempt_id == attempt.id)
    ).all()
    assert attempt.seconds_total == sum(spent) > 0
    assert _rows(q.scenario_minutes(db.session, Window())) != before
    _check_against_oracle()


def test_after_an_erasure_the_figures_match_a_recomputation(busy):
    whole_before = q.choices(db.session, Window(), None, "partnership", False)
    personal_data.erase(db.session, busy.learners[0])
    db.session.commit()
    _check_against_oracle()
    learners = sum(n for *_, erased, _p, n in whole_before if not erased)
    after = q.choices(db.session, Window(), None, "partnership", False)
    assert sum(n for *_, erased, _p, n in after if not erased) < learners


def test_misconceptions_suppress_a_small_agency_in_every_period(busy, app):
    from app.services import sources

    found = sources.source_set(db.session, app.config["CONTENT_DIR"])
    rows = insights_choices.misconceptions(db.session, Window(), found, date.today())
    school = [r for r in rows if r.group == "Brackenford School"]
    assert school and all(c.rate is None for r in school for c in r.periods)
    assert any(c.rate is not None for r in rows for c in r.partnership)
