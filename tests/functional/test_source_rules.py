"""A learning source's own supervision rules: written on the source's page, previewed, stored,
and raised on the supervisor's agenda only for scenarios that name the source."""

from __future__ import annotations

from html import unescape

from sqlalchemy import select

from app.db import db
from app.models import Draft
from tests.conftest import Browser

from .helpers import answer, start
from .source_helpers import SCENARIO, SOURCE, create_source, publish_scenario

URL = f"/sources/{SOURCE}"
SKIP = "Move on to the next topic on your list."
RULE = {
    "rule-key": "not-asked-alone",
    "rule-kind": "concern",
    "rule-pattern": "missed",
    "rule-tag": "asked-alone",
    "rule-scenarios": "1",
    "rule-stage": "analysis",
    "rule-prompt": "In {scenarios} you did not ask the parent alone about safety. "
    "What got in the way of asking?",
    "rule-attention": "Did not ask alone at {count} of {of} decisions",
}
ASKED = "you did not ask the parent alone about safety. What got in the way of asking?"


def _add_rule(browser, **changes):
    return browser.submit(URL, {**RULE, **changes}, action=f"{URL}/rules")


def _person(app, make_user, email, **kwargs):
    user = make_user(email, **kwargs)
    person = Browser(app.test_client())
    assert person.login(email).status_code == 302
    return person, user


def test_author_previews_then_adds_a_rule(auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    preview = _add_rule(browser, **{"rule-preview": "y"})
    assert preview.status_code == 200
    text = unescape(preview.text)
    assert "How the supervisor will read it (not saved yet)" in text
    assert "In ‘A talk in the kitchen’ and ‘The boots by the door’ you did not ask" in text
    assert "Did not ask alone at 2 of 3 decisions" in text
    assert "No rules yet." in text  # a preview stores nothing
    assert _add_rule(browser).status_code == 302
    page = unescape(browser.get(URL).text)
    assert "not-asked-alone" in page and "when missed asked-alone in 1+ scenarios" in page


def test_a_rule_with_a_mistake_says_why(auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    bad = _add_rule(browser, **{"rule-prompt": "In {scenario} you ..."})
    assert bad.status_code == 400 and "is not filled for this" in unescape(bad.text)
    assert "In {scenario} you ..." in bad.text  # the typing is kept
    empty = _add_rule(browser, **{"rule-prompt": ""})
    assert empty.status_code == 400 and "Write the question" in empty.text


def test_the_rule_fires_only_for_scenarios_naming_its_source(app, auth, browser, make_user):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    assert _add_rule(browser).status_code == 302
    publish_scenario(browser)
    # another source with a tag of the same id, and a scenario naming only that source
    browser.submit("/sources/", {"slug": "porch-review", "title": "Porch review", "kind": "review"})
    other = "/sources/porch-review"
    browser.submit(
        other, {"tag-key": "asked-alone", "tag-label": "Asked alone"}, action=f"{other}/tags"
    )
    browser.submit(other, {"competency-key": "porch-enquiry", "competency-name": "Porch"},
                   action=f"{other}/competencies")  # fmt: skip
    porch = SCENARIO.replace("kitchen-talk", "porch-talk").replace("in the kitchen", "on the porch")
    porch = porch.replace("home-safety-review", "porch-review").replace(
        "routine-enquiry", "porch-enquiry"
    )
    publish_scenario(browser, porch, "porch-talk")
    sam = make_user("sam@example.org", roles=("supervisor", "learner"))
    jo_browser, jo = _person(app, make_user, "jo@example.org", supervisor_id=sam.id)
    tom_browser, tom = _person(app, make_user, "tom@example.org", supervisor_id=sam.id)
    answer(jo_browser.client, start(jo_browser, "kitchen-talk"), option_text=SKIP)
    answer(tom_browser.client, start(tom_browser, "porch-talk"), option_text=SKIP)
    supervisor = Browser(app.test_client())
    assert supervisor.login("sam@example.org").status_code == 302
    agenda = unescape(supervisor.get(f"/supervise/learners/{jo.id}/agenda").text)
    assert f"In A talk in the kitchen {ASKED}" in agenda
    page = unescape(supervisor.get(f"/supervise/learners/{jo.id}").text)
    assert "Did not ask alone at 1 of 1 decisions" in page
    tom_agenda = unescape(supervisor.get(f"/supervise/learners/{tom.id}/agenda").text)
    assert ASKED not in tom_agenda


def test_preview_shows_the_sources_rule(auth, browser, client):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    _add_rule(browser)
    publish_scenario(browser)
    response = browser.submit(
        "/author/scenarios/kitchen-talk", {}, action="/author/scenarios/kitchen-talk/edit"
    )
    draft_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert db.session.scalar(select(Draft.id).where(Draft.id == draft_id))
    base = f"/author/drafts/{draft_id}/preview"
    page = client.get(base, query_string={"node": "ask", "a": "", "answered": "1", "next": "1"})
    side = unescape(page.text)[unescape(page.text).index("What the supervisor will be asked") :]
    assert f"In A talk in the kitchen {ASKED}" in side


def test_deleting_a_rule_and_a_tag_it_uses(auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    _add_rule(browser)
    tag = f"{URL}/items/tag/asked-alone"
    refused = browser.submit(tag, {}, action=f"{tag}/delete")
    assert refused.status_code == 400
    assert "this source's supervision rule 'not-asked-alone'" in unescape(refused.text)
    gone = browser.submit(URL, {}, action=f"{URL}/rules/not-asked-alone/delete")
    assert gone.status_code == 302 and "No rules yet." in browser.get(URL).text


def test_author_changes_a_rule_keeping_its_id(auth, browser):
    auth("author@example.org", roles=("author",))
    create_source(browser)
    _add_rule(browser)
    url = f"{URL}/rules/not-asked-alone"
    page = unescape(browser.get(url).text)
    assert "cannot be changed" in page and "How the supervisor will read it" in page
    changed = {**{k: v for k, v in RULE.items() if k != "rule-key"}, "rule-stage": "action",
               "rule-prompt": "Next time in {scenarios}, how will you find a moment alone?"}  # fmt: skip
    preview = browser.submit(url, {**changed, "rule-preview": "y"})
    assert preview.status_code == 200 and "how will you find a moment alone?" in preview.text
    assert "at the analysis stage" in unescape(browser.get(URL).text)  # a preview saves nothing
    assert browser.submit(url, changed).status_code == 302
    listed = unescape(browser.get(URL).text)
    assert "not-asked-alone" in listed and "at the action stage" in listed
    assert "how will you find a moment alone?" in listed
