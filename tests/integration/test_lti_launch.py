"""LTI 1.3 launch from a simulated platform (keys and JWKS served on loopback): registration,
login initiation, the launch signing a person in (their account made on first launch, found
again on the next), and every forged, replayed or mismatched launch refused."""

from __future__ import annotations

import time

import jwt
import pytest
from sqlalchemy import func, select

from app import create_app
from app.db import db
from app.models import LtiUserLink, Role, User
from tests.conftest import PASSWORD, Browser

from .lti_platform import DEPLOYMENT, new_key
from .lti_steps import handoff_token, initiate, launch, post_launch


def _people() -> int:
    return db.session.scalar(select(func.count(User.id)))


def test_admin_registers_a_platform_and_sees_the_addresses_to_give_it(app, registered):
    admin = Browser(app.test_client())
    admin.login("admin@example.org", PASSWORD)
    page = admin.get("/admin/lti/")
    assert page.status_code == 200
    for address in ("/lti/login", "/lti/launch", "/lti/jwks"):
        assert f"http://localhost{address}" in page.text
    assert "Test Moodle" in page.text
    jwks = app.test_client().get("/lti/jwks").get_json()
    (key,) = jwks["keys"]
    assert key["kty"] == "RSA" and key["kid"] in page.text
    assert "d" not in key and "p" not in key  # the private half is never served
    assert "PRIVATE KEY" not in page.text
    # the key is made once: the same on every later request, and on another server
    second_server = create_app({**app.config, "SERVER_NAME": "localhost"})
    assert second_server.test_client().get("/lti/jwks").get_json() == jwks


def test_admin_adds_a_deployment_and_launches_from_it_are_accepted(app, registered):
    from app.models import LtiPlatform

    platform_id = db.session.scalar(select(LtiPlatform.id))
    admin = Browser(app.test_client())
    admin.login("admin@example.org", PASSWORD)
    form = admin.get(f"/admin/lti/{platform_id}")
    assert form.status_code == 200 and DEPLOYMENT in form.text
    fields = {**registered.registration(), "deployment_ids": f"{DEPLOYMENT}\r\ndeployment-2\r\n"}
    assert admin.submit(f"/admin/lti/{platform_id}", fields).status_code == 302
    browser = app.test_client()
    query = initiate(browser, registered, lti_deployment_id="deployment-2")
    claims = registered.claims(
        query, **{"https://purl.imsglobal.org/spec/lti/claim/deployment_id": "deployment-2"}
    )
    assert post_launch(app, registered.id_token(claims), query["state"]).status_code == 200


def test_registration_refuses_an_address_anyone_could_read_or_change(app, make_user, platform):
    make_user("admin@example.org", ("admin",))
    admin = Browser(app.test_client())
    admin.login("admin@example.org", PASSWORD)
    fields = {**platform.registration(), "jwks_url": "http://moodle.example.org/mod/lti/certs.php"}
    response = admin.submit("/admin/lti/new", fields)
    assert response.status_code == 400
    assert "Public keyset URL must be an address starting https://" in response.text


def test_first_launch_makes_a_learner_account_and_opens_the_linked_scenario(app, registered):
    browser = app.test_client()
    before = _people()
    entered = launch(app, browser, registered)
    assert entered.status_code == 302
    assert entered.headers["Location"].endswith("/scenarios/short-visit")
    overview = browser.get("/scenarios/short-visit")
    assert overview.status_code == 200 and "A short visit" in overview.text
    assert _people() == before + 1
    person = db.session.scalar(select(User).where(User.display_name == "Robin Ashdown"))
    assert person.email == "robin.ashdown@example.org"
    assert person.roles == {Role.LEARNER}  # a platform's role never makes an author or admin


@pytest.mark.parametrize(
    ("target", "custom", "lands_on"),
    [
        ("http://localhost/scenarios/short-visit", {}, "/scenarios/short-visit"),
        ("http://localhost/lti/launch", {"scenario": "no-such-scenario"}, "/scenarios"),
    ],
    ids=["named-by-target-link", "unknown-scenario"],
)
def test_the_link_names_the_scenario_by_its_target_or_custom_parameter(
    app, registered, target, custom, lands_on
):
    browser = app.test_client()
    entered = launch(
        app,
        browser,
        registered,
        **{
            "https://purl.imsglobal.org/spec/lti/claim/target_link_uri": target,
            "https://purl.imsglobal.org/spec/lti/claim/custom": custom,
        },
    )
    assert entered.status_code == 302
    assert entered.headers["Location"].endswith(lands_on)
    if lands_on == "/scenarios":
        catalogue = browser.get(lands_on)
        assert "did not name a scenario Whole Picture has" in catalogue.text


def test_second_launch_signs_in_the_same_account_even_on_another_server(app, registered):
    launch(app, app.test_client(), registered)
    before = _people()
    other_server = create_app({**app.config})
    browser = other_server.test_client()
    query = initiate(browser, registered)  # login on one server...
    token = registered.id_token(registered.claims(query))
    page = post_launch(app, token, query["state"])  # ...the launch verified on the other
    entered = browser.post("/lti/enter", data={"token": handoff_token(page.text)})
    assert entered.status_code == 302
    assert _people() == before
    assert db.session.scalar(select(func.count(LtiUserLink.id))) == 1
    assert "Robin Ashdown" in browser.get("/account").text


