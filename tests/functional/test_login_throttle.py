"""Sign-in throttling (issue 10, M2, M3, L1, L5): counted atomically per account and source,
growing waits instead of a lock, cleared by a set-password link or an admin."""

from __future__ import annotations

import threading

from sqlalchemy import select

from app.db import db
from app.models import LoginThrottle
from app.services import accounts, throttle
from tests.conftest import PASSWORD, csrf_token

WRONG = "The email address or password is not right."


def _client(app, source: str):
    """A browser at another address."""
    client = app.test_client()
    client.environ_base["REMOTE_ADDR"] = source
    return client


def _login(client, email: str, password: str):
    page = client.get("/login")
    return client.post(
        "/login",
        data={"csrf_token": csrf_token(page.text), "email": email, "password": password},
    )


def test_parallel_wrong_passwords_are_all_counted_without_errors(app, make_user):
    make_user()
    clients = [_client(app, "10.0.0.9") for _ in range(30)]
    tokens = [csrf_token(c.get("/login").text) for c in clients]
    results: list = [None] * 30
    gate = threading.Barrier(30)

    def guess(i: int) -> None:
        gate.wait()
        response = clients[i].post(
            "/login",
            data={"csrf_token": tokens[i], "email": "learner@example.org", "password": "no"},
        )
        results[i] = (response.status_code, WRONG in response.text)

    threads = [threading.Thread(target=guess, args=(i,)) for i in range(30)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(status == 400 for status, _ in results), results  # no 500s
    checked = sum(1 for _, wrong in results if wrong)
    assert checked == app.config["LOGIN_FREE_FAILURES"]  # no guess slipped past the count
    db.session.expire_all()
    row = db.session.get(LoginThrottle, ("learner@example.org", "10.0.0.9"))
    assert row.failures == checked


def test_an_attacker_elsewhere_cannot_lock_out_the_real_person(app, make_user, monkeypatch):
    # Waits of ten minutes, so a slow machine cannot let a wait run out during the test.
    monkeypatch.setattr(throttle.Policy, "wait", lambda self, n, free: 0 if n < free else 600)
    make_user()
    attacker = _client(app, "203.0.113.7")
    for _ in range(40):
        _login(attacker, "learner@example.org", "guess")
    refused = _login(attacker, "learner@example.org", PASSWORD)
    assert "Too many attempts to sign in from here" in refused.text  # the attacker is slowed
    real = _client(app, "192.0.2.10")
    assert _login(real, "learner@example.org", PASSWORD).status_code == 302


def test_waits_grow_for_the_source_that_keeps_failing(app, make_user):
    make_user()
    source = _client(app, "198.51.100.3")
    free = app.config["LOGIN_FREE_FAILURES"]
    for _ in range(free):
        assert WRONG in _login(source, "learner@example.org", "guess").text
    slowed = _login(source, "learner@example.org", PASSWORD)
    assert slowed.status_code == 400 and "Wait 2 seconds" in slowed.text


def test_a_set_password_link_clears_the_throttle(app, browser, client, make_user):
    user = make_user()
    for _ in range(10):
        browser.login("learner@example.org", "guess")
    assert "Too many attempts" in browser.login("learner@example.org", PASSWORD).text
    token = accounts.issue_password_link(db.session, user, None, hours=1)
    db.session.commit()
    page = client.get(f"/set-password/{token}")
    new = "a brand new long password"
    client.post(
        f"/set-password/{token}",
        data={"csrf_token": csrf_token(page.text), "password": new, "confirm": new},
    )
    assert browser.login("learner@example.org", new).status_code == 302


def test_admins_see_and_clear_throttles(app, browser, client, make_user):
    make_user()
    make_user("admin@example.org", roles=("admin",))
    other = _client(app, "198.51.100.4")
    for _ in range(8):
        _login(other, "learner@example.org", "guess")
    browser.login("admin@example.org")
    page = client.get("/admin/sign-in-limits")
    assert page.status_code == 200
    assert "learner@example.org" in page.text and "198.51.100.4" in page.text
    cleared = client.post(
        "/admin/sign-in-limits/clear",
        data={
            "csrf_token": csrf_token(page.text),
            "email": "learner@example.org",
            "source": "198.51.100.4",
        },
    )
    assert cleared.status_code == 302
    assert _login(other, "learner@example.org", PASSWORD).status_code == 302


def test_a_flood_of_made_up_addresses_from_one_source_is_slowed(app, make_user):
    flood = _client(app, "198.51.100.5")
    free = app.config["LOGIN_SOURCE_FREE_FAILURES"]
    for n in range(free):
        _login(flood, f"nobody{n}@example.org", "guess")
    refused = _login(flood, "someone-new@example.org", "guess")
    assert "Too many attempts to sign in from here" in refused.text
    rows = db.session.scalars(select(LoginThrottle)).all()
    assert len(rows) <= free + 1  # idle rows are deleted after a day (FORGET_AFTER)


def test_a_closed_account_with_the_right_password_is_told_nothing_more(browser, make_user):
    user = make_user()
    accounts.set_active(db.session, user, False, actor=None)
    db.session.commit()
    right = browser.login("learner@example.org", PASSWORD)
    wrong = browser.login("learner@example.org", "not it")
    assert right.status_code == wrong.status_code == 400
    assert WRONG in right.text and "closed" not in right.text


def test_many_people_signing_in_from_one_office_address_are_not_slowed(app, make_user):
    office = _client(app, "192.0.2.50")
    for n in range(app.config["LOGIN_SOURCE_FREE_FAILURES"] + 5):
        make_user(f"person{n}@example.org")
        assert _login(office, f"person{n}@example.org", PASSWORD).status_code == 302
        office.post("/logout", data={"csrf_token": csrf_token(office.get("/account").text)})
