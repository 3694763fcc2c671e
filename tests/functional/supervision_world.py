"""A small organisation for the supervision tests: a supervisor with two supervisees, another
supervisor with one, an author and an admin; two fixture scenarios; attempts played through
player.submit (exactly what a learner's answers leave behind), with times in the past."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from app.db import db, utcnow
from app.engine import Answer
from app.models import Attempt, StoredScenario, User
from app.services import player
from tests.conftest import FIXTURES

RULES = FIXTURES / "supervision" / "rules.txt"


@dataclass
class World:
    sam: User  # supervisor of jo and dan
    jo: User
    dan: User
    priya: User  # another supervisor, of tom
    tom: User
    author: User
    admin: User


def play(user: User, slug: str, choices: list[str], notes: list[str | None], days_ago: int = 3):
    """Play one attempt to its end: `choices` by option text, `notes` for each reflection."""
    stored = db.session.scalar(select(StoredScenario).where(StoredScenario.slug == slug))
    when = utcnow() - timedelta(days=days_ago)
    attempt = Attempt(user_id=user.id, version_id=stored.current_version_id, started_at=when)
    db.session.add(attempt)
    db.session.flush()
    position = player.load_play(attempt).position
    choices, notes = list(choices), list(notes)
    while not position.finished:
        when += timedelta(minutes=2)
        node = position.node
        if node.kind == "choice":
            text = choices.pop(0)
            answer = Answer.choose(next(o.index for o in node.options if o.text == text))
        elif node.kind == "reflection":
            answer = Answer.reflect(notes.pop(0))
        else:
            answer = Answer.continue_()
        position = player.submit(db.session, attempt, position.step_number, answer, when).position
    db.session.commit()
    return attempt


def jo_leans_on_accounts(world: World) -> None:
    """Jo takes the parent's word in both scenarios: the same weak choice twice."""
    play(
        world.jo,
        "short-visit",
        ["Take her word for it.", "Say you cannot share without consent."],
        ["I lean on the parent's account most weeks, because my caseload is full."],
        days_ago=9,
    )
    play(world.jo, "school-call", ["Accept the dad's account and close the note."], ["ok"], 4)


@pytest.fixture
def world(app, make_user, load_fixture) -> World:
    app.config["SUPERVISION_RULES"] = str(RULES)
    load_fixture()
    load_fixture("supervision/school-call.scenario")
    sam = make_user("sam@example.org", roles=("supervisor", "learner"))
    priya = make_user("priya@example.org", roles=("supervisor", "learner"))
    return World(
        sam=sam,
        jo=make_user("jo@example.org", supervisor_id=sam.id),
        dan=make_user("dan@example.org", supervisor_id=sam.id),
        priya=priya,
        tom=make_user("tom@example.org", supervisor_id=priya.id),
        author=make_user("author@example.org", roles=("author",)),
        admin=make_user("admin@example.org", roles=("admin",)),
    )


def sign_in(browser, user: User) -> None:
    response = browser.login(user.email)
    assert response.status_code == 302, response.text


def when(days_ago: int) -> datetime:
    return utcnow() - timedelta(days=days_ago)
