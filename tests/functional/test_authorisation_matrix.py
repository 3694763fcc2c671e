"""The authorisation matrix: every route in app.url_map x eight kinds of visitor, with the status
each must get, on real objects (tests/functional/authz_world.py). A new route without a row fails.

Columns: anonymous, the learner (Jo), another learner (Tom), Jo's supervisor (Sam), another
supervisor (Priya), an author, an admin, a deactivated user still holding their old cookie.
"login" is a redirect to the sign-in page; "ok" (POST only) is allowed and not sent here, so
nothing changes; every refusal is sent as a POST with that visitor's own valid CSRF token.
"""

from __future__ import annotations

import re

from .authz_world import PRINCIPALS, build

L = "login"
# endpoint -> GET row, and for routes taking POST, the POST row.
MATRIX: dict[str, tuple[str, str | None]] = {
    "static": ("200 200 200 200 200 200 200 200", None),
    "auth.home": ("200 302 302 302 302 302 302 200", None),
    "auth.health": ("200 200 200 200 200 200 200 200", None),
    "auth.login": ("200 200 200 200 200 200 200 200", "ok ok ok ok ok ok ok ok"),
    "auth.logout": ("405 405 405 405 405 405 405 405", "L ok ok ok ok ok ok L"),
    "auth.set_password": ("200 200 200 200 200 200 200 200", "ok ok ok ok ok ok ok ok"),
    "auth.account": ("L 200 200 200 200 200 200 L", None),
    "auth.sign_out_everywhere": ("405 405 405 405 405 405 405 405", "L ok ok ok ok ok ok L"),
    "auth.notice_read": ("405 405 405 405 405 405 405 405", "L ok 404 404 404 404 404 L"),  # Jo's
    "guide.index": ("200 200 200 200 200 200 200 200", None),
    "guide.page": ("200 200 200 200 200 200 200 200", None),
    "guide.support": ("200 200 200 200 200 200 200 200", None),
    "about.accessibility": ("200 200 200 200 200 200 200 200", None),
    # the player and My learning: Jo's attempt, Jo's action
    "learn.catalogue": ("L 200 200 200 200 200 200 L", None),
    "learn.overview": ("L 200 200 200 200 200 200 L", None),
    "learn.start": ("405 405 405 405 405 405 405 405", "L ok ok ok ok ok ok L"),
    "learn.play": ("L 302 404 302 404 404 404 L", None),  # finished: on to the ending
    "learn.answer": ("L 302 404 302 404 404 404 L", "L ok 404 404 404 404 404 L"),
    "learn.feedback": ("L 200 404 200 404 404 404 L", None),
    "learn.ending": ("L 200 404 200 404 404 404 L", None),
    "learn.my_learning": ("L 200 200 200 200 200 200 L", None),
    "learn.my_data": ("L 200 200 200 200 200 200 L", None),
    "learn.action_done": ("405 405 405 405 405 405 405 405", "L ok 404 404 404 404 404 L"),
    # the CPD record (each person's own), Jo's entry for her attempt and her certificate
    "learn.cpd_record": ("L 200 200 200 200 200 200 L", None),
    "learn.cpd_markdown": ("L 200 200 200 200 200 200 L", None),
    "learn.cpd_csv": ("L 200 200 200 200 200 200 L", None),
    "learn.cpd_entry": ("L 200 404 404 404 404 404 L", "L ok 404 404 404 404 404 L"),
    "learn.issue_certificate": ("405 405 405 405 405 405 405 405", "L ok 404 404 404 404 404 L"),
    "learn.certificate": ("L 200 404 404 404 404 404 L", None),
    "learn.revoke_certificate": (
        "405 405 405 405 405 405 405 405",
        "L ok 404 404 404 404 404 L",
    ),
    "verify.certificate": ("200 200 200 200 200 200 200 200", None),
    # supervision: Jo and her reflection
    "supervise.dashboard": ("L 403 403 200 200 403 403 L", None),
    "supervise.learner": ("L 403 403 200 404 403 403 L", None),
    "supervise.agenda": ("L 403 403 200 404 403 403 L", None),
    "supervise.record": ("L 403 403 200 404 403 403 L", "L 403 403 ok 404 403 403 L"),
    "supervise.comment": ("L 403 403 200 404 403 403 L", "L 403 403 ok 404 403 403 L"),
    # correcting or withdrawing Sam's own comment and record: Sam alone, while he supervises Jo
    "supervise.correct_comment": ("L 403 403 200 404 403 403 L", "L 403 403 ok 404 403 403 L"),
    "supervise.correct_record": ("L 403 403 200 404 403 403 L", "L 403 403 ok 404 403 403 L"),
    "supervise.withdraw_comment": (
        "405 405 405 405 405 405 405 405",
        "L 403 403 ok 404 403 403 L",
    ),
    "supervise.withdraw_record": ("405 405 405 405 405 405 405 405", "L 403 403 ok 404 403 403 L"),
    "author.format_guide": ("L 403 403 403 403 200 200 L", None),
    # administration: Jo's account
    "admin.users": ("L 403 403 403 403 403 200 L", None),
    "admin.new_user": ("L 403 403 403 403 403 200 L", "L 403 403 403 403 403 ok L"),
    "admin.import_users": ("L 403 403 403 403 403 200 L", "L 403 403 403 403 403 ok L"),
    "admin.user": ("L 403 403 403 403 403 200 L", "L 403 403 403 403 403 ok L"),
    "admin.toggle_active": ("405 405 405 405 405 405 405 405", "L 403 403 403 403 403 ok L"),
    "admin.password_link": ("405 405 405 405 405 405 405 405", "L 403 403 403 403 403 ok L"),
    "admin.user_data": ("L 403 403 403 403 403 200 L", None),
    "admin.erase_user": ("L 403 403 403 403 403 200 L", "L 403 403 403 403 403 ok L"),
    "admin.audit": ("L 403 403 403 403 403 200 L", None),
    "admin.sign_in_limits": ("L 403 403 403 403 403 200 L", None),
    "admin.clear_sign_in_limit": ("405 405 405 405 405 405 405 405", "L 403 403 403 403 403 ok L"),
    "admin.organisation": ("L 403 403 403 403 403 200 L", "L 403 403 403 403 403 ok L"),
    # xAPI: the record store's settings, a test of it, statements downloaded as JSON
    "admin.learning_records": ("L 403 403 403 403 403 200 L", "L 403 403 403 403 403 ok L"),
    "admin.test_record_store": ("405 405 405 405 405 405 405 405", "L 403 403 403 403 403 ok L"),
    "admin.download_statements": ("L 403 403 403 403 403 200 L", None),
    # authoring: the author's draft, approval request and the published version
    "author.authoring_settings": ("L 403 403 403 403 403 200 L", "L 403 403 403 403 403 ok L"),
}
AUTHOR_ONLY = "L 403 403 403 403 ok ok L"
for endpoint in ("index", "draft", "export_draft", "map_page", "preview", "scenario"):
    MATRIX[f"author.{endpoint}"] = ("L 403 403 403 403 200 200 L", None)
