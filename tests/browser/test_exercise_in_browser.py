"""A facilitator and three participants, each in their own browser, run the shipped exercise
to its debrief. A share appears on the receiving seat's screen without a reload."""

from __future__ import annotations

import re

import pytest

from tests.functional.exercise_helpers import load_exercise

from .conftest import sign_in

pytestmark = pytest.mark.browser
PEOPLE = ("police", "care", "aunt")
SEAT_NAMES = {
    "police": "Police",
    "care": "Children's social care",
    "aunt": "Family network: Aunt Tanya",
}


def _person(chromium, base_url, email):
    context = chromium.new_context()
    page = context.new_page()
    sign_in(page, base_url, email)
    return context, page


def test_a_facilitated_session_runs_to_the_debrief_in_four_browsers(
    app, chromium, base_url, make_user
):
    load_exercise(app)
    make_user(
        "fac@example.org",
        roles=("facilitator",),
    )
    for seat in PEOPLE:
        make_user(f"{seat}@example.org")
    contexts = []
    try:
        context, fac = _person(chromium, base_url, "fac@example.org")
        contexts.append(context)
        fac.goto(base_url + "/exercises")
        fac.get_by_text("Run it with a partnership").click()
        fac.get_by_role("button", name="Start a session").click()
        code = fac.locator("#join-code").inner_text().strip()
        assert re.fullmatch(r"[A-Z2-9]{6}", code)

        seats = {}
        for seat in PEOPLE:
            context, page = _person(chromium, base_url, f"{seat}@example.org")
            contexts.append(context)
            page.goto(f"{base_url}/exercises/join?code={code}")
            page.get_by_role("button", name="Join").click()
            page.get_by_label(re.compile(re.escape(SEAT_NAMES[seat]) + r" \(\d")).check()
            page.get_by_role("button", name="Take this seat").click()
            page.wait_for_url(re.compile(f"/seats/{seat}$"))
            seats[seat] = page

        # The facilitator's screen shows the three people without a reload.
        fac.locator("#progress").get_by_role("cell", name="aunt", exact=True).wait_for(timeout=5000)

        seats["care"].evaluate("window.notReloaded = true")
        police = seats["police"]
        form = police.locator("#share-child-alone")
        form.get_by_label("Children's social care").check()
        form.get_by_label("Shared without consent because of risk to a child").check()
        form.get_by_role("button", name="Record").click()
        police.get_by_text("That basis fits here.").first.wait_for(timeout=5000)

        care = seats["care"]
        care.locator("#seat-live").get_by_role(
            "heading", name="Sonny found alone outside"
        ).wait_for(timeout=5000)
        assert care.evaluate("window.notReloaded") is True  # it came by the feed, not a reload
        assert "there is something new" in care.locator("#live-status").inner_text()
        assert "Sonny found alone outside at night" not in seats["aunt"].content()

        decision = police.locator("#decision-police-night")
        decision.get_by_label("Send a notice to children's social care with what you saw.").check()
        decision.get_by_label("Why? In a sentence or two").fill("A child alone at night.")
        decision.get_by_role("button", name="Save my decision").click()
        police.get_by_text("Decision saved").wait_for(timeout=5000)

        # Five phases to close. The facilitator's page may also reload itself as the phase
        # changes, so count on where the page ends up, not on the number of navigations.
        for _ in range(10):
            if "/debrief" in fac.url:
                break
            close = fac.get_by_role("button", name=re.compile("^Close this phase"))
            close.wait_for(timeout=5000)
            with fac.expect_navigation():
                close.click()
            fac.wait_for_load_state()
        assert "/debrief" in fac.url
        assert fac.locator("#chronology svg").count() == 1

        # Each seat's live page reloads itself when the phase changes, so each person opens
        # the debrief in a new tab rather than racing that reload.
        debriefs = {}
        for seat, live in seats.items():
            page = debriefs[seat] = live.context.new_page()
            page.goto(f"{base_url}/exercises")
            page.get_by_role("link", name="Open the debrief").click()
            page.get_by_role("heading", name="The whole picture").wait_for(timeout=5000)
            assert page.locator("#chronology-table").get_by_text("Sonny found alone").count() >= 1
        assert "A child alone at night." in debriefs["police"].content()
    finally:
        for context in contexts:
            context.close()


def test_every_exercise_page_passes_axe(app, chromium, base_url, make_user):
    from datetime import datetime

    from app.db import db
    from app.services import exercise_library, exercise_sessions

    from .test_accessibility import _violations

    load_exercise(app)
    fac = make_user("fac@example.org", roles=("facilitator",))
    jo = make_user("jo@example.org")
    make_user("new@example.org")
    version = exercise_library.catalogue(db.session)[0]
    sess = exercise_sessions.start(db.session, version, fac, "live", datetime.now(), 12)
    exercise_sessions.take_seat(
        db.session, sess, exercise_sessions.join(db.session, sess, jo), "police"
    )
    db.session.commit()
    home = f"/exercises/sessions/{sess.id}"
    visits = {
        "fac@example.org": ["/exercises", home, home + "/pack", home + "/seats/care"],
        "jo@example.org": ["/exercises", home + "/seats/police", home + "/debrief"],
        "new@example.org": [f"/exercises/join?code={sess.join_code}"],
    }
    found = []
    for email, paths in visits.items():
        context = chromium.new_context(bypass_csp=True)  # lets the test add axe's script
        try:
            page = context.new_page()
            sign_in(page, base_url, email)
            if email == "new@example.org":
                page.goto(base_url + paths[0])
                page.get_by_role("button", name="Join").click()
                page.wait_for_url(re.compile(r"/sessions/\d+$"))
                found += _violations(page)  # choosing a seat
            for path in paths:
                page.goto(base_url + path)
                found += _violations(page)
        finally:
            context.close()
    assert found == []
