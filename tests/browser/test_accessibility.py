"""Every kind of page, checked in Chromium with axe-core against WCAG 2.2 A and AA rules."""

from __future__ import annotations

import json

import pytest

from app.services.demo import demo_email
from tests.conftest import ROOT

from .conftest import DEMO_PASSWORD, sign_in

pytestmark = pytest.mark.browser
AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]


def _violations(page) -> list[str]:
    page.add_script_tag(path=str(AXE))
    result = page.evaluate(f"axe.run(document, {{runOnly: {json.dumps(TAGS)}}})")
    return [
        f"{page.url}: {v['id']}: {v['help']} ({len(v['nodes'])}x) {v['nodes'][0]['target']}"
        for v in result["violations"]
    ]


def _check(page, base_url: str, paths: list[str]) -> list[str]:
    found = []
    for path in paths:
        page.goto(base_url + path)
        found += _violations(page)
    return found


@pytest.fixture
def axe_page(chromium, live_server):
    context = chromium.new_context(bypass_csp=True)  # lets the test add axe's script
    try:
        yield context.new_page()
    finally:
        context.close()


def test_learner_pages(demo, axe_page, base_url):
    page = axe_page
    page.goto(base_url + "/login")
    found = _violations(page)
    sign_in(page, base_url, demo_email("learner.nurse"), DEMO_PASSWORD)
    found += _check(
        page,
        base_url,
        [
            "/scenarios",
            "/scenarios/behind-the-drug-use",
            "/my-learning",
            "/guide/",
            "/guide/finding-4",
            "/guide/glossary",
        ],
    )
    page.goto(base_url + "/scenarios/behind-the-drug-use")
    page.locator("form[action$='/start'] button").click()  # Start, or Play again
    for _ in range(12):  # a scene, choices, feedback and a reflection with an error
        found += _violations(page)
        if page.locator("textarea[name=reflection]").count():
            page.get_by_role("button", name="Save and continue").click()
            if page.locator("textarea[name=reflection]").count():  # required: an error shows
                found += _violations(page)
                page.locator("textarea[name=reflection]").fill("Ask who is at home.")
                page.get_by_role("button", name="Save and continue").click()
        elif page.locator("input[name=option]").count():
            page.locator("input[name=option]").first.check()
            page.get_by_role("button", name="Choose").click()
        elif page.locator("a.govuk-button").count():
            page.locator("a.govuk-button").first.click()
        elif "/ending" in page.url:
            break
        else:
            page.get_by_role("button", name="Continue").click()
    assert found == []


def test_supervisor_pages(demo, axe_page, base_url):
    page = axe_page
    sign_in(page, base_url, demo_email("supervisor.care"), DEMO_PASSWORD)
    found = _check(page, base_url, ["/supervise/"])
    learner = page.locator("a[href*='/supervise/learners/']").first.get_attribute("href")
    found += _check(
        page,
        base_url,
        [learner, learner.rstrip("/") + "/agenda", learner.rstrip("/") + "/sessions/new"],
    )
    assert found == []


def test_author_and_admin_pages(demo, axe_page, base_url):
    page = axe_page
    sign_in(page, base_url, demo_email("admin"), DEMO_PASSWORD)
    found = _check(
        page, base_url, ["/admin/users", "/admin/users/new", "/admin/organisation", "/author/"]
    )
    page.goto(base_url + "/author/")
    page.locator("a[href*='/author/scenarios/']").first.click()
    found += _violations(page)
    assert found == []


def test_statement_errors_and_remaining_author_and_admin_pages(demo, axe_page, base_url):
    """Page types not reached above: the accessibility statement, a 404, every page of a draft,
    authoring tools, the account page, the audit log (filtered, and with an error) and sign-in
    limits, a person's admin page with their data and the erasure confirmation (with its
    error)."""
    page = axe_page
    found = _check(page, base_url, ["/accessibility", "/guide/support", "/no-such-page"])
    sign_in(page, base_url, demo_email("admin"), DEMO_PASSWORD)
    found += _check(
        page,
        base_url,
        ["/author/new", "/author/import", "/author/import-twine", "/author/settings", "/account"],
    )
    # the audit log, filtered, with a date error; the sign-in limits
    audit = ["/admin/audit", "/admin/audit?what=read_reflections", "/admin/audit?since=31+2+2026"]
    found += _check(page, base_url, [*audit, "/admin/sign-in-limits"])
    page.goto(base_url + "/author/new")
    page.fill("#title", "An accessible draft")
    page.fill("#slug", "an-accessible-draft")
    page.get_by_role("button", name="Create draft").click()
    draft = page.url.removeprefix(base_url)
    assert "/author/drafts/" in draft
    subpages = ["", "/details", "/map", "/preview", "/text", "/publish"]
    found += _check(page, base_url, [draft + sub for sub in subpages])
    page.goto(base_url + draft)
    node = page.locator("a[href*='/nodes/']").first.get_attribute("href")
    found += _check(page, base_url, [node])
    page.goto(base_url + "/admin/users")
    # a learner's row (never the signed-in admin's own, whose erasure is refused)
    row = page.locator("tr", has_text=demo_email("learner.social"))
    person = row.locator("a[href*='/admin/users/']").first
    person_page = person.get_attribute("href")
    found += _check(page, base_url, [person_page, person_page + "/erase"])
    page.get_by_role("button", name="Erase this person's data").click()  # not ticked: an error
    assert page.locator(".govuk-error-summary").count() == 1
    found += _violations(page)
    assert found == []


