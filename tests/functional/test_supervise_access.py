"""Who may see what: only the learner and their own current supervisor. A closed area answers 403
for the whole role; an object the visitor may not see answers 404, guessed ids included."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from app.db import db
from app.models import AgreedAction, Attempt, Reflection
from app.services import accounts
from app.services.supervision_records import NewAction, record_session

from .supervision_world import jo_leans_on_accounts, sign_in

ROLES = ("sam", "priya", "jo", "tom", "author", "admin")
# who gets what on jo's supervision pages: sam supervises jo; priya supervises someone else
PAGE = {"sam": 200, "priya": 404, "jo": 403, "tom": 403, "author": 403, "admin": 403}
URLS = (
    "/supervise/learners/{jo}",
    "/supervise/learners/{jo}/agenda",
    "/supervise/learners/{jo}/sessions/new",
    "/supervise/reflections/{reflection}/comment",
)


@pytest.fixture
def ids(world):
    jo_leans_on_accounts(world)
    reflection = db.session.scalar(select(Reflection).where(Reflection.user_id == world.jo.id))
    session = record_session(
        db.session, world.sam, world.jo, reflection.created_at.date(), "", [],
        [NewAction("Read the briefing", None)],
    )  # fmt: skip
    db.session.commit()
    attempt = db.session.scalar(select(Attempt).where(Attempt.user_id == world.jo.id))
    return {
        "jo": world.jo.id,
        "reflection": reflection.id,
        "action": session.actions[0].id,
        "attempt": attempt.id,
    }


@pytest.mark.parametrize("role", ROLES)
def test_supervision_pages_by_role(world, ids, browser, client, role):
    sign_in(browser, getattr(world, role))
    for url in URLS:
        assert client.get(url.format(**ids)).status_code == PAGE[role], url
    assert client.get("/supervise/").status_code == (200 if role in ("sam", "priya") else 403)


@pytest.mark.parametrize("role", ROLES)
def test_posts_by_role_change_nothing_they_may_not(world, ids, browser, client, role):
    sign_in(browser, getattr(world, role))
    token = _token(client)
    comment = client.post(
        f"/supervise/reflections/{ids['reflection']}/comment",
        data={"csrf_token": token, "text": "hello"},
    )
    assert comment.status_code == (302 if role == "sam" else PAGE[role])
    done = client.post(
        f"/my-learning/actions/{ids['action']}", data={"csrf_token": token, "done": "1"}
    )
    assert done.status_code == (302 if role == "jo" else 404)
    action = db.session.get(AgreedAction, ids["action"])
    db.session.refresh(action)
    assert (action.done_at is not None) == (role == "jo")


def test_guessed_ids_answer_404(world, ids, browser, client):
    sign_in(browser, world.sam)
    for url in (
        "/supervise/learners/99999",
        f"/supervise/learners/{world.sam.id}",  # not your own supervisor
        f"/supervise/learners/{world.tom.id}",  # someone else's supervisee
        f"/supervise/learners/{world.admin.id}/agenda",
        "/supervise/reflections/99999/comment",
    ):
        assert client.get(url).status_code == 404, url
    assert client.get(f"/attempts/{ids['attempt']}/ending").status_code == 200
    sign_in(browser, world.priya)
    assert client.get(f"/attempts/{ids['attempt']}/ending").status_code == 404


def test_only_the_current_supervisor_and_only_while_active(world, ids, browser, client):
    accounts.update_user(db.session, world.jo, actor=world.admin, supervisor_id=world.priya.id)
    db.session.commit()
    sign_in(browser, world.sam)
    assert client.get(f"/supervise/learners/{ids['jo']}").status_code == 404
    sign_in(browser, world.priya)
    page = client.get(f"/supervise/learners/{ids['jo']}")
    assert page.status_code == 200 and "Read the briefing" in page.text  # the history moves too
    accounts.set_active(db.session, world.jo, False, world.admin)
    db.session.commit()
    assert client.get(f"/supervise/learners/{ids['jo']}").status_code == 404
    assert "jo@" not in client.get("/supervise/").text


def test_signed_out_visitors_are_sent_to_sign_in(world, ids, client):
    for url in ("/supervise/", "/supervise/learners/{jo}/agenda".format(**ids)):
        response = client.get(url)
        assert response.status_code == 302 and "/login" in response.headers["Location"]


def _token(client) -> str:
    from tests.conftest import csrf_token

    return csrf_token(client.get("/guide/").text)
