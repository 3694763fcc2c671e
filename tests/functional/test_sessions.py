"""Signing out ends the session on the server: a copied cookie stops working (issue 10, M1)."""

from __future__ import annotations

from datetime import timedelta

from app.auth.loader import load_user
from app.authz import can
from app.db import db
from app.services import accounts, sessions
from tests.conftest import csrf_token


def _copy_cookie(app, client):
    """A second browser holding a copy of this browser's session cookie."""
    thief = app.test_client()
    thief.set_cookie("session", client.get_cookie("session").value, domain="localhost")
    return thief


def test_a_copied_cookie_stops_working_after_sign_out(app, browser, client, make_user):
    make_user()
    browser.login("learner@example.org")
    thief = _copy_cookie(app, client)
    assert thief.get("/my-learning").status_code == 200  # the copy works while signed in
    browser.submit("/my-learning", {}, action="/logout")
    replay = thief.get("/my-learning")
    assert replay.status_code == 302 and "/login" in replay.headers["Location"]
    page = thief.get("/scenarios")
    assert page.status_code == 302


def test_signing_in_again_does_not_revive_an_old_cookie(app, browser, client, make_user):
    make_user()
    browser.login("learner@example.org")
    thief = _copy_cookie(app, client)
    browser.submit("/my-learning", {}, action="/logout")
    browser.login("learner@example.org")
    assert client.get("/my-learning").status_code == 200
    assert thief.get("/my-learning").status_code == 302


def test_sign_out_everywhere_ends_every_browser(app, browser, client, make_user):
    make_user()
    browser.login("learner@example.org")
    laptop = app.test_client()
    page = laptop.get("/login")
    laptop.post(
        "/login",
        data={
            "csrf_token": csrf_token(page.text),
            "email": "learner@example.org",
            "password": "correct horse battery staple",
        },
    )
    assert laptop.get("/my-learning").status_code == 200
    account = client.get("/account")
    assert "Sign out everywhere" in account.text
    done = client.post(
        "/account/sign-out-everywhere", data={"csrf_token": csrf_token(account.text)}
    )
    assert done.status_code == 302
    assert laptop.get("/my-learning").status_code == 302
    assert client.get("/my-learning").status_code == 302


def test_admin_deactivation_ends_a_copied_session_at_once(app, browser, client, make_user):
    learner = make_user()
    browser.login("learner@example.org")
    thief = _copy_cookie(app, client)
    admin = make_user("admin@example.org", roles=("admin",))
    accounts.set_active(db.session, learner, False, actor=admin)
    db.session.commit()
    assert thief.get("/my-learning").status_code == 302
    assert client.get("/my-learning").status_code == 302


def test_roles_read_with_the_session_give_way_to_a_saved_change(app, make_user):
    """The sign-in check reads the person's roles with their row; once a change of roles is
    saved, the same request sees the new roles (no menu or permission from the old ones)."""
    person = make_user(roles=("learner", "supervisor"))
    session_id = sessions.open_session(db.session, person, timedelta(hours=1))
    db.session.commit()
    cookie_id = person.get_id()
    db.session.expunge_all()  # as in a new request: the person is not loaded yet
    user = load_user(cookie_id)
    assert user is not None and user.roles == {"learner", "supervisor"}
    assert can(user, "area:supervise")
    accounts.update_user(db.session, user, actor=None, roles={"learner"})
    db.session.commit()
    assert user.roles == {"learner"}
    assert not can(user, "area:supervise")
    assert load_user(cookie_id.replace(session_id, "not-" + session_id)) is None
