"""Statements reach a record store on loopback exactly once, through failures in a batch."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from app.db import db, utcnow
from app.exercise import Basis, Choice, ShareAct
from app.models import AuditEvent, ExerciseSession, XapiStatement
from app.services import exercise_sessions, xapi_queue, xapi_send, xapi_settings
from app.xapi import problems

from .exercise_helpers import load_exercise
from .lrs_on_loopback import Lrs, serving
from .supervision_world import jo_leans_on_accounts, play, world  # noqa: F401


def _configure(lrs: Lrs, with_text: bool = False) -> xapi_settings.Store:
    xapi_settings.save(db.session, lrs.endpoint, "k", "s", with_text)
    db.session.commit()
    return xapi_settings.store(db.session)


def _exercise(app, world):  # noqa: F811
    load_exercise(app)
    from app.services import exercise_library

    version = exercise_library.catalogue(db.session)[0]
    sess = exercise_sessions.start(db.session, version, world.author, "live", utcnow(), 12)
    person = exercise_sessions.join(db.session, sess, world.jo)
    exercise_sessions.take_seat(db.session, sess, person, "drugs")
    choice = Choice("phone-review", "drugs", 0, "The referral said little.")
    exercise_sessions.record_choice(db.session, sess, world.jo, choice, utcnow())
    act = ShareAct("methadone", "drugs", frozenset({"gp"}), Basis.CONSENT, "She agreed.")
    exercise_sessions.record_share(db.session, sess, world.jo, act, utcnow())
    db.session.commit()
    return sess


def _drain(store, rounds: int = 10) -> None:
    now = utcnow()
    for _ in range(rounds):
        xapi_send.send_batch(db.session, store, now, batch=4)
        if xapi_send.pending(db.session) == 0:
            return
        now += timedelta(hours=2)  # past any backoff
    pytest.fail("statements still waiting after every retry")


def test_every_statement_arrives_exactly_once_through_a_failing_batch(app, world):  # noqa: F811
    jo_leans_on_accounts(world)
    play(
        world.tom,
        "short-visit",
        ["Visit her at home.", "Ask the school what they see."],
        ["Tom's note", None],
        2,
    )
    _exercise(app, world)
    with serving(Lrs(failures={3: "500", 6: "drop"})) as lrs:
        store = _configure(lrs)
        queued = xapi_queue.build_all(db.session)
        db.session.commit()
        assert queued > 10
        assert xapi_queue.build_all(db.session) == 0  # the same events never queue twice
        _drain(store)
        ids = set(db.session.scalars(select(XapiStatement.id)))
        assert set(lrs.held) == ids
        assert set(lrs.accepted.values()) == {1}
        assert lrs.refused == [3, 6]
        assert lrs.puts == queued + 2  # only the two failed statements were sent again
        assert [p for s in lrs.held.values() for p in problems(s)] == []
        verbs = {s["verb"]["id"].rsplit("/", 1)[1] for s in lrs.held.values()}
        assert verbs >= {"initialized", "experienced", "answered", "completed", "shared"}
        assert any("/xapi/exercises/" in s["object"]["id"] for s in lrs.held.values())
        before = lrs.puts
        assert xapi_send.send_batch(db.session, store, utcnow() + timedelta(days=1)).sent == 0
        assert lrs.puts == before  # nothing is ever sent twice
        held = str(lrs.held)
        assert "jo@example.org" not in held and "caseload" not in held
        assert "The referral said little." not in held


def test_an_id_the_store_already_holds_counts_as_sent(app, world):  # noqa: F811
    jo_leans_on_accounts(world)
    with serving(Lrs()) as lrs:
        store = _configure(lrs)
        xapi_queue.build_all(db.session)
        db.session.commit()
        first = db.session.scalars(
            select(XapiStatement).order_by(XapiStatement.happened_at)
        ).first()
        lrs.held[first.id] = first.statement  # already there, e.g. sent by an earlier install
        _drain(store)
        row = db.session.get(XapiStatement, first.id)
        assert row.sent_at is not None and row.tries == 1 and first.id not in lrs.accepted


def test_sending_reflection_text_is_audited_per_person(app, world):  # noqa: F811
    jo_leans_on_accounts(world)
    with serving(Lrs()) as lrs:
        store = _configure(lrs, with_text=True)
        xapi_queue.build_all(db.session)
        db.session.commit()
        _drain(store)
        assert "caseload is full" in str(lrs.held)
    entries = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "xapi.sent_reflection_text")
    ).all()
    assert entries and {e.subject_user_id for e in entries} == {world.jo.id}


def test_the_send_command_retries_with_backoff_until_all_arrive(app, world, runner, monkeypatch):  # noqa: F811
    jo_leans_on_accounts(world)
    monkeypatch.setattr(xapi_send, "FIRST_WAIT", 0.05)
    with serving(Lrs(failures={2: "drop", 3: "500"})) as lrs:
        _configure(lrs)
        result = runner.invoke(args=["xapi", "send", "--batch", "5", "--wait", "20"])
        assert result.exit_code == 0, result.output
        total = db.session.scalar(select(func.count()).select_from(XapiStatement))
        assert "0 still waiting" in result.output
        assert len(lrs.held) == total and set(lrs.accepted.values()) == {1}


def test_the_send_command_refuses_without_a_store(app, runner):
    result = runner.invoke(args=["xapi", "send"])
    assert result.exit_code != 0 and "No learning record store" in result.output


def test_nothing_is_queued_while_no_store_is_set(app, world):  # noqa: F811
    attempt = play(
        world.tom,
        "short-visit",
        ["Take her word for it.", "Ask the school what they see."],
        ["x", None],
    )
    assert xapi_queue.after_attempt_change(db.session, attempt) == 0
    assert db.session.scalar(select(func.count()).select_from(XapiStatement)) == 0
    assert db.session.scalar(select(func.count()).select_from(ExerciseSession)) == 0


def test_answers_queue_statements_as_the_learner_goes(app, auth, browser, client, load_fixture):
    from .helpers import answer, start

    load_fixture()
    xapi_settings.save(db.session, "http://127.0.0.1:9/xapi/", "k", "s", False)
    db.session.commit()
    auth()
    url = start(browser)
    answer(client, url)
    answer(client, url, option_text="Visit her at home.")
    rows = db.session.scalars(select(XapiStatement).order_by(XapiStatement.happened_at)).all()
    verbs = [r.statement["verb"]["id"].rsplit("/", 1)[1] for r in rows]
    assert verbs == ["initialized", "experienced", "experienced", "answered"]
    assert rows[-1].statement["result"]["response"] == "option-0"
    assert all(r.sent_at is None for r in rows)


def test_retention_drops_the_queued_statements_of_the_attempts_it_detaches(app, world):  # noqa: F811
    from app.services import retention

    jo_leans_on_accounts(world)  # 9 and 4 days ago
    xapi_settings.save(db.session, "http://127.0.0.1:9/xapi/", "k", "s", True)
    xapi_queue.build_all(db.session)
    db.session.commit()
    retention.apply(db.session, days=6)
    db.session.commit()
    left = db.session.scalars(select(XapiStatement)).all()
    assert left and "caseload" not in str([r.statement for r in left])
    assert {r.source for r in left} == {f"attempt:{a}" for a in _open_ids(world.jo.id)}


def _open_ids(user_id):
    from app.models import Attempt

    return db.session.scalars(select(Attempt.id).where(Attempt.user_id == user_id))


def test_a_persons_queue_cpd_entries_and_certificates_are_exported_then_erased(app, world):  # noqa: F811
    from app.models import Certificate, CpdEntry
    from app.services import certificates, cpd, library, personal_data

    jo_leans_on_accounts(world)
    xapi_settings.save(db.session, "http://127.0.0.1:9/xapi/", "k", "s", False)
    xapi_queue.build_all(db.session)
    attempt = db.session.scalars(select(XapiStatement.source)).first()
    ref = int(attempt.split(":")[1])
    cpd.save(db.session, world.jo, "scenario", ref, learnt="Look at the home.")
    vocab = library.vocabulary(app.config["CONTENT_DIR"])
    certificates.issue(
        db.session, world.jo, cpd.item_for(db.session, world.jo, vocab, "scenario", ref)
    )
    db.session.commit()
    exported = personal_data.export(db.session, world.jo)
    assert len(exported["learning_record_statements"]) > 5
    assert exported["cpd_record"][0]["learnt"] == "Look at the home."
    assert exported["certificates"][0]["activity"] == "A short visit"
    assert personal_data.export(db.session, world.tom)["learning_record_statements"] == []
    personal_data.erase(db.session, world.jo, world.admin)
    db.session.commit()
    for model in (XapiStatement, CpdEntry, Certificate):
        assert db.session.scalars(select(model)).all() == []
    assert xapi_queue.build_all(db.session) == 0  # the detached attempts are never queued again


def test_text_queued_before_the_setting_was_turned_off_is_not_sent(app, world):  # noqa: F811
    jo_leans_on_accounts(world)
    with serving(Lrs()) as lrs:
        store = _configure(lrs, with_text=True)
        xapi_queue.build_all(db.session)
        _configure(lrs, with_text=False)
        _drain(store)
        assert lrs.held and "caseload" not in str(lrs.held)
        assert [p for s in lrs.held.values() for p in problems(s)] == []


def test_waits_double_after_each_failure_up_to_an_hour():
    seconds = [xapi_send.wait_after(n).total_seconds() for n in (1, 2, 3, 4, 20)]
    assert seconds == [2, 4, 8, 16, 3600]
