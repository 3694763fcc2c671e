"""Steps of an LTI launch as a browser and a platform take them, for tests/integration/test_lti_*.

Each browser is its own test client with its own cookies. The launch itself is posted by a
client with no cookies at all: a cross-site POST from the platform carries none of the tool's
SameSite=Lax cookies, so the tool must not need them there."""

from __future__ import annotations

import re

import pytest

from tests.conftest import PASSWORD, Browser

from .lti_platform import CLIENT_ID, DEPLOYMENT, Platform, auth_query, start_platform, stop_platform


@pytest.fixture
def platform():
    running = start_platform()
    yield running
    stop_platform(running)


@pytest.fixture
def registered(app, make_user, platform, load_fixture) -> Platform:
    """The platform registered by an admin through the admin pages, the fixture scenario
    published, and the tool's JWKS handed to the platform."""
    load_fixture()
    make_user("admin@example.org", ("admin",))
    admin = Browser(app.test_client())
    assert admin.login("admin@example.org", PASSWORD).status_code == 302
    saved = admin.submit("/admin/lti/new", platform.registration())
    assert saved.status_code == 302, saved.text
    platform.tool_jwks = app.test_client().get("/lti/jwks").get_json()
    return platform


def initiate(client, platform: Platform, **params) -> dict[str, str]:
    """The platform's login initiation; returns the tool's authorisation request."""
    fields = {
        "iss": platform.issuer,
        "login_hint": "hint-42",
        "target_link_uri": "http://localhost/lti/launch",
        "client_id": CLIENT_ID,
        "lti_deployment_id": DEPLOYMENT,
        **params,
    }
    response = client.post("/lti/login", data=fields)
    assert response.status_code == 302, response.text
    assert response.headers["Location"].startswith(platform.base + "/auth?")
    return auth_query(response.headers["Location"])


def post_launch(app, id_token: str, state: str):
    """The platform's cross-site form post of the id_token (no cookies of ours)."""
    return app.test_client().post("/lti/launch", data={"id_token": id_token, "state": state})


def handoff_token(page_html: str) -> str:
    match = re.search(r'name="token" value="([^"]+)"', page_html)
    assert match, "the launch page has no continue form"
    return match.group(1)


def launch(app, client, platform: Platform, sub: str = "moodle-user-42", **claims):
    """A whole launch in the browser `client`: login, the platform's id_token, the same-site
    step. Returns the response to that last step (a redirect when signed in)."""
    query = initiate(client, platform)
    token = platform.id_token(platform.claims(query, sub=sub, **claims))
    page = post_launch(app, token, query["state"])
    assert page.status_code == 200, page.text
    return client.post("/lti/enter", data={"token": handoff_token(page.text)})
