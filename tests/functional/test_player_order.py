"""A choice's options in the player: shuffled for each attempt, the same order every time that
attempt shows them, options kept last at the end; and "What you might say" after feedback."""

from __future__ import annotations

import re

from app.db import db, utcnow
from app.models import Attempt

from .helpers import answer, options, start

FIXTURE = "player/many-options.scenario"
LAST = "Something else."


def _order(client, url: str) -> list[str]:
    page = client.get(url)
    assert page.status_code == 200
    return list(options(page.text))


def _offered_in_review(html: str) -> list[str]:
    """The path review's "options you were offered", in the order listed."""
    block = html[html.index('class="govuk-list govuk-list--number wp-offered"') :]
    block = block[: block.index("</ol>")]
    return [
        re.sub(r"\s*<strong>.*", "", item).strip()
        for item in re.findall(r"<li>(.*?)</li>", block, re.S)
    ]


def test_reload_resume_and_the_path_review_show_one_order(auth, browser, client, load_fixture):
    load_fixture(FIXTURE)
    auth()
    url = start(browser, "many-options")
    first = _order(client, url)
    assert len(first) == 6 and first[-1] == LAST
    assert _order(client, url) == first  # reload
    browser.submit("/scenarios", {}, action="/logout")
    browser.login("learner@example.org")
    assert start(browser, "many-options") == url  # resume the same attempt
    assert _order(client, url) == first
    stale = client.post(url, data={"step": "7", "option": "0"})  # a form from another tab
    assert stale.status_code == 409 and list(options(stale.text)) == first
    answer(client, url, option_text="Ask the health visitor.")
    review = client.get(url + "/ending")
    assert _offered_in_review(review.text) == first
    assert "Ask the health visitor. <strong>(your choice)</strong>" in review.text


def test_different_attempts_see_different_orders_with_something_else_last(
    auth, browser, client, load_fixture
):
    load_fixture(FIXTURE)
    user = auth()
    url = start(browser, "many-options")
    first = db.session.get(Attempt, int(url.rsplit("/", 1)[1]))
    ids, orders = [], []
    attempt = first
    for _ in range(20):  # one open attempt at a time, as the database insists
        ids.append(attempt.id)
        orders.append(tuple(_order(client, f"/attempts/{attempt.id}")))
        attempt.completed_at = utcnow()
        attempt = Attempt(user_id=user.id, version_id=first.version_id)
        db.session.add(attempt)
        db.session.commit()
    assert len(ids) == 20
    assert all(order[-1] == LAST for order in orders)
    assert len(set(orders)) >= 10
    assert len({order[0] for order in orders}) >= 4  # the option written first does not lead


def test_what_you_might_say_follows_the_feedback(auth, browser, client, load_fixture):
    load_fixture(FIXTURE)
    auth()
    url = start(browser, "many-options")
    response = answer(client, url, option_text="Ring the school.")
    feedback = client.get(response.headers["Location"]).text
    said = "I check with the people who see the children. It is what I do for every family."
    assert "What you might say" in feedback
    assert feedback.index("The school sees the children every day.") < feedback.index(said)
    review = client.get(url + "/ending").text
    assert "What you might say" in review and said in review


def test_no_panel_for_an_option_without_words_to_say(auth, browser, client, load_fixture):
    load_fixture(FIXTURE)
    auth()
    url = start(browser, "many-options")
    response = answer(client, url, option_text="Visit her at home.")
    feedback = client.get(response.headers["Location"]).text
    assert "Seeing the home tests what you are told." in feedback
    assert "What you might say" not in feedback
