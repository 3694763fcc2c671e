"""LTI Deep Linking 2.0: a course editor launching with LtiDeepLinkingRequest picks a published
scenario, and the tool answers with a signed LtiDeepLinkingResponse the platform can verify
with the tool's JWKS, posted by a form that works without JavaScript."""

from __future__ import annotations

import re
from html import unescape

import jwt

from tests.conftest import csrf_token

from .lti_platform import CLIENT_ID, DEPLOYMENT, DL, LTI
from .lti_steps import initiate, launch, post_launch

INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"
LEARNER = "http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"


def _deep_link_claims(platform, role: str) -> dict:
    return {
        LTI + "message_type": "LtiDeepLinkingRequest",
        LTI + "roles": [role],
        LTI + "custom": {},
        DL + "deep_linking_settings": {
            "deep_link_return_url": platform.base + "/course/3/deep-link-return",
            "accept_types": ["ltiResourceLink"],
            "accept_presentation_document_targets": ["window"],
            "data": "platform-opaque-9",
        },
    }


def test_a_course_editor_picks_a_scenario_and_the_platform_gets_a_signed_link(app, registered):
    editor = app.test_client()
    entered = launch(
        app, editor, registered, sub="teacher-7", **_deep_link_claims(registered, INSTRUCTOR)
    )
    assert entered.status_code == 302
    picker_url = entered.headers["Location"]
    assert "/lti/deep-link/" in picker_url
    picker = editor.get(picker_url)
    assert picker.status_code == 200
    assert "Choose a scenario for your course" in picker.text
    assert "A short visit" in picker.text

    nothing = editor.post(picker_url, data={"csrf_token": csrf_token(picker.text)})
    assert nothing.status_code == 400 and "Choose a scenario" in nothing.text

    answer = editor.post(
        picker_url, data={"csrf_token": csrf_token(picker.text), "scenario": "short-visit"}
    )
    assert answer.status_code == 200
    action = re.search(r'<form method="post" action="([^"]+)" id="lti-return"', answer.text).group(
        1
    )
    assert unescape(action) == registered.base + "/course/3/deep-link-return"
    assert "Back to your course" in answer.text  # the button, for a browser without JavaScript
    # the page may post to the platform (and only there), and nowhere else
    policy = answer.headers["Content-Security-Policy"]
    assert f"form-action 'self' {registered.base};" in policy

    token = re.search(r'name="JWT" value="([^"]+)"', answer.text).group(1)
    key = jwt.PyJWKSet.from_dict(registered.tool_jwks).keys[0].key
    claims = jwt.decode(token, key, algorithms=["RS256"], audience=registered.issuer)
    assert claims["iss"] == CLIENT_ID
    assert claims[LTI + "message_type"] == "LtiDeepLinkingResponse"
    assert claims[LTI + "version"] == "1.3.0"
    assert claims[LTI + "deployment_id"] == DEPLOYMENT
    assert claims[DL + "data"] == "platform-opaque-9"
    (item,) = claims[DL + "content_items"]
    assert item["type"] == "ltiResourceLink"
    assert item["title"] == "A short visit"
    assert item["url"] == "http://localhost/lti/launch"
    assert item["custom"] == {"scenario": "short-visit"}
    assert item["lineItem"]["scoreMaximum"] == 1

    again = editor.post(
        picker_url, data={"csrf_token": csrf_token(picker.text), "scenario": "short-visit"}
    )
    assert again.status_code == 404  # one request, one answer


def test_a_learner_cannot_answer_a_deep_linking_request(app, registered):
    browser = app.test_client()
    query = initiate(browser, registered)
    claims = registered.claims(query, **_deep_link_claims(registered, LEARNER))
    refused = post_launch(app, registered.id_token(claims), query["state"])
    assert refused.status_code == 400
    assert "Only course editors can add scenarios" in refused.text
    assert 'name="token"' not in refused.text
