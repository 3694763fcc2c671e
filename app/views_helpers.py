"""What every template may use: the current user's areas, the CSP nonce, the service name."""

from __future__ import annotations

import secrets

from flask import g, request, url_for
from flask_login import current_user

from .authz import can
from .engine import MAX_REFLECTION_CHARS, NodeKind
from .models import Decision, Origin
from .rendered_once import kept, rendered_once

# (endpoint, text, the area a person needs to see it; None: everyone, signed in or not)
NAV_ITEMS = (
    ("learn.catalogue", "Scenarios", "area:learn"),
    ("learn.my_learning", "My learning", "area:learn"),
    ("exercises.index", "Exercises", "area:learn"),
    ("supervise.dashboard", "Team", "area:supervise"),
    ("assign.report", "Assignments", "area:assign"),
    ("author.index", "Authoring", "area:author"),
    ("insights.index", "Insights", "area:insights"),
    ("guide.index", "Guides", None),
    ("admin.users", "Users", "area:admin"),
)


def nav_items() -> list[dict]:
    """The service navigation for the current person, built with the one `can()`."""
    shown = []
    for endpoint, text, area in NAV_ITEMS:
        allowed = can(current_user, area) if area else True
        if allowed and (current_user.is_authenticated or area is None):
            shown.append(
                {"href": url_for(endpoint), "text": text, "active": request.endpoint == endpoint}
            )
    return shown


def service_navigation(macro, service_name: str, sign_out: str) -> str:
    """The header's GOV.UK service navigation, rendered once per set of roles and current
    page (what `nav_items` depends on); the sign-out form (its CSRF token) filled per request."""
    signed_in = current_user.is_authenticated
    roles = frozenset(current_user.roles) if signed_in else frozenset()
    key = ("navigation", service_name, signed_in, roles, request.endpoint, request.script_root)
    return kept(
        key,
        lambda: macro(
            {
                "serviceName": service_name,
                "serviceUrl": url_for("auth.home"),
                "navigation": nav_items(),
                "navigationLabel": "Main",
                "slots": {"navigationEnd": "__sign_out__" if signed_in else ""},
            }
        ),
        {"__sign_out__": sign_out},
    )


# The layout's own links, the same on every page: built once per script root (the prefix a
# deployment may mount the app under), not ten url_for calls a request.
LAYOUT_LINKS = {
    "favicon": ("static", {"filename": "favicon.svg"}),
    "css": ("static", {"filename": "build/app.css"}),
    "js": ("static", {"filename": "build/app.js"}),
    "account": ("auth.account", {}),
    "logout": ("auth.logout", {}),
    "about": ("guide.page", {"slug": "about-the-review"}),
    "glossary": ("guide.page", {"slug": "glossary"}),
    "support": ("guide.support", {}),
    "accessibility": ("about.accessibility", {}),
}
_layout_urls: dict[str, dict[str, str]] = {}


def layout_urls() -> dict[str, str]:
    urls = _layout_urls.get(request.script_root)
    if urls is None:
        urls = {name: url_for(end, **args) for name, (end, args) in LAYOUT_LINKS.items()}
        _layout_urls[request.script_root] = urls
    return urls


def csp_nonce() -> str:
    """This response's CSP nonce, made on first use: error pages drawn before the request hooks
    ran (a failed CSRF check) get one too, the same one the header sends."""
    if not getattr(g, "csp_nonce", ""):
        g.csp_nonce = secrets.token_urlsafe(16)
    return g.csp_nonce


def unread_notices() -> list:
    """Notices the signed-in person has not dismissed (shown on every page until they do)."""
    if not current_user.is_authenticated or not current_user.has_unread_notices:
        return []  # the sign-in query already found none
    from sqlalchemy.exc import SQLAlchemyError

    from .services.notices import unread

    try:
        return unread(current_user)
    except SQLAlchemyError:  # an error page must still render when the database is the error
        return []


def template_globals() -> dict:
    return {
        "service_name": "Whole Picture",
        "csp_nonce": csp_nonce(),
        "unread_notices": unread_notices,
        "can": lambda action, obj=None: can(current_user, action, obj),
        "nav_items": nav_items,
        "rendered_once": rendered_once,
        "service_navigation": service_navigation,
        "layout_urls": layout_urls,
        "max_reflection": MAX_REFLECTION_CHARS,
        "NodeKind": NodeKind,  # closed sets, so templates compare with the one declaration
        "Origin": Origin,
        "Decision": Decision,
    }
