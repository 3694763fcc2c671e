"""Every main page costs the same number of queries whatever the amount of data behind it.

Each page is measured in a small world (one attempt, one supervisee, one comment, one draft,
one source, one exercise participant...) and again after ten times as much has been added: the
counts must be equal, so a page that queries once per row (an N+1) fails here. Pages that
exist only on some branches are measured when their route exists. To see a page's statements:
SHOW_QUERIES=learn.my_learning pytest -s tests/functional/test_query_counts.py
"""

from __future__ import annotations

import os
from contextlib import contextmanager

from sqlalchemy import event, select

from app.db import db, utcnow
from app.engine import Answer, NodeKind
from app.models import (
    Attempt,
    ExerciseSession,
    LearningSource,
    Reflection,
    SourcePage,
    StoredScenario,
    User,
)
from app.services import drafts, exercise_sessions, player, supervision_records

from .authz_world import build
from .supervision_world import play
from .test_authorisation_matrix import TOKEN

# (who, endpoint, URL arguments beyond the world's ids). Every main page of the site.
PAGES = [
    ("learner", "learn.catalogue", {}),
    ("learner", "learn.feedback", {}),
    ("learner", "learn.ending", {}),
    ("learner", "learn.my_learning", {}),
    ("learner", "learn.my_data", {}),
    ("learner", "auth.account", {}),
    ("learner", "learn.cpd_record", {}),
    ("learner", "learn.cpd_csv", {}),
    ("learner", "learn.certificate", {}),
    ("learner", "exercises.index", {}),
    ("learner", "exercises.seat", {}),
    ("learner", "exercises.debrief", {}),
    ("supervisor", "supervise.dashboard", {}),
    ("supervisor", "supervise.learner", {}),
    ("supervisor", "supervise.agenda", {}),
    ("author", "author.index", {}),
    ("author", "author.draft", {}),
    ("author", "author.map_page", {}),
    ("author", "author.preview", {}),
    ("author", "sources.index", {}),
    ("admin", "admin.users", {}),
    ("admin", "admin.audit", {}),
    ("admin", "lti_admin.platforms", {}),
    ("admin", "lti_admin.platform", {}),
    ("admin", "admin.learning_records", {}),
    # insights pages, when they exist on this branch
    ("supervisor", "insights.index", {}),
    ("admin", "insights.index", {}),
]
GROWTH = 9  # one of each becomes ten


@contextmanager
def counted():
    """The statements of the requests inside, each started with an empty session as on a real
    server (the tests' session outlives requests and would answer from its identity map)."""
    db.session.commit()
    db.session.expunge_all()
    statements: list[str] = []

    def count(*args) -> None:
        statements.append(args[2])

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(db.engine, "before_cursor_execute", count)


def _url(app, endpoint: str, ids: dict) -> str | None:
    rules = [r for r in app.url_map.iter_rules() if r.endpoint == endpoint and "GET" in r.methods]
    if not rules:
        return None
    rule = rules[0]
    values = {name: ids[name] for name in rule.arguments}
    with app.test_request_context():
        from flask import url_for

        return url_for(endpoint, **values).replace("http://localhost", "")


def _at_first_choice(user_id: int) -> Attempt:
    """A new attempt of the user, answered (untimed) up to its first choice."""
    stored = db.session.scalar(select(StoredScenario).where(StoredScenario.slug == "short-visit"))
    attempt = Attempt(user_id=user_id, version_id=stored.current_version_id)
    db.session.add(attempt)
    db.session.flush()
    position = player.load_play(attempt).position
    while position.node.kind != NodeKind.CHOICE:
        answer = (
            Answer.reflect("On the way.")
            if position.node.kind == NodeKind.REFLECTION
            else Answer.continue_()
        )
        position = player.submit(db.session, attempt, position.step_number, answer).position
    db.session.commit()
    return attempt


def _measure(app, objects, jo_id: int) -> dict[str, int]:
    counts: dict[str, int] = {}
    for who, endpoint, extra in PAGES:
        url = _url(app, endpoint, {**objects.ids, **extra})
        if url is None:
            continue
        browser = objects.clients[who]
        browser.get(url)  # once untimed: caches that fill on first use are not the page's cost
        with counted() as statements:
            response = browser.get(url)
        assert response.status_code == 200, (who, url, response.status_code)
        counts[f"{who} {endpoint}"] = len(statements)
        if os.environ.get("SHOW_QUERIES") and endpoint in os.environ["SHOW_QUERIES"]:
            print(endpoint, *statements, sep="\n---")
    # the learner's step (GET) and answer (POST), on a new attempt each time
    jo = objects.clients["learner"]
    attempt = _at_first_choice(jo_id)
    attempt_id, step = attempt.id, str(player.load_play(attempt).position.step_number)
    jo.get(f"/attempts/{attempt_id}")
    with counted() as statements:
        page = jo.get(f"/attempts/{attempt_id}")
    counts["learner step"] = len(statements)
    form = {"csrf_token": TOKEN.search(page.text).group(1), "step": step, "option": "0"}
    with counted() as statements:
        response = jo.client.post(f"/attempts/{attempt_id}", data=form)
    assert response.status_code == 302, response.status_code
    counts["learner answer POST"] = len(statements)
    db.session.get(Attempt, attempt_id).completed_at = utcnow()  # closed: Jo may play again
    db.session.commit()
    return counts


def _grow(ids: dict[str, int], objects, make_user) -> None:
    """Ten times the data behind every page: attempts, answers and reflections, supervisees,
    comments, drafts, sources, exercise participants (and the audit entries all that leaves)."""
    choices = ["Visit her at home.", "Share what you saw at the visit."]
    exercise = db.session.get(ExerciseSession, objects.ids["session_id"])
    jo, sam, author = (db.session.get(User, ids[name]) for name in ("jo", "sam", "author"))
    for n in range(GROWTH):
        attempt = play(jo, "short-visit", choices, [f"Jo's note {n}", "More"], 2)
        reflection = db.session.scalars(
            select(Reflection).where(Reflection.answer.has(attempt_id=attempt.id))
        ).first()
        supervision_records.add_comment(db.session, sam, reflection, f"Comment {n}")
        other = make_user(f"more-{n}@example.org", supervisor_id=sam.id)
        play(other, "short-visit", choices, [f"Note {n}", "More"], 1)
        drafts.new_draft(db.session, author, f"extra-{n}", f"Extra scenario {n}")
        db.session.add(
            LearningSource(
                slug=f"more-review-{n}",
                title=f"Another review {n}",
                pages=[SourcePage(slug="briefing", title="Briefing", body="Read this.")],
            )
        )
        exercise_sessions.join(db.session, exercise, other)
        db.session.commit()


def test_no_main_page_costs_more_queries_with_ten_times_the_data(app, world, make_user):
    objects = build(app, world, make_user)
    ids = {"jo": world.jo.id, "sam": world.sam.id, "author": world.author.id}
    small = _measure(app, objects, ids["jo"])
    _grow(ids, objects, make_user)
    large = _measure(app, objects, ids["jo"])
    assert len(small) >= 20, sorted(small)  # every main page above was measured
    grew = {page: (small[page], large[page]) for page in small if large[page] != small[page]}
    assert grew == {}, f"queries per page (1 item, 10 items): {grew}"
