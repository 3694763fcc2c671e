"""Solo and dated exercise sessions, the learning record, supervision input and the CLI."""

from __future__ import annotations

import re
from datetime import timedelta

from app.db import db, utcnow
from app.models import ExerciseSession
from app.services.supervision_input import load_learners

from .exercise_helpers import EXERCISE, SLUG, client_for, load_exercise, post_form


def _solo(app, make_user, seat="care"):
    load_exercise(app)
    user = make_user("solo@example.org")
    client = client_for(app, "solo@example.org")
    response = post_form(client, "/exercises", f"/exercises/{SLUG}/solo", {"seat": seat})
    assert response.status_code == 302
    return user, client, response.headers["Location"]


def test_solo_mode_plays_the_typical_partnership_for_the_other_seats(app, make_user):
    _, client, url = _solo(app, make_user)
    home = url.rsplit("/seats/", 1)[0]
    assert "No one has shared anything with your seat yet." in client.get(url).text
    for _ in range(2):  # into phase 3: police share their history with care, typically
        post_form(client, url, home + "/advance", {})
    page = client.get(url).text
    assert "What police records already hold" in page and "From Police" in page
    assert "Repeat prescriptions not collected" not in page  # shared with drugs, not with care


def test_a_solo_learner_finishes_and_sees_the_debrief(app, make_user):
    _, client, url = _solo(app, make_user)
    home = url.rsplit("/seats/", 1)[0]
    for _ in range(5):
        response = post_form(client, url, home + "/advance", {})
    assert response.headers["Location"].endswith("/debrief")
    assert "The whole picture" in client.get(home + "/debrief").text


def test_decisions_and_reasons_reach_my_learning_and_supervision_input(app, make_user):
    user, client, url = _solo(app, make_user, seat="drugs")
    post_form(
        client,
        url,
        url + "/decide/phone-review",
        {"phone-review-option": "0", "phone-review-why": "She has been stable for years."},
    )
    record = client.get("/my-learning").text
    assert "Do it by phone. She has been stable for years." in record
    assert "Your reason:" in record and "She has been stable for years." in record
    history = load_learners(db.session, [user])[user.id].history
    exercise = [a for a in history.attempts if a.scenario_id == f"exercise:{SLUG}"][0]
    assert exercise.choices[0].tags == ("relied-on-self-report",)
    assert exercise.reflections[0].text == "She has been stable for years."


def test_a_dated_session_opens_phases_by_date_and_says_when_on_the_landing_page(app, make_user):
    load_exercise(app)
    make_user("fac@example.org", roles=("author",))
    facilitator = client_for(app, "fac@example.org")
    today = utcnow().date()
    response = post_form(
        facilitator,
        "/exercises",
        f"/exercises/{SLUG}/start",
        {
            "mode": "dated",
            "first_date": [str(today.day), str(today.month), str(today.year)],
        },
    )
    assert response.status_code == 302, response.text
    sess_id = int(re.search(r"/sessions/(\d+)", response.headers["Location"]).group(1))
    sess = db.session.get(ExerciseSession, sess_id)
    make_user("p@example.org")
    person = client_for(app, "p@example.org")
    post_form(person, "/exercises/join", "/exercises/join", {"code": sess.join_code})
    tomorrow = today + timedelta(days=1)
    landing = person.get("/exercises").text
    assert f"Phase 2 opens on {tomorrow.day} {tomorrow:%B %Y}." in landing
    sess.schedule = [(today - timedelta(days=5 - i)).isoformat() for i in range(5)]
    db.session.commit()
    assert "Phase 5 of 5" in person.get("/exercises").text


def test_a_learner_cannot_start_a_facilitated_session(app, make_user):
    load_exercise(app)
    make_user("l@example.org")
    learner = client_for(app, "l@example.org")
    response = post_form(learner, "/exercises", f"/exercises/{SLUG}/start", {"mode": "live"})
    assert response.status_code == 403


def test_the_cli_checks_and_loads_exercises_once(runner, tmp_path):
    result = runner.invoke(args=["exercises", "check", str(EXERCISE)])
    assert result.exit_code == 0, result.output
    assert runner.invoke(args=["exercises", "load", str(EXERCISE)]).output.startswith("added")
    assert runner.invoke(args=["exercises", "load", str(EXERCISE)]).output.startswith("unchanged")
    broken = tmp_path / "broken.exercise"
    broken.write_text(EXERCISE.read_text().replace("seat: police\ntitle", "seat: polise\ntitle"))
    result = runner.invoke(args=["exercises", "check", str(broken)])
    assert result.exit_code == 1 and "broken.exercise:" in result.output
    assert "unknown-seat" in result.output


def test_erasing_a_person_removes_their_seat_and_words_but_keeps_the_partnership_record(
    app, make_user
):
    from app.models import ExerciseChoice, ExerciseParticipant
    from app.services import personal_data

    user, client, url = _solo(app, make_user, seat="drugs")
    post_form(
        client,
        url,
        url + "/decide/phone-review",
        {"phone-review-option": "1", "phone-review-why": "Something only I wrote."},
    )
    exported = personal_data.export(db.session, user)
    assert exported["exercise_decisions"][0]["why"] == "Something only I wrote."
    personal_data.erase(db.session, user)
    db.session.commit()
    choice = db.session.query(ExerciseChoice).one()
    assert (choice.user_id, choice.why, choice.option) == (None, "", 1)
    assert db.session.query(ExerciseParticipant).count() == 0
