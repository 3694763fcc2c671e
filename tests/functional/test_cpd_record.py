"""A learner's CPD record: drafted from their reflections, written for the record without
changing them, downloaded as Markdown and CSV, and theirs alone."""

from __future__ import annotations

import csv
import io
from types import SimpleNamespace

from sqlalchemy import select

from app.db import db
from app.models import Attempt, Reflection
from app.services import supervision_records
from app.services.supervision_records import NewAction

from .supervision_world import jo_leans_on_accounts, sign_in, when, world  # noqa: F401

RECORD = "/my-learning/cpd"


def _short_visit(world):  # noqa: F811
    return db.session.scalars(
        select(Attempt).where(Attempt.user_id == world.jo.id).order_by(Attempt.started_at)
    ).first()


def test_the_record_lists_finished_scenarios_with_a_draft_from_the_reflections(
    app,
    browser,
    world,  # noqa: F811
):
    jo_leans_on_accounts(world)
    sign_in(browser, world.jo)
    page = browser.get(RECORD)
    assert page.status_code == 200
    assert "A short visit" in page.text and "Draft" in page.text
    assert "I lean on the parent&#39;s account most weeks" in page.text
    assert (
        "Type of CPD" in page.text and "E-learning: a branching safeguarding scenario" in page.text
    )
    assert "could identify a family, a child or a colleague" in page.text
    assert "Testing self-report" in page.text  # the competency by its name


def test_supervision_after_the_scenario_becomes_the_peer_reflection(app, browser, world):  # noqa: F811
    jo_leans_on_accounts(world)
    prompt = SimpleNamespace(
        key="choice:short-visit:first:abc123", stage="analysis", text="Whose account counted?"
    )
    supervision_records.record_session(
        db.session,
        world.sam,
        world.jo,
        when(1).date(),
        "Notes",
        [prompt],
        [NewAction("Visit at home before closing", None)],
    )
    db.session.commit()
    sign_in(browser, world.jo)
    page = browser.get(RECORD).text
    assert "we discussed: Whose account counted?" in page
    assert "I agreed to: Visit at home before closing" in page


def test_writing_an_entry_keeps_the_reflection_unchanged(app, browser, world):  # noqa: F811
    jo_leans_on_accounts(world)
    attempt = _short_visit(world)
    sign_in(browser, world.jo)
    url = f"{RECORD}/scenario/{attempt.id}"
    form = browser.get(url)
    assert "Do not name anyone" in form.text
    assert "I lean on the parent&#39;s account" in form.text  # the draft to start from
    response = browser.submit(
        url,
        {
            "relevance": "I visit families with young children.",
            "learnt": "Check what I am told against what I see.",
            "impact": "I now ask to see the home before closing a case.",
            "peer": "My supervisor asked whose account I trusted.",
            "themes": ["safety", "effective"],
        },
    )
    assert response.status_code == 302
    reflection = db.session.scalars(
        select(Reflection).where(Reflection.user_id == world.jo.id)
    ).first()
    assert reflection.text.startswith("I lean on the parent's account")
    page = browser.get(RECORD).text
    assert "Check what I am told against what I see." in page
    assert "Preserve safety; Practise effectively" in page


def test_too_long_an_answer_gets_a_message_and_loses_nothing(app, browser, world):  # noqa: F811
    jo_leans_on_accounts(world)
    attempt = _short_visit(world)
    sign_in(browser, world.jo)
    url = f"{RECORD}/scenario/{attempt.id}"
    response = browser.submit(url, {"learnt": "x" * 5001, "impact": "Kept impact"})
    assert response.status_code == 400
    assert "Write at most 5,000 characters" in response.text and "Kept impact" in response.text


def test_markdown_and_csv_downloads_carry_the_fields_and_cannot_run_formulas(
    app,
    browser,
    world,  # noqa: F811
):
    jo_leans_on_accounts(world)
    attempt = _short_visit(world)
    sign_in(browser, world.jo)
    browser.submit(f"{RECORD}/scenario/{attempt.id}", {"learnt": '=HYPERLINK("http://x")'})
    markdown = browser.get(f"{RECORD}.md")
    assert markdown.headers["Content-Disposition"].startswith("attachment;")
    assert "# CPD record: jo" in markdown.text and "### What I learnt" in markdown.text
    assert "### Peer reflection" in markdown.text
    rows = list(csv.reader(io.StringIO(browser.get(f"{RECORD}.csv").text)))
    assert rows[0][:2] == ["Date", "Activity"] and "Peer reflection" in rows[0]
    learnt = {r[1]: r[rows[0].index("What I learnt")] for r in rows[1:]}
    assert learnt["A short visit"] == '\'=HYPERLINK("http://x")'
    assert len(rows) == 3  # both finished scenarios


def test_the_record_is_the_learners_alone(app, browser, world):  # noqa: F811
    jo_leans_on_accounts(world)
    attempt = _short_visit(world)
    for person in (world.tom, world.sam, world.admin):
        sign_in(browser, person)
        assert "A short visit" not in browser.get(RECORD).text
        assert browser.get(f"{RECORD}/scenario/{attempt.id}").status_code == 404
        assert "parent's account" not in browser.get(f"{RECORD}.csv").text
        browser.client.post("/logout", data={})
        browser.client.delete_cookie("session")


def test_my_learning_links_to_the_record(app, browser, world):  # noqa: F811
    sign_in(browser, world.jo)
    assert 'href="/my-learning/cpd"' in browser.get("/my-learning").text


def test_a_finished_exercise_session_is_in_the_record(app, browser, world):  # noqa: F811
    from app.exercise import Choice
    from app.services import exercise_library, exercise_sessions

    from .exercise_helpers import load_exercise

    load_exercise(app)
    version = exercise_library.catalogue(db.session)[0]
    now = when(2)
    sess = exercise_sessions.start(db.session, version, world.author, "live", now, 12)
    person = exercise_sessions.join(db.session, sess, world.jo)
    exercise_sessions.take_seat(db.session, sess, person, "drugs")
    choice = Choice("phone-review", "drugs", 0, "A phone review missed the home.")
    exercise_sessions.record_choice(db.session, sess, world.jo, choice, now)
    db.session.commit()
    sign_in(browser, world.jo)
    assert "Multi-agency safeguarding exercise" not in browser.get(RECORD).text  # not over yet
    sess.phase = len(exercise_library.parsed(version).phases)  # every phase closed
    db.session.commit()
    page = browser.get(RECORD).text
    assert "Multi-agency safeguarding exercise (with colleagues)" in page
    assert "A phone review missed the home." in page and "Yes: with colleagues" in page
    assert browser.get(f"{RECORD}/exercise/{sess.id}").status_code == 200
    issued = browser.submit(RECORD, {}, action=f"/my-learning/certificates/exercise/{sess.id}")
    certificate = browser.get(issued.headers["Location"]).text
    assert "Certificate of completion" in certificate and version.title in certificate
