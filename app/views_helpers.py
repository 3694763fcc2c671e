"""What every template may use: the current user's areas, the CSP nonce, the service name."""

from __future__ import annotations

from flask import g
from flask_login import current_user

from .authz import can
from .engine import MAX_REFLECTION_CHARS


def template_globals() -> dict:
    def nav_items(active: str = "") -> list[dict]:
        items = [
            ("learn.catalogue", "Scenarios", "area:learn"),
            ("learn.my_learning", "My learning", "area:learn"),
            ("supervise.dashboard", "Team", "area:supervise"),
            ("author.index", "Authoring", "area:author"),
            ("guide.index", "Guides", None),
            ("admin.users", "Users", "area:admin"),
        ]
        from flask import request, url_for

        shown = []
        for endpoint, text, action in items:
            if action and not can(current_user, action):
                continue
            if not current_user.is_authenticated and endpoint != "guide.index":
                continue
            shown.append(
                {"href": url_for(endpoint), "text": text, "active": request.endpoint == endpoint}
            )
        return shown

    return {
        "service_name": "Whole Picture",
        "csp_nonce": getattr(g, "csp_nonce", ""),
        "can": lambda action, obj=None: can(current_user, action, obj),
        "nav_items": nav_items,
        "max_reflection": MAX_REFLECTION_CHARS,
    }
