"""A reflection carried through sign-in is only kept when it came from this site's own step
page, only for the step the learner is on, and never beyond the 5,000-character limit
(issue 10: I2, M6, L2)."""

from __future__ import annotations

from app.db import db
from app.engine import MAX_REFLECTION_CHARS
from app.models import ReflectionDraft
from tests.conftest import PASSWORD, csrf_token

from .helpers import hidden_fields, step_number, to_first_reflection

SAME_SITE = {"Origin": "http://localhost"}


def _expired(auth, browser, client, load_fixture) -> tuple[str, str]:
    load_fixture()
    auth()
    url = to_first_reflection(browser, client)
    number = step_number(client.get(url).text)
    client.delete_cookie("session", domain="localhost")
    return url, number


def _sign_in_from(client, page_html: str):
    return client.post(
        "/login",
        data={**hidden_fields(page_html), "email": "learner@example.org", "password": PASSWORD},
    )


def test_a_cross_site_form_cannot_prefill_a_reflection(auth, browser, client, load_fixture):
    url, number = _expired(auth, browser, client, load_fixture)
    planted = client.post(
        url,
        data={"step": number, "reflection": "Words someone else chose."},
        headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert "Words someone else chose." not in planted.text
    page = client.get("/login?next=" + url)
    assert _sign_in_from(client, page.text).status_code == 302
    assert "Words someone else chose." not in client.get(url).text
    assert db.session.query(ReflectionDraft).count() == 0


def test_carried_fields_without_the_sites_seal_are_ignored(auth, browser, client, load_fixture):
    url, number = _expired(auth, browser, client, load_fixture)
    page = client.get("/login")
    forged = client.post(
        "/login",
        data={
            "csrf_token": csrf_token(page.text),
            "email": "learner@example.org",
            "password": PASSWORD,
            "next": url,
            "carry_text": "Words someone else chose.",
            "carry_step": number,
        },
    )
    assert forged.status_code == 302
    assert "Words someone else chose." not in client.get(url).text


def test_carried_text_keeps_to_the_reflection_limit(auth, browser, client, load_fixture):
    url, number = _expired(auth, browser, client, load_fixture)
    long_text = "word " * (MAX_REFLECTION_CHARS // 5 + 400)
    page = client.post(url, data={"step": number, "reflection": long_text}, headers=SAME_SITE)
    assert page.status_code == 401
    assert f"only the first {MAX_REFLECTION_CHARS:,} were kept" in page.text
    assert _sign_in_from(client, page.text).status_code == 302
    draft = db.session.query(ReflectionDraft).one()
    assert len(draft.text) == MAX_REFLECTION_CHARS


def test_a_huge_carried_step_number_signs_in_without_error(auth, browser, client, load_fixture):
    url, _ = _expired(auth, browser, client, load_fixture)
    page = client.post(url, data={"step": "9" * 30, "reflection": "Kept?"}, headers=SAME_SITE)
    signed_in = _sign_in_from(client, page.text)
    assert signed_in.status_code == 302
    assert db.session.query(ReflectionDraft).count() == 0  # not the step the learner is on
