"""Signing in and out, throttling, deactivation, set-password links, cookies and headers."""

from __future__ import annotations

import contextlib
from datetime import timedelta

from sqlalchemy import select

from app import create_app
from app.db import db, utcnow
from app.models import LoginThrottle
from app.services import accounts, throttle
from tests.conftest import PASSWORD, csrf_token


def test_sign_in_and_out(browser, client, make_user):
    make_user()
    response = browser.login("learner@example.org")
    assert response.status_code == 302
    assert "Sign out" in client.get("/scenarios").text
    assert client.get("/logout").status_code == 405  # signing out is a POST
    browser.submit("/scenarios", {}, action="/logout")
    assert client.get("/scenarios").status_code == 302


def test_failure_message_does_not_reveal_whether_email_exists(browser, make_user):
    make_user()
    wrong_password = browser.login("learner@example.org", "not the password")
    unknown_email = browser.login("nobody@example.org", "not the password")
    assert wrong_password.status_code == unknown_email.status_code == 400
    assert "The email address or password is not right." in wrong_password.text
    assert "The email address or password is not right." in unknown_email.text


def test_failed_logins_are_slowed(browser, make_user, app):
    make_user()
    for _ in range(app.config["LOGIN_FREE_FAILURES"]):
        browser.login("learner@example.org", "wrong")
    slowed = browser.login("learner@example.org", PASSWORD)
    assert "Too many attempts to sign in from here. Wait" in slowed.text


def test_throttle_is_kept_in_the_database_for_every_server(app, make_user):
    make_user()
    policy = throttle.Policy()
    for _ in range(policy.free):
        with contextlib.suppress(accounts.LoginRefused):
            accounts.authenticate(db.session, "learner@example.org", "wrong", policy, "10.0.0.1")
    other = create_app({**app.config, "TESTING": True})  # a second app server, same database
    with other.app_context():
        from app.db import db as other_db

        row = other_db.session.get(LoginThrottle, ("learner@example.org", "10.0.0.1"))
        assert row is not None and row.next_at > utcnow()
        try:
            accounts.authenticate(
                other_db.session, "learner@example.org", PASSWORD, policy, "10.0.0.1"
            )
        except accounts.LoginRefused as refused:
            assert "Too many attempts" in refused.message
        else:
            raise AssertionError("throttled source signed in on another server")


def test_anonymous_users_are_sent_to_sign_in(client):
    for url in ("/scenarios", "/my-learning", "/admin/users", "/attempts/1"):
        response = client.get(url)
        assert response.status_code == 302, url
        assert "/login" in response.headers["Location"]


def test_deactivated_user_refused_and_signed_out(browser, client, make_user):
    user = make_user()
    browser.login("learner@example.org")
    accounts.set_active(db.session, user, False, actor=None)
    db.session.commit()
    assert client.get("/scenarios").status_code == 302  # their session no longer works
    response = browser.login("learner@example.org")
    assert response.status_code == 400
    assert "The email address or password is not right." in response.text


def test_set_password_link_works_once(browser, client, make_user):
    user = make_user()
    token = accounts.issue_password_link(db.session, user, None, hours=1)
    db.session.commit()
    url = f"/set-password/{token}"
    page = client.get(url)
    assert page.status_code == 200
    new = "a brand new long password"
    done = client.post(
        url, data={"csrf_token": csrf_token(page.text), "password": new, "confirm": new}
    )
    assert done.status_code == 302
    assert browser.login("learner@example.org", new).status_code == 302
    assert client.get(url).status_code == 410
    assert "This link no longer works" in client.get(url).text


def test_expired_set_password_link_refused(client, make_user):
    user = make_user()
    token = accounts.issue_password_link(db.session, user, None, hours=1)
    row = db.session.scalar(
        select(accounts.PasswordToken).where(accounts.PasswordToken.user_id == user.id)
    )
    row.expires_at = utcnow() - timedelta(minutes=1)
    db.session.commit()
    assert client.get(f"/set-password/{token}").status_code == 410


def test_session_cookie_is_strict_by_default(monkeypatch, tmp_path):
    monkeypatch.delenv("SESSION_COOKIE_SECURE", raising=False)
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'x.db'}",
            "SECRET_KEY": "x",
            "INSTANCE_PATH": str(tmp_path),
        }
    )
    with app.test_client() as c:
        response = c.get("/login")
        cookie = response.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Lax" in cookie


def test_security_headers(client):
    response = client.get("/login")
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Cache-Control"] == "no-store"


def test_passwords_are_argon2_hashes(make_user):
    user = make_user()
    assert user.password_hash.startswith("$argon2id$")
