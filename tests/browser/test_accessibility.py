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
