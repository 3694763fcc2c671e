"""GOV.UK macros whose output depends only on their few inputs, rendered once per input.

The layout calls the same macros with the same parameters on every request (the skip link, the
phase banner, the service navigation for each set of areas and current page); rendering them
took most of a page's time. `rendered_once(macro, params, fill)` renders a macro once for each
distinct `params` and keeps the HTML. Parts that differ per request (the sign-out form's CSRF
token) are passed as `fill`: the macro renders a placeholder in their place, replaced in the
kept HTML on each request; a placeholder is plain text such as `__sign_out__` (no characters
that HTML escapes). A pure function of its inputs, so every app server may keep one.
"""

from __future__ import annotations

import json
import threading

from markupsafe import Markup

MAX_KEPT = 512  # nav variants: a few role sets x a few current pages
_kept: dict[str, Markup] = {}
_lock = threading.Lock()


def _key(macro, params: dict) -> str:
    return macro.name + json.dumps(params, sort_keys=True, default=str)


def rendered_once(macro, params: dict, fill: dict[str, Markup] | None = None) -> Markup:
    """The macro's HTML for these params; each `fill` name's placeholder replaced per call."""
    key = _key(macro, params)
    html = _kept.get(key)
    if html is None:
        html = Markup.escape(macro(params))  # a macro's output is Markup already
        with _lock:
            if len(_kept) >= MAX_KEPT:
                _kept.clear()
            _kept[key] = html
    for placeholder, value in (fill or {}).items():
        html = html.replace(placeholder, Markup.escape(value), 1)
    return html
