"""Hostile input through the forms into every free-text field and into scenario Markdown: the
pages that show it are parsed and nothing injected survives, and nothing gives a 500.

Fields: reflection; supervisor comment; supervision session notes and action; a person's name;
agency and team names; an author's draft details (title, summary, role, content note), node text,
option text and feedback; and a whole scenario's Markdown published and played by a learner."""

from __future__ import annotations

from datetime import date

import pytest
from sqlalchemy import select

from app.db import db
from app.engine import parse
from app.models import Agency, Origin, Reflection
from app.services import library
from tests.conftest import FIXTURES, Browser

from .author_helpers import DETAILS, new_draft
from .helpers import answer, start, step_number, to_first_reflection
from .hostile import ALL_AT_ONCE, CRASHERS, MARKUP, form_body, inert
from .supervision_world import play, sign_in

VALUES = [m.encode() for m in MARKUP] + list(CRASHERS.values()) + [ALL_AT_ONCE]


def _token(browser: Browser, url: str) -> str:
    from .test_authorisation_matrix import TOKEN

    page = browser.get(url)
    assert page.status_code == 200, (url, page.status_code)
    match = TOKEN.search(page.text)
    return match.group(1) or match.group(2)


def post(browser: Browser, page_url: str, fields: dict, action: str | None = None):
    body = form_body({"csrf_token": _token(browser, page_url), **fields})
    return browser.client.post(
        action or page_url, data=body, content_type="application/x-www-form-urlencoded"
    )


