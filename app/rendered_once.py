"""GOV.UK macros whose output depends only on their few inputs, rendered once per input.

The layout calls the same macros with the same parameters on every request (the skip link, the
phase banner, the service navigation for each set of areas and current page), and a step calls
the same form widgets (a choice's radios, its button) for every learner at that step; rendering
them took most of a page's time. `rendered_once(macro, params, fill)` renders a macro once for
each distinct `params` and keeps the HTML. Parts that differ per request (the sign-out form's
CSRF token) are passed as `fill`: the macro renders a placeholder in their place, replaced in the
kept HTML on each request; a placeholder is plain text such as `__sign_out__` (no characters
that HTML escapes). `kept(key, make, fill)` does the same for a caller that has a cheaper key
than the params themselves. A pure function of its inputs, so every app server may keep one.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Hashable

from markupsafe import Markup

MAX_KEPT = 4096  # nav variants (role sets x pages) and step widgets (versions x nodes x orders)
_kept: dict[Hashable, Markup] = {}
_lock = threading.Lock()


def freeze(value) -> Hashable:
    """A hashable key for macro params: Markup (shown as HTML) is told apart from plain text
    (escaped), so the two never share a kept rendering."""
    if isinstance(value, Markup):
        return ("<markup>", str(value))
    if isinstance(value, dict):
        return tuple(sorted((str(k), freeze(v)) for k, v in value.items()))
    if isinstance(value, list | tuple):
        return ("<list>",) + tuple(freeze(v) for v in value)
    if isinstance(value, str | int | float | bool) or value is None:
        return (type(value).__name__, value)
    return ("<other>", type(value).__name__, str(value))


def kept(key: Hashable, make: Callable[[], object], fill: dict | None = None) -> Markup:
    """The HTML `make()` returns for this key, made once; each `fill` placeholder replaced."""
    html = _kept.get(key)
    if html is None:
        html = Markup.escape(make())  # a macro's output is Markup already
        with _lock:
            if len(_kept) >= MAX_KEPT:
                _kept.clear()
            _kept[key] = html
    for placeholder, value in (fill or {}).items():
        html = html.replace(placeholder, Markup.escape(value), 1)
    return html


def rendered_once(macro, params: dict, fill: dict[str, Markup] | None = None) -> Markup:
    """The macro's HTML for these params; each `fill` name's placeholder replaced per call."""
    return kept((macro.name, freeze(params)), lambda: macro(params), fill)
