"""A facilitated exercise over HTTP: start, join by code, take seats, share, decide, move
phases, and the debrief; and the rules on who may see what."""

from __future__ import annotations

import re

import pytest
from markupsafe import escape

from app.db import db
from app.models import AuditEvent
from app.services.exercise_library import parsed

from .exercise_helpers import SEATS, client_for, join_seat, load_exercise, post_form, start_live


@pytest.fixture
def room(app, make_user):
    """A facilitator and one participant in each of the seven seats, in a live session."""
    load_exercise(app)
    make_user("fac@example.org", roles=("facilitator",))
    facilitator = client_for(app, "fac@example.org")
    sess = start_live(facilitator)
    people = {}
    for seat in SEATS:
        make_user(f"{seat}@example.org")
        client = client_for(app, f"{seat}@example.org")
        people[seat] = (client, join_seat(client, sess.join_code, seat))
    return sess, facilitator, people


def test_a_facilitator_sees_the_code_and_everyone_who_joined(room):
    sess, facilitator, _ = room
    page = facilitator.get(f"/exercises/sessions/{sess.id}").text
    assert sess.join_code in page and f"/exercises/join?code={sess.join_code}" in page
    for seat in SEATS:
        assert f"{seat}@example.org".split("@")[0] in page
    assert "Held alone" in page  # the facilitator sees every fragment and its state


def test_a_share_reaches_the_chosen_seat_only_and_the_board_shows_it(room):
    sess, _, people = room
    client, url = people["police"]
    response = post_form(
        client,
        url,
        url + "/share/child-alone",
        {
            "child-alone-to": ["care"],
            "child-alone-basis": "risk",
            "child-alone-why": "A child alone",
        },
        follow_redirects=True,
    )
    assert "That basis fits here." in response.text
    care = people["care"][0].get(people["care"][1]).text
    assert "Sonny found alone outside at night" in care and "From Police" in care
    school = people["school"][0].get(people["school"][1]).text
    assert "Sonny found alone outside at night" not in school
    assert "Something you were not sent" in school  # the board says a share happened, not what


def test_not_sharing_needs_a_reason(room):
    _, _, people = room
    client, url = people["school"]
    response = post_form(
        client,
        url,
        url + "/share/old-file",
        {"old-file-basis": "not-shared"},
        follow_redirects=True,
    )
    assert "Say why you are not sharing it." in response.text


def test_a_decision_can_change_until_the_phase_closes(room):
    sess, facilitator, people = room
    client, url = people["drugs"]
    for option in ("0", "1"):
        post_form(client, url, url + "/decide/phone-review", {"phone-review-option": option})
    page = client.get(url).text
    assert "Visit at home and ask about the children" in page.split("answer so far")[1][:200]
    post_form(
        facilitator, f"/exercises/sessions/{sess.id}", f"/exercises/sessions/{sess.id}/advance", {}
    )
    response = post_form(
        client,
        url,
        url + "/decide/phone-review",
        {"phone-review-option": "0"},
        follow_redirects=True,
    )
    assert "That phase is closed" in response.text


def test_an_inject_reaches_its_seat_only_when_released(room):
    sess, facilitator, people = room
    home = f"/exercises/sessions/{sess.id}"
    post_form(facilitator, home, home + "/advance", {})
    client, url = people["gp"]
    assert "Repeat prescriptions not collected" not in client.get(url).text
    post_form(facilitator, home, home + "/release/prescription", {})
    assert "Repeat prescriptions not collected" in client.get(url).text


