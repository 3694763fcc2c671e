"""The few HTTP calls the tool makes to a platform (its JWKS, token and scores endpoints), with a
short timeout, only to http(s) addresses an admin registered."""

from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from typing import Any

TIMEOUT = 5  # seconds: a slow platform delays one launch or one grade, never hangs a worker
MAX_BYTES = 1024 * 1024


class PlatformUnreachable(Exception):
    """The platform did not answer, or answered with an error (the message says which)."""


def _call(url: str, data: bytes | None, headers: dict[str, str]) -> bytes:
    """The body of the answer to one request; only http(s) addresses are ever opened."""
    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise PlatformUnreachable(f"not an http(s) address: {url[:100]}")
    request = urllib.request.Request(url, data=data, headers=headers)  # noqa: S310 - checked
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            return response.read(MAX_BYTES)
    except urllib.error.HTTPError as error:
        raise PlatformUnreachable(f"{url[:200]} answered {error.code}") from None
    except (urllib.error.URLError, OSError, ValueError) as error:
        raise PlatformUnreachable(f"{url[:200]}: {error}") from None


def _json(url: str, body: bytes) -> Any:
    try:
        return json.loads(body)
    except ValueError:
        raise PlatformUnreachable(f"{url[:200]} did not answer with JSON") from None


def get_json(url: str) -> Any:
    return _json(url, _call(url, None, {"Accept": "application/json"}))


def post_form(url: str, fields: dict[str, str]) -> Any:
    headers = {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"}
    return _json(url, _call(url, urllib.parse.urlencode(fields).encode(), headers))


def post_json(url: str, payload: dict[str, Any], content_type: str, token: str) -> None:
    headers = {"Content-Type": content_type, "Authorization": f"Bearer {token}"}
    _call(url, json.dumps(payload).encode(), headers)
