"""Ten parallel "Start" clicks give one open attempt, kept by the database (issue 10, L4)."""

from __future__ import annotations

import threading

from sqlalchemy import func, select

from app.db import db
from app.models import Attempt
from tests.conftest import csrf_token


def test_parallel_starts_resume_one_open_attempt(app, browser, client, auth, load_fixture):
    load_fixture()
    learner = auth()
    token = csrf_token(client.get("/scenarios/short-visit").text)
    cookie = client.get_cookie("session").value
    tabs = []
    for _ in range(10):
        tab = app.test_client()
        tab.set_cookie("session", cookie, domain="localhost")
        tabs.append(tab)
    results: list = [None] * 10
    gate = threading.Barrier(10)

    def click(i: int) -> None:
        gate.wait()
        response = tabs[i].post("/scenarios/short-visit/start", data={"csrf_token": token})
        results[i] = (response.status_code, response.headers.get("Location"))

    threads = [threading.Thread(target=click, args=(i,)) for i in range(10)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert {status for status, _ in results} == {302}, results
    assert len({location for _, location in results}) == 1  # every tab goes to the same attempt
    db.session.expire_all()
    open_count = db.session.scalar(
        select(func.count())
        .select_from(Attempt)
        .where(Attempt.user_id == learner.id, Attempt.completed_at.is_(None))
    )
    assert open_count == 1
