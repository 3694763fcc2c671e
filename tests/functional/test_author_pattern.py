"""Start from a pattern, without JavaScript: the new-scenario page offers the shapes; one page
of plain questions creates the whole draft (every step, link, option and ending), with the
scores set from each option's strength and the supervision questions ticked from the bank;
bad input keeps every word and names the field; an expired page keeps the text."""

from __future__ import annotations

import html
import re

from app.engine import NodeKind, parse
from tests import pattern_brief as brief
from tests.conftest import csrf_token

from .author_helpers import draft_text

URL = "/author/new/one-choice"


def _create(browser, data: dict):
    return browser.submit(URL, {**data, "create": "Create the draft"})


def test_the_new_scenario_page_offers_every_pattern_and_blank(auth, client):
    auth("author@example.org", roles=("author",))
    page = client.get("/author/new").text
    for name in ("One choice, three endings", "Two choices in a row",
                 "A visit: scene, reflection, choice, ending", "Blank"):  # fmt: skip
        assert name in page
    assert 'href="/author/new/two-choices"' in page
    assert client.get("/author/new/no-such-shape").status_code == 404


def test_one_page_creates_the_whole_brief_with_no_problems(auth, browser, client):
    auth("author@example.org", roles=("author",))
    form = client.get(URL).text
    assert "What does the practitioner see or hear?" in form
    assert "How strong is this option?" in form and "See an example" in form
    assert re.search(r'<script src="/static/pattern.js" nonce="[^"]+" defer>', form)
    response = _create(browser, brief.form_data())
    assert response.status_code == 302, response.text
    overview = client.get(response.headers["Location"]).text
    assert "Draft created from the pattern" in overview
    assert "The checker found nothing to fix." in overview
    draft_id = int(response.headers["Location"].rsplit("/", 1)[1])
    scenario, problems = parse(draft_text(draft_id))
    assert problems == []
    assert scenario.id == "the-boots-by-the-door" and scenario.start == "opening"
    kinds = [n.kind for n in scenario.nodes.values()]
    assert kinds.count(NodeKind.ENDING) == 3 and kinds.count(NodeKind.SCENE) == 3
    choice = scenario.nodes["what-now"]
    assert [o.target for o in choice.options] == ["ending-1", "after-2", "after-3"]
    assert [o.scores["triangulation"] for o in choice.options] == [-1, 1, 2]
    assert choice.options[2].supervision[0].stage == "action"
    clinic = scenario.nodes["ending-3"]
    assert clinic.outcome == "Leah tells you, in a safe place"
    assert clinic.text.startswith("What made the difference here: seeing Leah on her own.")
    assert [p.stage for p in clinic.supervision] == ["experience", "action"]
    assert clinic.tags == ("whole-picture",) and scenario.nodes["ending-1"].tags == (
        "partial-picture",
    )
    prompts = sum(len(n.supervision) for n in scenario.nodes.values())
    prompts += sum(len(o.supervision) for o in choice.options)
    assert prompts == 7


def test_suggest_ticks_tags_from_the_words_and_saves_nothing(auth, browser, client):
    auth("author@example.org", roles=("author",))
    response = browser.submit(URL, {**brief.form_data(), "suggest": "Suggest tags"})
    assert response.status_code == 200
    page = response.text
    assert "Tags suggested for 3 of the options" in page
    ticked = re.findall(r'name="what_now__o0__tags"[^>]*value="([a-z-]+)"[^>]*checked', page)
    assert "relied-on-self-report" in ticked and "checked-other-sources" not in ticked
    strong = re.findall(r'name="what_now__o2__tags"[^>]*value="([a-z-]+)"[^>]*checked', page)
    assert "checked-other-sources" in strong
    assert brief.OPTIONS[2]["feedback"].split(".")[0] in html.unescape(page)  # nothing lost
    assert client.get("/author/").text.count("The boots by the door") == 0


def test_a_missing_title_and_option_keep_every_word_and_name_the_fields(auth, browser):
    auth("author@example.org", roles=("author",))
    data = {**brief.form_data(), "title": "", "what_now__o1__text": ""}
    response = _create(browser, data)
    assert response.status_code == 400
    page = html.unescape(response.text)
    assert "There is a problem" in page
    assert "Enter a title" in page and "Enter what the practitioner does in option 2" in page
    assert brief.STEPS["after_3__text"] in page
    assert brief.ENDINGS["ending_2"]["text"] in page


def test_a_second_draft_with_the_same_title_gets_a_free_id(auth, browser):
    auth("author@example.org", roles=("author",))
    first = _create(browser, brief.form_data()).headers["Location"]
    second = _create(browser, brief.form_data()).headers["Location"]
    ids = [parse(draft_text(int(url.rsplit("/", 1)[1])))[0].id for url in (first, second)]
    assert ids == ["the-boots-by-the-door", "the-boots-by-the-door-2"]


def test_the_other_shapes_link_every_step(auth, browser):
    auth("author@example.org", roles=("author",))
    for shape in ("two-choices", "visit"):
        response = browser.submit(f"/author/new/{shape}", {
            "title": f"Shape {shape}", "create": "Create the draft",
            **{f"{c}__o{i}__text": f"Option {i}" for c in ("first_choice", "second_choice",
                                                           "what_now") for i in range(3)},
        })  # fmt: skip
        assert response.status_code == 302, response.text
        scenario, problems = parse(draft_text(int(response.headers["Location"].rsplit("/")[-1])))
        codes = {p.code for p in problems}
        assert not codes & {"unknown-target", "unreachable", "dead-end"}, problems
        assert scenario.endings


def test_an_expired_page_keeps_the_brief_to_send_again(auth, browser, client):
    auth("author@example.org", roles=("author",))
    data = {**brief.form_data(), "csrf_token": "expired", "create": "Create the draft"}
    response = client.post(URL, data=data, headers={"Sec-Fetch-Site": "same-origin"})
    assert response.status_code == 400
    assert "Your changes are not saved yet" in response.text
    assert html.escape(brief.STEPS["after_3__text"]) in response.text
    fields = re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', response.text)
    resent: dict[str, list[str]] = {}
    for name, value in fields:
        resent.setdefault(name, []).append(html.unescape(value))
    resent["csrf_token"] = [csrf_token(client.get(URL).text)]
    again = client.post(URL, data=resent)
    assert again.status_code == 302, again.text
