"""Changes that let someone read reflections are made visible (issue 10, M4): the learner and
the previous supervisor are told on their landing page, the audit log records it, and admins
can filter the log and export it as CSV that a spreadsheet cannot run."""

from __future__ import annotations

import csv
import io
import re
from datetime import datetime, timedelta

from app.db import db
from app.models import AuditEvent
from app.services import accounts
from tests.conftest import csrf_token


def _people(make_user):
    old = make_user("old.sup@example.org", roles=("supervisor",))
    learner = make_user("jo@example.org", supervisor_id=old.id)
    admin = make_user("admin@example.org", roles=("admin", "supervisor"))
    return old, learner, admin


def _sign_in(app, email):
    client = app.test_client()
    page = client.get("/login")
    client.post(
        "/login",
        data={
            "csrf_token": csrf_token(page.text),
            "email": email,
            "password": "correct horse battery staple",
        },
    )
    return client


def test_an_admin_making_themselves_supervisor_is_told_to_learner_and_old_supervisor(
    app, browser, client, make_user
):
    old, learner, admin = _people(make_user)
    browser.login("admin@example.org")
    form = client.get(f"/admin/users/{learner.id}")
    saved = client.post(
        f"/admin/users/{learner.id}",
        data={
            "csrf_token": csrf_token(form.text),
            "email": learner.email,
            "display_name": learner.display_name,
            "roles": ["learner"],
            "agency_id": 0,
            "team_id": 0,
            "supervisor_id": admin.id,
        },
    )
    assert saved.status_code == 302
    landing = _sign_in(app, "jo@example.org").get("/scenarios").text
    assert "made admin your supervisor" in landing
    old_landing = _sign_in(app, "old.sup@example.org").get("/supervise/").text
    assert "You can no longer read their reflections" in old_landing
    event = (
        db.session.query(AuditEvent).filter_by(action="supervisor_changed", actor_id=admin.id).one()
    )
    assert event.subject_user_id == learner.id


def test_a_set_password_link_is_told_to_the_person_and_their_supervisor(app, make_user):
    old, learner, admin = _people(make_user)
    accounts.issue_password_link(db.session, learner, admin, hours=1)
    db.session.commit()
    learner_client = _sign_in(app, "jo@example.org")
    page = learner_client.get("/scenarios").text
    assert "issued a set-password link for your account" in page
    assert (
        "issued a set-password link for jo"
        in _sign_in(app, "old.sup@example.org").get("/supervise/").text
    )
    dismissed = learner_client.post(
        f"/notices/{_notice_id(page)}/read",
        data={"csrf_token": csrf_token(page), "next": "/scenarios"},
    )
    assert dismissed.status_code == 302
    assert "set-password link" not in learner_client.get("/scenarios").text


def _notice_id(html: str, about: str = "set-password link") -> str:
    """The id in the dismiss form of the notice that mentions `about`."""
    return re.search(re.escape(about) + r'.*?action="/notices/(\d+)/read"', html, re.S).group(1)


def test_nobody_else_can_dismiss_a_notice(app, make_user):
    old, learner, admin = _people(make_user)
    accounts.issue_password_link(db.session, learner, admin, hours=1)
    db.session.commit()
    page = _sign_in(app, "jo@example.org").get("/scenarios").text
    other = _sign_in(app, "admin@example.org")
    token = csrf_token(other.get("/scenarios").text)
    assert (
        other.post(f"/notices/{_notice_id(page)}/read", data={"csrf_token": token}).status_code
        == 404
    )


def test_admins_filter_the_audit_log_and_export_it_safely(app, browser, client, make_user):
    old, learner, admin = _people(make_user)
    evil = make_user("evil@example.org", roles=("supervisor",))
    evil.display_name = '=HYPERLINK("http://x")'
    db.session.commit()
    accounts.update_user(db.session, learner, actor=admin, supervisor_id=evil.id)
    accounts.issue_password_link(db.session, old, admin, hours=1)
    db.session.commit()
    browser.login("admin@example.org")
    page = client.get("/admin/audit?what=supervisor_changed&whose=jo")
    assert page.status_code == 200
    cell = '<td class="govuk-table__cell">{}</td>'
    assert cell.format("supervisor_changed") in page.text
    assert cell.format("password_link_issued") not in page.text
    by_date = client.get("/admin/audit?since=2000-01-01&until=2000-01-02")
    assert "No entries match" in by_date.text
    bad = client.get("/admin/audit?since=" + "9" * 30 + "-01-01")
    assert bad.status_code == 400 and "Enter a date like" in bad.text
    export = client.get("/admin/audit?format=csv&whose=jo")
    assert export.mimetype == "text/csv"
    rows = list(csv.reader(io.StringIO(export.text)))
    assert rows[0][:4] == ["When (UTC)", "Who", "Whose data", "What"]
    cells = [cell for row in rows[1:] for cell in row]
    assert any("HYPERLINK" in c for c in cells)
    assert not any(c.startswith(("=", "+", "-", "@")) for c in cells)


def test_only_admins_see_the_audit_log(app, browser, client, make_user):
    _people(make_user)
    browser.login("old.sup@example.org")
    assert client.get("/admin/audit").status_code == 403
    assert client.get("/admin/sign-in-limits").status_code == 403


def test_the_what_filter_offers_each_action_in_the_log_once_in_order(auth, client):
    auth("admin@example.org", roles=("admin",))
    for action in ("read_reflections", "clear_sign_in_limit", "read_reflections", "erase_user"):
        db.session.add(AuditEvent(action=action, detail={}))
    db.session.commit()
    page = client.get("/admin/audit").text
    select = page[page.index('<select class="govuk-select" id="what"') :].split("</select>")[0]
    offered = re.findall(r'<option value="([^"]*)"', select)
    assert offered == ["", "clear_sign_in_limit", "erase_user", "read_reflections"]


def test_the_audit_log_shows_50_entries_a_page_with_a_link_to_older_ones(auth, client):
    auth("admin@example.org", roles=("admin",))
    base = datetime(2026, 11, 1, 9, 0)
    for n in range(51):  # erase_user 0 is the oldest
        db.session.add(
            AuditEvent(action="erase_user", detail={"n": n}, at=base + timedelta(minutes=n))
        )
    db.session.add(AuditEvent(action="read_reflections", detail={}, at=base))
    db.session.commit()
    first = client.get("/admin/audit?what=erase_user").text
    assert "Entries 1 to 50, newest first" in first
    assert "n: 50" in first and "n: 1<" in first and "n: 0<" not in first
    older = re.search(
        r'href="([^"]*page=2[^"]*)"[^>]*>\s*<svg[^>]*>.*?</svg>\s*<span[^>]*>\s*Older entries',
        first,
        re.S,
    )
    assert older, "a link to the older entries"
    second = client.get(older.group(1).replace("&amp;", "&")).text
    assert "Entries 51 to 51, newest first" in second
    assert "n: 0<" in second and "n: 1<" not in second
    assert "read_reflections</td>" not in second  # the filter is kept on the next page
    assert "Newer entries" in second and "Older entries" not in second
