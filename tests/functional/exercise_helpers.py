"""Running an exercise session in functional tests: load the shipped exercise, start a session,
join people to seats, and post the session's forms."""

from __future__ import annotations

import re

from app.db import db
from app.models import ExerciseSession
from app.services import exercise_library, library
from tests.conftest import ROOT, Browser, csrf_token

EXERCISE = ROOT / "exercises" / "one-family-many-doors.exercise"
SLUG = "one-family-many-doors"
SEATS = ("care", "drugs", "gp", "urgent", "school", "police", "aunt")


def load_exercise(app):
    vocab = library.vocabulary(app.config["CONTENT_DIR"])
    result = exercise_library.load_file(db.session, EXERCISE, vocab)
    db.session.commit()
    assert result.status in ("added", "unchanged"), result.problems
    return result


def client_for(app, email: str):
    """A test client of its own, signed in as `email` (one browser per person)."""
    client = app.test_client()
    response = Browser(client).login(email)
    assert response.status_code == 302, response.text
    return client


def post_form(client, page_url: str, action: str, data: dict, **kw):
    """Post to `action` with the CSRF token of the page at `page_url`."""
    page = client.get(page_url)
    assert page.status_code == 200, (page_url, page.status_code)
    return client.post(action, data={"csrf_token": csrf_token(page.text), **data}, **kw)


def start_live(client) -> ExerciseSession:
    response = post_form(client, "/exercises", f"/exercises/{SLUG}/start", {"mode": "live"})
    assert response.status_code == 302, response.text
    session_id = int(re.search(r"/sessions/(\d+)", response.headers["Location"]).group(1))
    return db.session.get(ExerciseSession, session_id)


def join_seat(client, code: str, seat: str) -> str:
    response = post_form(client, "/exercises/join", "/exercises/join", {"code": code})
    assert response.status_code == 302, response.text
    session_url = response.headers["Location"]
    response = post_form(client, session_url, session_url + "/seat", {"seat": seat})
    assert response.status_code == 302, response.text
    return response.headers["Location"]