def _no_sideways_scroll(page) -> None:
    width, client = page.evaluate(
        "[document.documentElement.scrollWidth, document.documentElement.clientWidth]"
    )
    assert width <= client, f"{page.url} scrolls sideways at 200%: {width} > {client}"


def _reachable(page) -> int:
    """Every visible control sits inside the 640 px viewport and takes keyboard focus."""
    controls = page.locator(
        "main a[href], main button, main input:not([type=hidden]), main textarea"
    )
    count = 0
    for i in range(controls.count()):
        control = controls.nth(i)
        if not control.is_visible():
            continue
        box = control.bounding_box()
        assert box["x"] >= 0 and box["x"] + box["width"] <= 640 + 1, (page.url, box)
        control.focus()
        assert control.evaluate("el => el === document.activeElement"), page.url
        count += 1
    return count


def test_a_scenario_plays_with_javascript_off_at_200_percent_zoom(demo, chromium, base_url):
    """Zoomed to 200% (a 1280 px window becomes a 640 px wide page) with JavaScript off, a
    learner plays a scenario to its end with the keyboard alone: no page scrolls sideways and
    every control is inside the page and takes focus."""
    context = chromium.new_context(
        java_script_enabled=False, viewport={"width": 640, "height": 800}, device_scale_factor=2
    )
    page = context.new_page()
    try:
        sign_in(page, base_url, demo_email("learner.nurse"), DEMO_PASSWORD)
        assert "js-enabled" not in (page.locator("body").get_attribute("class") or "")
        page.goto(base_url + "/scenarios/behind-the-drug-use")
        _no_sideways_scroll(page)
        _reachable(page)
        page.locator("form[action$='/start'] button").focus()
        with page.expect_navigation():
            page.keyboard.press("Enter")
        pages = 0
        while "/ending" not in page.url and pages < 40:
            pages += 1
            _no_sideways_scroll(page)
            assert _reachable(page) > 0, page.url
            if page.locator("textarea[name=reflection]").count():
                page.locator("textarea[name=reflection]").focus()
                page.keyboard.type("Who else is at home, and who have I not heard from?")
                page.get_by_role("button", name="Save and continue").focus()
            elif page.locator("input[name=option]").count():
                page.locator("input[name=option]").first.focus()
                page.keyboard.press("Space")
                page.get_by_role("button", name="Choose").focus()
            elif page.locator("main a.govuk-button").count():
                page.locator("main a.govuk-button").first.focus()
            else:
                page.get_by_role("button", name="Continue").focus()
            with page.expect_navigation():
                page.keyboard.press("Enter")
        assert "/ending" in page.url and pages > 3, "the scenario did not reach an ending"
        _no_sideways_scroll(page)
        _reachable(page)
        page.goto(base_url + "/my-learning")
        _no_sideways_scroll(page)
        _reachable(page)
    finally:
        context.close()


def test_the_pattern_page_its_errors_and_its_suggestions(demo, axe_page, base_url):
    """Start from a pattern: the shapes on the new-scenario page, each shape's one page, the
    page with its error summary, and after tags are suggested."""
    page = axe_page
    sign_in(page, base_url, demo_email("admin"), DEMO_PASSWORD)
    shapes = ["/author/new/one-choice", "/author/new/two-choices", "/author/new/visit"]
    found = _check(page, base_url, ["/author/new", *shapes])
    page.goto(base_url + shapes[0])
    page.get_by_role("button", name="Create the draft").click()
    assert page.get_by_text("There is a problem").count()
    found += _violations(page)
    page.locator('input[name="competencies"]').first.check()
    page.locator("#what_now__o0__text").fill("Accept what Leah says and leave.")
    page.get_by_role("button", name="Suggest tags and questions").click()
    found += _violations(page)
    assert found == []
