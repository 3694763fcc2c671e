"""`make smoke`: play a scenario to an ending over HTTP against a running server, as a demo
learner, with no JavaScript. Exits non-zero if any step on the way fails.

Uses only the standard library, like a person with a plain browser: read a page, fill its form.
"""

from __future__ import annotations

import argparse
import html
import http.cookiejar
import os
import re
import sys
import urllib.error
import urllib.parse
import urllib.request
from pathlib import Path

LEARNER = "learner.recovery@demo.wholepicture.test"


class Session:
    def __init__(self, base: str) -> None:
        self.base = base.rstrip("/")
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))

    def request(self, path: str, data: dict | None = None) -> tuple[str, str]:
        body = urllib.parse.urlencode(data).encode() if data is not None else None
        try:
            with self.opener.open(self.base + path, data=body, timeout=10) as response:
                return response.geturl().removeprefix(self.base), response.read().decode()
        except urllib.error.HTTPError as error:
            raise SystemExit(
                f"FAIL {'POST' if data is not None else 'GET'} {path}: HTTP {error.code}"
            ) from None


def field(page: str, name: str) -> str:
    match = re.search(rf'<input[^>]*name="{name}"[^>]*value="([^"]*)"', page)
    if not match:
        raise SystemExit(f"FAIL: no '{name}' field on the page")
    return html.unescape(match.group(1))


def password() -> str:
    if os.environ.get("DEMO_PASSWORD"):
        return os.environ["DEMO_PASSWORD"]
    path = Path(__file__).resolve().parent.parent / "instance" / "demo-password.txt"
    if not path.exists():
        raise SystemExit("FAIL: no DEMO_PASSWORD and no instance/demo-password.txt (run make run)")
    return path.read_text().strip()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--base-url", default="http://127.0.0.1:5000")
    parser.add_argument("--scenario", default="telephone-review")
    args = parser.parse_args()
    s = Session(args.base_url)
    _, page = s.request("/login")
    where, page = s.request(
        "/login",
        {
            "csrf_token": field(page, "csrf_token"),
            "email": LEARNER,
            "password": password(),
            "next": "",
        },
    )
    if "Sign out" not in page:
        raise SystemExit("FAIL: could not sign in as the demo learner")
    print(f"signed in as {LEARNER}")
    _, page = s.request(f"/scenarios/{args.scenario}")
    where, page = s.request(
        f"/scenarios/{args.scenario}/start", {"csrf_token": field(page, "csrf_token")}
    )
    for number in range(200):
        if "/ending" in where:
            title = re.search(r'<h1 class="govuk-heading-l">(.*?)</h1>', page, re.S)
            print(f"reached the ending after {number} pages: {html.unescape(title.group(1))}")
            return 0
        if "/feedback/" in where:
            link = re.search(r'<a class="govuk-button"[^>]*href="([^"]+)"', page)
            where, page = s.request(html.unescape(link.group(1)))
            continue
        data = {"csrf_token": field(page, "csrf_token"), "step": field(page, "step")}
        choice = re.search(r'name="option" type="radio" value="(\d+)"', page)
        if choice:
            data["option"] = choice.group(1)
        if 'name="reflection"' in page:
            data["reflection"] = "Smoke test: who else could I hear from?"
        where, page = s.request(where, data)
        print(f"  step {data['step']} answered -> {where}")
    print("FAIL: no ending after 200 pages")
    return 1


if __name__ == "__main__":
    sys.exit(main())
