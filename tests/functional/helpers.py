"""Reading the player's pages in functional tests."""

from __future__ import annotations

import re
from html import unescape as html_unescape

from tests.conftest import csrf_token


def step_number(html: str) -> str:
    match = re.search(r'<input[^>]*name="step"[^>]*value="(\d+)"', html) or re.search(
        r'<input[^>]*value="(\d+)"[^>]*name="step"', html
    )
    assert match, "page has no step number"
    return match.group(1)


def labels(html: str) -> dict[str, str]:
    """Option value -> label text, in the order shown on a choice page."""
    return {value: label for label, value in _radios(html)}


def _radios(html: str) -> list[tuple[str, str]]:
    return [
        (label, value)
        for value, label in re.findall(
            r'name="option" type="radio" value="(\d+)"[^>]*>\s*<label[^>]*>\s*(.*?)\s*</label>',
            html,
            re.S,
        )
    ]


def options(html: str) -> dict[str, str]:
    """Option label text -> value, as offered on a choice page."""
    return dict(_radios(html))


def answer(client, attempt_url: str, **data):
    """Post the form on the attempt's current page, with its step number and CSRF token."""
    page = client.get(attempt_url)
    assert page.status_code == 200, page.status_code
    payload = {"csrf_token": csrf_token(page.text), "step": step_number(page.text)}
    if "option_text" in data:
        payload["option"] = options(page.text)[data.pop("option_text")]
    payload.update(data)
    return client.post(attempt_url, data=payload)


def start(browser, slug: str = "short-visit") -> str:
    response = browser.submit(f"/scenarios/{slug}", {}, action=f"/scenarios/{slug}/start")
    assert response.status_code == 302
    return response.headers["Location"]


def to_first_reflection(browser, client) -> str:
    """Start the fixture scenario and answer up to its first reflection (after a home visit)."""
    url = start(browser)
    answer(client, url)
    answer(client, url, option_text="Visit her at home.")
    answer(client, url)
    return url


def to_optional_reflection(browser, client) -> str:
    """Start the fixture scenario and answer up to its optional reflection (no home visit)."""
    url = start(browser)
    answer(client, url)
    answer(client, url, option_text="Take her word for it.")
    answer(client, url)
    answer(client, url, reflection="Mostly the parent.")
    answer(client, url, option_text="Ask the school what they see.")
    return url


def hidden_fields(html: str) -> dict[str, str]:
    """The hidden inputs of a page's form, as a browser would send them back."""
    found = {}
    for tag in re.findall(r"<input[^>]*type=\"hidden\"[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name:
            found[name.group(1)] = html_unescape(value.group(1)) if value else ""
    return found