MATRIX["author.export_version"] = ("L 403 403 403 403 200 200 L", None)
for endpoint in [
    "approval",
    "delete_draft",
    "details",
    "node",
    "delete_node",
    "option",
    "delete_option",
    "new_option",
    "publish",
    "text",
    "import_file",
    "import_twine",
    "new",
    "pattern",
    "media",
]:
    MATRIX[f"author.{endpoint}"] = ("L 403 403 403 403 200 200 L", AUTHOR_ONLY)
MATRIX["author.delete_media"] = ("405 405 405 405 405 405 405 405", AUTHOR_ONLY)
# an image of a published scenario: anyone signed in who may play it
MATRIX["media.file"] = ("L 200 200 200 200 200 200 L", None)
for endpoint in (
    "map_link",
    "map_add",
    "map_move",
    "add_node",
    "clear_notes",
    "request_approval",
    "archive",
    "edit_scenario",
):
    MATRIX[f"author.{endpoint}"] = ("405 405 405 405 405 405 405 405", AUTHOR_ONLY)
# the editor: a draft's history (every save), and its one-click ways back
for endpoint in ("history", "compare"):
    MATRIX[f"author.{endpoint}"] = ("L 403 403 403 403 200 200 L", None)
for endpoint in (
    "restore",
    "bring_back_step",
    "copy_node",
    "copy_option",
    "move_option",
    "publish_to_testers",
):
    MATRIX[f"author.{endpoint}"] = ("405 405 405 405 405 405 405 405", AUTHOR_ONLY)