class Pages:
    """Collects every response seen and what in it was not inert."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.pages = 0
        self.shown = 0  # pages showing a payload (as inert text), so the test is not vacuous

    def check(self, response, where: str) -> None:
        self.pages += 1
        if response.status_code >= 500:
            self.problems.append(f"{where}: {response.status_code}")
        elif response.mimetype == "text/html":
            self.problems += [f"{where}: {found}" for found in inert(response)]
            self.shown += "alert(1)" in response.get_data(as_text=True)

    def view(self, browser: Browser, *urls: str) -> None:
        for url in urls:
            self.check(browser.get(url), f"GET {url}")


def _browser(app, user) -> Browser:
    browser = Browser(app.test_client())
    sign_in(browser, user)
    return browser


@pytest.fixture
def people(app, world):
    return {name: _browser(app, getattr(world, name)) for name in ("jo", "sam", "admin", "author")}


def test_reflection(world, people):
    jo, sam, seen = people["jo"], people["sam"], Pages()
    url = to_first_reflection(jo, jo.client)
    step = step_number(jo.get(url).text)
    for value in (CRASHERS["1 MB"], ALL_AT_ONCE):
        seen.check(post(jo, url, {"step": step, "reflection": value}), f"POST {url}")
    reflection = db.session.scalars(select(Reflection)).one()
    assert "alert(1)" in reflection.text  # stored as written, shown as text
    seen.view(jo, url, "/my-learning")
    people_page = f"/supervise/learners/{world.jo.id}"
    seen.view(sam, people_page, people_page + "/agenda")
    seen.view(sam, f"/supervise/reflections/{reflection.id}/comment")
    assert seen.problems == [] and seen.shown


def test_comment(world, people):
    jo, sam, seen = people["jo"], people["sam"], Pages()
    play(
        world.jo, "short-visit", ["Visit her at home.", "Ask the school what they see."], ["x", "y"]
    )
    reflection = db.session.scalars(select(Reflection)).first()
    url = f"/supervise/reflections/{reflection.id}/comment"
    for value in VALUES:
        seen.check(post(sam, url, {"text": value}), f"POST {url}")
    seen.view(jo, "/my-learning")
    seen.view(sam, url, f"/supervise/learners/{world.jo.id}")
    assert seen.problems == [] and seen.shown and seen.pages > len(VALUES)


def test_supervision_notes_and_action(world, people):
    jo, sam, seen = people["jo"], people["sam"], Pages()
    url = f"/supervise/learners/{world.jo.id}/sessions/new"
    today = date.today()
    for value in VALUES:
        fields = {
            "held_on": [str(today.day), str(today.month), str(today.year)],
            "notes": value,
            "actions-0-text": value,
        }
        seen.check(post(sam, url, fields), f"POST {url}")
    seen.view(jo, "/my-learning")
    base = f"/supervise/learners/{world.jo.id}"
    seen.view(sam, base, base + "/agenda", "/supervise/")
    assert seen.problems == [] and seen.shown


def test_person_name(world, people):
    admin, sam, seen = people["admin"], people["sam"], Pages()
    url = f"/admin/users/{world.dan.id}"
    for value in VALUES:
        fields = {
            "display_name": value,
            "email": world.dan.email,
            "roles": ["learner"],
            "agency_id": "0",
            "team_id": "0",
            "supervisor_id": str(world.sam.id),
        }
        seen.check(post(admin, url, fields), f"POST {url}")
        seen.view(admin, url, "/admin/users")
        seen.view(sam, "/supervise/")
    assert seen.problems == [] and seen.shown


def test_agency_and_team_names(world, people):
    admin, seen = people["admin"], Pages()
    url = "/admin/organisation"
    seen.check(
        post(
            admin,
            url,
            {"agency-name": "Harbour Health", "agency-kind": "health", "agency-submit": "y"},
        ),
        "POST agency",
    )
    agency = db.session.scalars(select(Agency)).one()
    for value in VALUES:
        agency_fields = {"agency-name": value, "agency-kind": "health", "agency-submit": "y"}
        seen.check(post(admin, url, agency_fields), "POST agency")
        team_fields = {"team-agency_id": str(agency.id), "team-name": value, "team-submit": "y"}
        seen.check(post(admin, url, team_fields), "POST team")
    seen.view(admin, url, f"/admin/users/{world.dan.id}", "/admin/users/new")
    assert seen.problems == [] and seen.shown


def test_author_draft_fields(people):
    author, seen = people["author"], Pages()
    draft_id = new_draft(author)
    base = f"/author/drafts/{draft_id}"
    for value in VALUES:
        details = {**DETAILS, "title": value, "summary": value, "role": value}
        seen.check(post(author, base + "/details", {**details, "content_note": value}), "details")
        node = {"new_id": "opening", "kind": "scene", "text": value, "condition": "",
                "else_target": "", "outcome": "", "supervision": value}  # fmt: skip
        seen.check(post(author, base + "/nodes/opening", node), "node")
        seen.view(author, base, base + "/details", base + "/nodes/opening", base + "/map")
    assert seen.problems == [] and seen.shown


def test_author_option_fields(people):
    author, seen = people["author"], Pages()
    draft_id = new_draft(author)
    base = f"/author/drafts/{draft_id}"
    author.submit(base, {"kind": "choice", "node_id": "ask"}, action=base + "/nodes")
    for index, value in enumerate(VALUES):
        option = {"text": value, "target": "", "feedback": value, "condition": "",
                  "supervision": value, "score_triangulation": ""}  # fmt: skip
        url = base + "/nodes/ask/options/" + ("new" if index == 0 else "0")
        seen.check(post(author, url, option), f"POST {url}")
        seen.view(author, base + "/nodes/ask", base + "/nodes/ask/options/0", base + "/map")
    seen.view(author, base + "/text", base + "/preview", "/author/")
    assert seen.problems == [] and seen.shown


def hostile_scenario() -> str:
    text = (FIXTURES / "short-visit.scenario").read_text()
    text = text.replace("id: short-visit", "id: hostile-visit")
    text = text.replace("title: A short visit", "title: " + MARKUP[1])
    text = text.replace("summary: A small", f"summary: {MARKUP[0]} {MARKUP[4]} A small")
    markdown = "\n\n".join(MARKUP)
    text = text.replace("Dana says all is well.", f"Dana says all is well.\n\n{markdown}")
    indented = "\n".join("    " + line for line in markdown.splitlines() if line.strip())
    text = text.replace(
        "  feedback: Seeing the home tests what you are told.",
        f"  feedback: Seeing the home tests what you are told.\n{indented}\n  say: {MARKUP[5]}",
    )
    return text.replace("A week passes.", f"A week passes. {MARKUP[2]} {MARKUP[16]}")


def test_scenario_markdown_published_and_played(app, people):
    author, jo, seen = people["author"], people["jo"], Pages()
    draft_id = new_draft(author, slug="hostile-visit", title="Hostile visit")
    base = f"/author/drafts/{draft_id}"
    saved = post(author, base + "/text", {"text": hostile_scenario()})
    seen.check(saved, "POST text")
    seen.view(author, base, base + "/map", base + "/preview", base + "/publish")
    # The browser refuses to publish images it could not show (saying why, never silently);
    # published past that check, as a file can be, the player keeps all of it inert.
    refused = post(author, base + "/publish", {})
    assert refused.status_code == 400 and "is removed before learners see the step" in refused.text
    text = hostile_scenario()
    library.publish_text(db.session, parse(text)[0], text, "hostile", origin=Origin.FILE)
    db.session.commit()
    seen.view(jo, "/scenarios", "/scenarios/hostile-visit")
    url = start(jo, "hostile-visit")
    seen.view(jo, url)
    answer(jo.client, url)
    seen.view(jo, url)
    chose = answer(jo.client, url, option_text="Visit her at home.")
    seen.view(jo, chose.headers["Location"])
    assert seen.problems == [] and seen.shown and seen.pages >= 10


class _Page:
    """A response-like page, for checking the checker."""

    def __init__(self, html: str) -> None:
        self.headers = {"Content-Security-Policy": "script-src 'self' 'nonce-abc'"}
        self.html = html

    def get_data(self, as_text: bool = True) -> str:
        return self.html


def test_the_check_finds_each_kind_of_injection_that_survives():
    own = '<script nonce="abc">ok()</script><script src="/static/build/app.js"></script>'
    assert inert(_Page(own + '<a href="/x">x</a><p style="color:red">p</p>')) == []
    for injected in MARKUP[:4] + (
        '<a href=" JaVa\tScRiPt:alert(1)">x</a>',
        '<a href="data:text/html,x">x</a>',
        '<p style="background:url(x)">x</p>',
        '<details ontoggle="alert(1)">x</details>',
        '<iframe srcdoc="x"></iframe>',
        '<form action="https://evil.example"></form>',
        '<meta http-equiv="refresh" content="0">',
        '<script nonce="guess">alert(1)</script>',
    ):
        assert inert(_Page(own + injected)) != [], injected
