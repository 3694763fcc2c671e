"""Certificates of completion: issued by the learner, checked by anyone with the link, which
shows only the name, the activity and the date, is never indexed, and stops when revoked."""

from __future__ import annotations

import re

from sqlalchemy import select

from app.db import db
from app.models import Attempt, Certificate
from app.services import personal_data

from .supervision_world import jo_leans_on_accounts, sign_in, world  # noqa: F401


def _issue(app, browser, world):  # noqa: F811
    jo_leans_on_accounts(world)
    attempt = db.session.scalars(
        select(Attempt).where(Attempt.user_id == world.jo.id).order_by(Attempt.started_at)
    ).first()
    sign_in(browser, world.jo)
    response = browser.submit(
        "/my-learning/cpd", {}, action=f"/my-learning/certificates/scenario/{attempt.id}"
    )
    assert response.status_code == 302
    page = browser.get(response.headers["Location"])
    link = re.search(r"http://localhost(/verify/[A-Za-z0-9_-]+)", page.text).group(1)
    return attempt, page, link


def test_the_verification_page_shows_only_name_activity_and_date(app, browser, world):  # noqa: F811
    attempt, page, link = _issue(app, browser, world)
    assert "Certificate of completion" in page.text and "A short visit" in page.text
    anyone = app.test_client()
    check = anyone.get(link)
    assert check.status_code == 200
    assert check.headers["X-Robots-Tag"] == "noindex, nofollow"
    assert '<meta name="robots" content="noindex, nofollow">' in check.text
    main = check.text.split('id="main-content"')[1].split("</main>")[0]
    assert "jo" in main and "A short visit" in main
    assert attempt.completed_at.strftime("%-d %B %Y") in main
    for private in ("jo@example.org", "parent", "Testing self-report", "Sign out", "%"):
        assert private not in main


def test_issuing_twice_gives_the_same_certificate(app, browser, world):  # noqa: F811
    attempt, _, link = _issue(app, browser, world)
    again = browser.submit(
        "/my-learning/cpd", {}, action=f"/my-learning/certificates/scenario/{attempt.id}"
    )
    assert link in browser.get(again.headers["Location"]).text
    assert len(db.session.scalars(select(Certificate)).all()) == 1


def test_a_revoked_certificate_shows_nothing_and_a_new_one_has_a_new_link(app, browser, world):  # noqa: F811
    attempt, page, link = _issue(app, browser, world)
    certificate = db.session.scalars(select(Certificate)).one()
    revoke = f"/my-learning/certificates/{certificate.id}/revoke"
    browser.submit(page.request.path, {}, action=revoke)
    assert app.test_client().get(link).status_code == 404
    _, _, new_link = _issue_again(browser, attempt)
    assert new_link != link and app.test_client().get(new_link).status_code == 200


def _issue_again(browser, attempt):
    response = browser.submit(
        "/my-learning/cpd", {}, action=f"/my-learning/certificates/scenario/{attempt.id}"
    )
    page = browser.get(response.headers["Location"])
    return attempt, page, re.search(r"http://localhost(/verify/[A-Za-z0-9_-]+)", page.text).group(1)


def test_unknown_tokens_and_erased_people_show_nothing(app, browser, world):  # noqa: F811
    _, _, link = _issue(app, browser, world)
    anyone = app.test_client()
    assert anyone.get("/verify/" + "A" * 43).status_code == 404
    assert anyone.get("/verify/short").status_code == 404
    personal_data.erase(db.session, world.jo, world.admin)
    db.session.commit()
    assert anyone.get(link).status_code == 404


def test_an_unfinished_attempt_gets_no_certificate(app, browser, world):  # noqa: F811
    from app.models import StoredScenario

    stored = db.session.scalar(select(StoredScenario).where(StoredScenario.slug == "short-visit"))
    open_attempt = Attempt(user_id=world.jo.id, version_id=stored.current_version_id)
    db.session.add(open_attempt)
    db.session.commit()
    sign_in(browser, world.jo)
    response = browser.submit(
        "/my-learning/cpd", {}, action=f"/my-learning/certificates/scenario/{open_attempt.id}"
    )
    assert response.status_code == 404


def test_a_source_guessing_tokens_is_slowed_down(app, browser, world):  # noqa: F811
    _, _, link = _issue(app, browser, world)
    anyone = app.test_client()
    for _ in range(5):  # checking a real certificate again and again is never slowed
        assert anyone.get(link).status_code == 200
    statuses = [anyone.get("/verify/" + f"{n:03d}" * 15).status_code for n in range(22)]
    assert statuses[:20] == [404] * 20 and statuses[-1] == 429
    refused = anyone.get(link)
    assert refused.status_code == 429 and int(refused.headers["Retry-After"]) >= 1