# learning sources: managed by authors and admins; their briefings read by anyone signed in
for endpoint in ("index", "source"):
    MATRIX[f"sources.{endpoint}"] = ("L 403 403 403 403 200 200 L", None)
MATRIX["sources.edit_page"] = ("L 403 403 403 403 200 200 L", AUTHOR_ONLY)
MATRIX["sources.edit_item"] = ("L 403 403 403 403 200 200 L", None)  # the world source's tag
MATRIX["sources.edit_rule"] = ("L 403 403 403 403 200 200 L", None)  # the world source's rule
for endpoint in (
    "create",
    "update",
    "add_finding",
    "add_competency",
    "add_tag",
    "add_page",
    "save_item",
    "delete_item",
    "add_rule",
    "save_rule",
    "delete_rule",
    "delete_page",
    "delete_source",
):
    MATRIX[f"sources.{endpoint}"] = ("405 405 405 405 405 405 405 405", AUTHOR_ONLY)
for endpoint in ("page", "about"):
    MATRIX[f"sources.{endpoint}"] = ("L 200 200 200 200 200 200 L", None)

POST_ONLY = "405 405 405 405 405 405 405 405"
# exercises: a live session the author runs, with Jo in the children's social care seat
MATRIX.update(
    {
        "exercises.index": ("L 200 200 200 200 200 200 L", None),
        "exercises.join": ("L 200 200 200 200 200 200 L", "L ok ok ok ok ok ok L"),
        "exercises.start": (POST_ONLY, "L 403 403 403 403 ok ok L"),
        "exercises.solo": (POST_ONLY, "L ok ok ok ok ok ok L"),
        "exercises.session": ("L 302 404 404 404 200 404 L", None),
        "exercises.take_seat": (POST_ONLY, "L ok 404 404 404 ok 404 L"),
        "exercises.seat": ("L 200 404 404 404 404 404 L", None),
        "exercises.seat_feed": ("L 200 404 404 404 404 404 L", None),
        "exercises.share": (POST_ONLY, "L ok 404 404 404 404 404 L"),
        "exercises.decide": (POST_ONLY, "L ok 404 404 404 404 404 L"),
        "exercises.facilitator_feed": ("L 404 404 404 404 200 404 L", None),
        "exercises.rotate": (POST_ONLY, "L 404 404 404 404 ok 404 L"),
        "exercises.release": (POST_ONLY, "L 404 404 404 404 ok 404 L"),
        "exercises.advance": (POST_ONLY, "L 404 404 404 404 ok 404 L"),
        "exercises.pack": ("L 404 404 404 404 200 404 L", None),
        "exercises.debrief": ("L 200 404 404 404 200 404 L", None),
    }
)

# partnership insights: anonymous aggregates for authors, admins (and the insights role)
for endpoint in ("index", "scenario", "choices", "misconceptions"):
    MATRIX[f"insights.{endpoint}"] = ("L 403 403 403 403 200 200 L", None)

