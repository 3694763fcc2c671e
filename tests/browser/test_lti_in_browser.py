"""An LTI launch in real Chromium, with the platform on another site (127.0.0.1) than the tool
(localhost): the login and the launch reach the tool as cross-site form posts, which carry none
of its SameSite=Lax cookies, yet the person ends up signed in on the linked scenario, with
JavaScript and without."""

from __future__ import annotations

import pytest

from app.db import db
from tests.conftest import FIXTURES
from tests.integration.lti_platform import start_platform, stop_platform

pytestmark = pytest.mark.browser


@pytest.fixture
def lms(app, live_server, make_user):
    from app.models import LtiPlatform
    from app.services import library

    vocab = library.vocabulary(app.config["CONTENT_DIR"])
    library.load_file(db.session, FIXTURES / "short-visit.scenario", vocab)
    running = start_platform()
    running.tool_base = live_server.url()
    fields = running.registration()
    db.session.add(LtiPlatform(**fields))
    db.session.commit()
    yield running
    stop_platform(running)


@pytest.mark.parametrize("javascript", [True, False], ids=["with-js", "without-js"])
def test_a_course_link_signs_the_person_in_on_the_scenario(chromium, lms, javascript):
    context = chromium.new_context(java_script_enabled=javascript)
    try:
        page = context.new_page()
        page.goto(lms.base + "/course/launch")
        if not javascript:
            page.click("text=Go")  # the platform's own form, posted by hand
            page.click("text=Go")
            page.click("text=Continue to Whole Picture")
        page.wait_for_url("**/scenarios/short-visit")
        assert page.locator("h1").inner_text() == "A short visit"
        page.goto(lms.tool_base + "/account")
        assert "Robin Ashdown" in page.content()
    finally:
        context.close()
