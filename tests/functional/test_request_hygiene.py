"""Bad input gets a 404, a form error or a clear page, never a 500, and loses nothing it need
not (issue 10: L2, L3, L7, M6, I3)."""

from __future__ import annotations

import os
import stat

from flask import g

from app import create_app
from app.db import db
from app.models import Reflection
from tests.conftest import csrf_token
from tests.functional.helpers import answer, to_first_reflection

HUGE = "9" * 30


def test_ids_beyond_64_bit_integers_are_not_found(auth, client, make_user):
    auth(roles=("learner", "admin", "author"))
    for url in (
        f"/attempts/{2**63}",
        f"/attempts/{HUGE}/ending",
        f"/admin/users/{HUGE}",
        f"/author/drafts/{HUGE}",
        f"/supervise/learners/{HUGE}",
    ):
        assert client.get(url).status_code == 404, url
    assert client.get(f"/attempts/{2**63 - 1}").status_code == 404  # the largest id still works


def test_a_30_digit_year_is_a_form_error(world, browser, client):
    from .supervision_world import sign_in

    sign_in(browser, world.sam)
    url = f"/supervise/learners/{world.jo.id}/sessions/new"
    page = client.get(url)
    response = client.post(
        url,
        data={
            "csrf_token": csrf_token(page.text),
            "held_on": ["1", "1", HUGE],
            "notes": "We talked.",
        },
    )
    assert response.status_code == 400
    assert "The date of the session must be a real date" in response.text


def test_nul_and_control_characters_are_removed_and_the_rest_kept(
    auth, browser, client, load_fixture
):
    load_fixture()
    auth()
    url = to_first_reflection(browser, client)
    response = answer(client, url, reflection="I should\x00 have asked\x07 more.\tThen\nlisten.")
    assert response.status_code == 302
    stored = db.session.query(Reflection).one()
    assert stored.text == "I should have asked more.\tThen\nlisten."


def test_a_nul_in_the_sign_in_email_is_an_ordinary_failure(browser, make_user):
    make_user()
    response = browser.login("learner@example.org\x00", "wrong password")
    assert response.status_code == 400
    assert "The email address or password is not right." in response.text


def test_oversized_requests_get_a_clear_page(client):
    response = client.post("/login", data={"email": "x" * (3 * 1024 * 1024)})
    assert response.status_code == 413
    assert "That was too large to send" in response.text


def test_the_sqlite_database_and_wal_are_readable_by_the_owner_only(tmp_path):
    path = tmp_path / "fresh.db"
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
            "SECRET_KEY": "x",
            "TESTING": True,
            "INSTANCE_PATH": str(tmp_path),
        }
    )
    with app.app_context():
        with db.engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE t (x TEXT)")
            connection.exec_driver_sql("INSERT INTO t VALUES ('reflection')")
        for name in (path, path.with_name("fresh.db-wal")):
            assert name.exists(), name
            assert stat.S_IMODE(os.stat(name).st_mode) & 0o077 == 0, name
        db.engine.dispose()


def test_the_csrf_error_page_carries_its_nonce(auth, client):
    auth()
    g.pop("csp_nonce", None)  # a fresh request's `g` (the tests share one app context)
    response = client.post("/my-learning/actions/1", data={"csrf_token": "garbage"})
    assert response.status_code == 400
    csp = response.headers["Content-Security-Policy"]
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert nonce and f'nonce="{nonce}"' in response.text