# LTI 1.3: the protocol endpoints a platform and a browser reach without a session (each refuses
# a post without its launch's values: 400), the deep-link pick of Jo's launch, and the registry
MATRIX.update(
    {
        "lti.jwks": ("200 200 200 200 200 200 200 200", None),
        "lti.login": ("400 400 400 400 400 400 400 400", "400 400 400 400 400 400 400 400"),
        "lti.launch": (POST_ONLY, "400 400 400 400 400 400 400 400"),
        "lti.enter": (POST_ONLY, "400 400 400 400 400 400 400 400"),
        "lti.deep_link": ("L 200 404 404 404 404 404 L", "L ok 404 404 404 404 404 L"),
        "lti_admin.platforms": ("L 403 403 403 403 403 200 L", None),
        "lti_admin.new_platform": ("L 403 403 403 403 403 200 L", "L 403 403 403 403 403 ok L"),
        "lti_admin.platform": ("L 403 403 403 403 403 200 L", "L 403 403 403 403 403 ok L"),
    }
)

# assignments: supervisors (for their supervisees and team) and admins (teams and agencies)
MATRIX["assign.report"] = ("L 403 403 200 200 403 200 L", None)
MATRIX["assign.new"] = ("L 403 403 200 200 403 200 L", "L 403 403 ok ok 403 ok L")

# URL arguments that are not the world's default for that name
OVERRIDES = {"guide.page": {"slug": "glossary"}, "author.pattern": {"shape": "one-choice"}}
for endpoint in [e for e in MATRIX if e.startswith("sources.")]:
    OVERRIDES[endpoint] = {
        "slug": "world-review",
        "page_slug": "briefing",
        "kind": "tag",
        "key": "world-tag",
    }
TOKEN = re.compile(r'name="csrf_token"[^>]*value="([^"]+)"|value="([^"]+)"[^>]*name="csrf_token"')


def _row(text: str) -> list[str]:
    cells = text.replace("L", "login").split()
    assert len(cells) == len(PRINCIPALS), text
    return cells


def _seen(response) -> str:
    if response.status_code == 302 and "/login" in response.headers["Location"]:
        return "login"
    return str(response.status_code)


def _url(rule, ids: dict) -> str:
    values = {**ids, **OVERRIDES.get(rule.endpoint, {})}
    return re.sub(r"<(?:\w+:)?(\w+)>", lambda m: str(values[m.group(1)]), rule.rule)


def _token(browser) -> str:
    page = browser.get("/login")
    if page.status_code != 200 or not TOKEN.search(page.text):
        page = browser.get("/guide/")
    match = TOKEN.search(page.text)
    assert match, "no CSRF token for this visitor"
    return match.group(1) or match.group(2)


def test_every_route_has_a_row(app):
    endpoints = {rule.endpoint for rule in app.url_map.iter_rules()}
    assert endpoints - set(MATRIX) == set(), "add these routes to the authorisation matrix"
    assert set(MATRIX) - endpoints == set(), "these rows name no route"


def test_each_visitor_gets_the_expected_status_on_every_route(app, world, make_user):
    objects = build(app, world, make_user)
    tokens = {name: _token(browser) for name, browser in objects.clients.items()}
    wrong = []
    for rule in sorted(app.url_map.iter_rules(), key=lambda r: (r.rule, r.endpoint)):
        get_row, post_row = MATRIX[rule.endpoint]
        url = _url(rule, objects.ids)
        if "GET" in rule.methods:
            for who, expected in zip(PRINCIPALS, _row(get_row), strict=True):
                seen = _seen(objects.clients[who].get(url))
                if seen != expected:
                    wrong.append(f"GET {url} as {who}: {seen}, expected {expected}")
        if "POST" not in rule.methods:
            continue
        assert post_row, f"{rule.endpoint} takes POST: give it a POST row"
        for who, expected in zip(PRINCIPALS, _row(post_row), strict=True):
            if expected == "ok":
                continue
            response = objects.clients[who].client.post(url, data={"csrf_token": tokens[who]})
            seen = _seen(response)
            if seen != expected:
                wrong.append(f"POST {url} as {who}: {seen}, expected {expected}")
    assert wrong == []