def test_the_cross_site_launch_needs_no_cookie_and_sets_none(app, registered):
    """The platform's cross-site POST brings none of our SameSite=Lax cookies and must not
    replace the browser's own: the session is opened by the same-site step after it."""
    browser = app.test_client()
    query = initiate(browser, registered)
    state_cookie = browser.get_cookie(_state_cookie_name(query), path="/lti/")
    assert state_cookie is not None and state_cookie.http_only
    assert state_cookie.same_site == "Lax"
    page = post_launch(app, registered.id_token(registered.claims(query)), query["state"])
    assert page.headers.getlist("Set-Cookie") == []
    assert "Continue to Whole Picture" in page.text  # works without JavaScript
    entered = browser.post("/lti/enter", data={"token": handoff_token(page.text)})
    assert entered.status_code == 302
    assert browser.get_cookie("session") is not None
    assert browser.get_cookie(_state_cookie_name(query), path="/lti/") is None  # used up


def _state_cookie_name(query) -> str:
    from app.services.lti_launch import digest
    from app.services.lti_people import cookie_name

    return cookie_name(digest(query["state"]))


def test_a_launch_finished_in_another_browser_signs_no_one_in(app, registered):
    """Login CSRF: the one-time token alone, without the state cookie of the browser that
    started the login, is refused."""
    query = initiate(app.test_client(), registered)
    page = post_launch(app, registered.id_token(registered.claims(query)), query["state"])
    stranger = app.test_client()
    refused = stranger.post("/lti/enter", data={"token": handoff_token(page.text)})
    assert refused.status_code == 400
    assert "not started in this browser" in refused.text
    assert stranger.get("/account").status_code == 302  # still signed out


def _refused(response) -> None:
    assert response.status_code == 400, response.text
    assert "The course link could not be opened" in response.text
    assert "Opening Whole Picture" not in response.text


def test_forged_launch_signed_with_another_key_is_refused(app, registered):
    browser = app.test_client()
    query = initiate(browser, registered)
    forger, _public = new_key("forger")
    token = registered.id_token(registered.claims(query), key=forger)  # the platform's kid
    before = _people()
    _refused(post_launch(app, token, query["state"]))
    assert _people() == before


def test_replayed_launch_is_refused(app, registered):
    browser = app.test_client()
    query = initiate(browser, registered)
    token = registered.id_token(registered.claims(query))
    assert post_launch(app, token, query["state"]).status_code == 200
    _refused(post_launch(app, token, query["state"]))  # the same post again
    fresh = initiate(browser, registered)  # a new login, the old token (its nonce used)
    refused = post_launch(app, token, fresh["state"])
    _refused(refused)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"aud": "someone-else"}, "This launch was refused"),
        ({"iss": "https://other.example.org"}, "This launch was refused"),
        ({"exp": int(time.time()) - 3600, "iat": int(time.time()) - 3900}, "has expired"),
        (
            {"https://purl.imsglobal.org/spec/lti/claim/deployment_id": "deployment-9"},
            "deployment id",
        ),
        ({"nonce": "a-nonce-the-tool-never-issued"}, "This launch was refused"),
    ],
    ids=["wrong-audience", "wrong-issuer", "expired", "unknown-deployment", "wrong-nonce"],
)
def test_launch_with_a_wrong_claim_is_refused(app, registered, change, message):
    browser = app.test_client()
    query = initiate(browser, registered)
    response = post_launch(
        app, registered.id_token(registered.claims(query, **change)), query["state"]
    )
    _refused(response)
    assert message in response.text


def test_login_from_an_unregistered_platform_or_deployment_is_refused(app, registered):
    client = app.test_client()
    unknown = client.post("/lti/login", data={"iss": "https://nope.example.org", "login_hint": "1"})
    assert unknown.status_code == 400 and "not registered" in unknown.text
    wrong = client.post(
        "/lti/login",
        data={"iss": registered.issuer, "login_hint": "1", "lti_deployment_id": "deployment-9"},
    )
    assert wrong.status_code == 400 and "deployment id" in wrong.text
    assert DEPLOYMENT != "deployment-9"


def test_a_closed_account_is_not_signed_in_by_a_launch(app, registered):
    launch(app, app.test_client(), registered)
    person = db.session.scalar(select(User).where(User.display_name == "Robin Ashdown"))
    person.active = False
    db.session.commit()
    browser = app.test_client()
    query = initiate(browser, registered)
    response = post_launch(app, registered.id_token(registered.claims(query)), query["state"])
    _refused(response)
    assert "account is closed" in response.text


def test_the_tool_signs_with_a_key_the_platform_can_check(app, registered):
    """What the platform fetches verifies what the tool signs (used by deep linking and grades)."""
    from app.services import lti_keys

    token = lti_keys.sign(db.session, {"iss": "wp", "aud": "platform"})
    key = jwt.PyJWKSet.from_dict(registered.tool_jwks).keys[0].key
    assert jwt.decode(token, key, algorithms=["RS256"], audience="platform")["iss"] == "wp"
