"""Admins set the learning record store, test it, and download statements as JSON."""

from __future__ import annotations

import json

from sqlalchemy import select

from app.db import db
from app.models import AuditEvent
from app.services import xapi_settings
from app.xapi import problems

from .lrs_on_loopback import Lrs, serving
from .supervision_world import jo_leans_on_accounts, sign_in, when, world  # noqa: F401

PAGE = "/admin/learning-records"


def _save(browser, **data):
    fields = {"endpoint": "", "key": "", "secret": "", **data}
    return browser.submit(PAGE, fields)


def test_the_secret_is_stored_but_never_shown_back(app, browser, world):  # noqa: F811
    sign_in(browser, world.admin)
    response = _save(browser, endpoint="https://lrs.example.org/xapi/", key="k1", secret="hush-123")
    assert response.status_code == 302
    page = browser.get(PAGE).text
    assert "https://lrs.example.org/xapi/" in page and "k1" in page
    assert "hush-123" not in page and "A secret is set." in page
    _save(browser, endpoint="https://lrs.example.org/xapi/", key="k2")  # secret left blank
    assert xapi_settings.store(db.session).secret == "hush-123"
    assert xapi_settings.store(db.session).key == "k2"


def test_an_address_that_is_not_http_is_refused_and_nothing_changes(app, browser, world):  # noqa: F811
    sign_in(browser, world.admin)
    response = _save(browser, endpoint="file:///etc/passwd", key="k", secret="s")
    assert response.status_code == 400
    assert "Enter an address starting https://" in response.text
    assert xapi_settings.store(db.session).endpoint == ""


def test_the_connection_test_says_whether_the_store_opens(app, browser, world):  # noqa: F811
    sign_in(browser, world.admin)
    with serving(Lrs(key="k", secret="s")) as lrs:
        _save(browser, endpoint=lrs.endpoint, key="k", secret="s")
        page = browser.submit(PAGE, {}, action=f"{PAGE}/test", follow_redirects=True)
        assert "Connected: the record store accepted the key and secret." in page.text
        _save(browser, endpoint=lrs.endpoint, key="k", secret="wrong")
        page = browser.submit(PAGE, {}, action=f"{PAGE}/test", follow_redirects=True)
        assert "refused the key and secret (HTTP 401)" in page.text


def _download(browser, since, until):
    return browser.get(f"{PAGE}/statements.json?since={since}&until={until}")


def test_statements_download_for_a_date_range_without_reflection_text(app, browser, world):  # noqa: F811
    jo_leans_on_accounts(world)  # 9 and 4 days ago
    sign_in(browser, world.admin)
    response = _download(browser, when(6).date(), when(0).date())
    assert response.status_code == 200
    assert response.headers["Content-Disposition"].startswith("attachment;")
    statements = json.loads(response.text)
    assert statements and [p for s in statements for p in problems(s)] == []
    titles = {s["object"]["definition"]["name"]["en-GB"].split(":")[0] for s in statements}
    assert len(titles) == 1 and "A short visit" not in titles
    assert "caseload" not in response.text and "jo@example.org" not in response.text
    older = json.loads(_download(browser, when(10).date(), when(8).date()).text)
    assert older and {s["id"] for s in older}.isdisjoint({s["id"] for s in statements})
    audited = select(AuditEvent).where(AuditEvent.action == "xapi.downloaded_reflection_text")
    assert db.session.scalars(audited).all() == []


def test_a_download_with_reflection_text_is_audited_for_each_person(app, browser, world):  # noqa: F811
    jo_leans_on_accounts(world)
    sign_in(browser, world.admin)
    _save(browser, include_text="y")
    response = _download(browser, when(10).date(), when(0).date())
    assert "my caseload is full" in response.text
    entries = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "xapi.downloaded_reflection_text")
    ).all()
    assert [e.subject_user_id for e in entries] == [world.jo.id]
    assert entries[0].actor_id == world.admin.id
    switched = select(AuditEvent).where(AuditEvent.action == "xapi.text_included")
    assert len(db.session.scalars(switched).all()) == 1


def test_a_bad_date_range_gets_a_clear_message(app, browser, world):  # noqa: F811
    sign_in(browser, world.admin)
    response = _download(browser, "2026-13-01", "2026-11-30")
    assert response.status_code == 400 and "Enter a date like 2026-11-30" in response.text
    response = _download(browser, "2026-11-30", "2026-11-01")
    assert response.status_code == 400
    assert "The end date must be on or after the start date" in response.text


def test_the_page_shows_what_waits_and_why_it_failed(app, browser, world):  # noqa: F811
    from datetime import timedelta

    from app.db import utcnow
    from app.services import xapi_queue, xapi_send

    jo_leans_on_accounts(world)
    with serving(Lrs(failures={1: "500"})) as lrs:
        xapi_settings.save(db.session, lrs.endpoint, "k", "s", False)
        queued = xapi_queue.build_all(db.session)
        db.session.commit()
        xapi_send.send_batch(db.session, xapi_settings.store(db.session), utcnow(), batch=3)
    sign_in(browser, world.admin)
    page = browser.get(PAGE).text
    assert f"2 statements sent; {queued - 2} waiting." in page
    assert "1 statement failed to send and will be tried again. Last error: HTTP 500" in page
    assert timedelta(0) < xapi_send.wait_after(1) <= timedelta(seconds=2)