def test_the_feed_answers_304_until_something_changes(room):
    sess, _, people = room
    client, url = people["care"]
    first = client.get(url + "/feed")
    etag = first.headers["ETag"]
    assert client.get(url + "/feed", headers={"If-None-Match": etag}).status_code == 304
    police, purl = people["police"]
    post_form(
        police,
        purl,
        purl + "/share/child-alone",
        {"child-alone-to": ["care"], "child-alone-basis": "risk"},
    )
    changed = client.get(url + "/feed", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and "Sonny found alone outside" in changed.json["html"]


@pytest.mark.parametrize("reader", SEATS)
def test_no_seat_reads_another_seats_unshared_fragments_by_page_url_or_feed(room, reader):
    sess, facilitator, people = room
    home = f"/exercises/sessions/{sess.id}"
    for _ in range(4):  # every phase's fragments exist, injects released
        post_form(facilitator, home, home + "/advance", {})
    client, url = people[reader]
    own = client.get(url).text + client.get(url + "/feed").json["html"]
    exercise = parsed(sess.version)
    for fragment in (f for f in exercise.fragments if f.seat == reader and not f.inject):
        assert str(escape(fragment.title)) in own  # the check below would see a fragment
    for other in SEATS:
        if other == reader:
            continue
        for fragment in (f for f in exercise.fragments if f.seat == other):
            assert str(escape(fragment.title)) not in own, (reader, fragment.id)
            assert str(escape(fragment.text.split("\n")[0])) not in own, (reader, fragment.id)
        assert client.get(f"{home}/seats/{other}").status_code == 404
        assert client.get(f"{home}/seats/{other}/feed").status_code == 404
        post = post_form(client, url, f"{home}/seats/{other}/share/x", {})
        assert post.status_code == 404


def test_only_people_in_the_session_see_it(app, room, make_user):
    sess, _, _ = room
    make_user("outsider@example.org")
    outsider = client_for(app, "outsider@example.org")
    home = f"/exercises/sessions/{sess.id}"
    for path in ("", "/debrief", "/facilitator-feed", "/pack", "/seats/care", "/seats/care/feed"):
        assert outsider.get(home + path).status_code == 404, path


def test_an_expired_or_rotated_code_no_longer_opens_the_session(app, room, make_user):
    sess, facilitator, _ = room
    old = sess.join_code
    home = f"/exercises/sessions/{sess.id}"
    post_form(facilitator, home, home + "/code", {})
    db.session.refresh(sess)
    assert sess.join_code != old
    make_user("late@example.org")
    late = client_for(app, "late@example.org")
    refused = post_form(late, "/exercises/join", "/exercises/join", {"code": old})
    assert "That code does not open a session" in refused.text
    sess.code_expires_at = sess.created_at  # the code's hours have passed
    db.session.commit()
    refused = post_form(late, "/exercises/join", "/exercises/join", {"code": sess.join_code})
    assert "That code does not open a session" in refused.text


def test_sessions_joins_and_shares_are_audited(room):
    sess, _, people = room
    client, url = people["gp"]
    post_form(
        client,
        url,
        url + "/share/gp-diagnosis",
        {"gp-diagnosis-to": ["drugs"], "gp-diagnosis-basis": "consent"},
    )
    actions = [e.action for e in db.session.query(AuditEvent).all()]
    assert "exercise.start" in actions and actions.count("exercise.join") == 7
    assert "exercise.share" in actions


def test_the_whole_session_runs_to_a_debrief_that_shows_the_whole_picture(room):
    sess, facilitator, people = room
    home = f"/exercises/sessions/{sess.id}"
    client, url = people["police"]
    post_form(
        client,
        url,
        url + "/share/child-alone",
        {"child-alone-to": ["care"], "child-alone-basis": "risk"},
    )
    post_form(
        client,
        url,
        url + "/decide/police-night",
        {"police-night-option": "1", "police-night-why": "Pattern"},
    )
    waiting = client.get(home + "/debrief").text
    assert "not ready yet" in waiting
    for _ in range(5):
        post_form(facilitator, home, home + "/advance", {})
    page = client.get(home + "/debrief").text
    assert "<svg" in page and "chronology-table" in page
    # the table twin runs in time: the only fragment shared in phase 1 comes first, with its time
    table = page.split('id="chronology-table"')[1]
    first_row = table.split("<tbody")[1].split("</tr>")[0]
    assert "Sonny found alone outside at night" in first_row
    assert re.search(r'<time datetime="[\d\-T:.]+Z">\d{1,2} \w{3} \d\d:\d\d</time>', first_row)
    assert re.search(r"\d+ of 7 seats never shared", page)
    assert "Reached in time" in page and "Missed" in page
    assert "Send a notice to children&#39;s social care" in page
    # questions from content/exercise-debrief-rules.txt, under the reflective cycle's stages
    stages = re.findall(r'<h3 class="govuk-heading-s">(\w+):', page)
    assert stages == ["Experience", "Reflection", "Analysis", "Action"]
    assert "seat(s) never shared anything" in page
    assert "Facilitator pack" in facilitator.get(home + "/pack").text


def test_the_facilitator_plays_a_silent_seat_until_someone_sits_there(app, make_user):
    load_exercise(app)
    make_user("fac@example.org", roles=("author",))
    facilitator = client_for(app, "fac@example.org")
    sess = start_live(facilitator)
    seat_url = f"/exercises/sessions/{sess.id}/seats/gp"
    assert "Play this seat" in facilitator.get(f"/exercises/sessions/{sess.id}").text
    response = post_form(
        facilitator,
        seat_url,
        seat_url + "/share/gp-diagnosis",
        {"gp-diagnosis-to": ["drugs"], "gp-diagnosis-basis": "consent"},
        follow_redirects=True,
    )
    assert "playing this seat as the facilitator" in response.text
    for name in ("gp1", "gp2"):  # several people may share a seat
        make_user(f"{name}@example.org")
        join_seat(client_for(app, f"{name}@example.org"), sess.join_code, "gp")
    assert facilitator.get(seat_url).status_code == 404
    gp2 = client_for(app, "gp2@example.org")
    assert "A personality disorder diagnosis" in gp2.get(seat_url).text
