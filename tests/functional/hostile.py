"""The hostile-input corpus and the check that a page renders it inert.

`MARKUP` are injection attempts (script, event handlers, `javascript:`/`data:` links, SVG and
CSS tricks, template syntax); `CRASHERS` try to break storage or rendering (1 MB, NUL and control
characters, bidirectional overrides, bytes that are not UTF-8). `inert(html)` parses a page with
the standard library's HTML parser and lists anything injected that survived."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from urllib.parse import urlencode

MARKUP = (
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "'><svg/onload=alert(1)>",
    "<svg><script>alert(1)</script><foreignObject><iframe src=javascript:alert(1)>"
    "</iframe></foreignObject></svg>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](&#106;avascript:alert(1))",
    "<javascript:alert(1)>",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "![pic](javascript:alert(1))",
    '<a href="jav&#x09;ascript:alert(1)">tab</a>',
    "<style>@import 'https://evil.example/x.css';</style>",
    '<p style="background:url(javascript:alert(1))">css</p>',
    "<details open ontoggle=alert(1)>d</details>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<form action="https://evil.example"><button formaction=javascript:alert(1)>go</button></form>',
    '[title](https://example.org "x\\" onmouseover=\\"alert(1)")',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<base href="https://evil.example/"><meta http-equiv="refresh" content="0;url=https://evil.example">',
    "{{7*7}} {% print('x') %} <%= 7*7 %>",
)
CONTROL = "a\x00b\x01\x08\x0b\x1b[31m\x7f\u0085c"
BIDI = "\u202egnp.exe\u202c \u2066\u2067\u2068\u2069 \u200f"
NOT_UTF8 = b"\xff\xfe\xc3\x28\xa0\xa1\xed\xa0\x80"
CRASHERS = {
    "1 MB": ("A" * 1_048_576).encode(),
    "NUL and control characters": CONTROL.encode(),
    "bidirectional overrides": BIDI.encode(),
    "bytes that are not UTF-8": b"text " + NOT_UTF8,
}
ALL_AT_ONCE = "\n\n".join(MARKUP).encode() + b"\n" + CONTROL.encode() + BIDI.encode() + NOT_UTF8

NEVER = {"script", "iframe", "object", "embed", "style", "base", "math", "foreignobject", "frame"}
URL_ATTRS = {"href", "src", "action", "formaction", "xlink:href", "data", "poster", "background"}
BAD_SCHEMES = ("javascript:", "vbscript:", "data:")


class _Scan(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []
        self.nonce: str | None = None
        self.in_script = False

    def handle_starttag(self, tag: str, attrs) -> None:
        values = dict(attrs)
        if tag == "script":
            self.in_script = True
            if values.get("src", "").startswith("/static/") or (
                self.nonce and values.get("nonce") == self.nonce
            ):
                return
        if tag in NEVER:
            self.found.append(f"<{tag}> element")
        if tag == "meta" and "http-equiv" in values:
            self.found.append("<meta http-equiv>")
        if tag == "form" and not (values.get("action") or "/").startswith("/"):
            self.found.append(f"form posting to {values.get('action')}")
        for name, value in attrs:
            value = "".join(ch for ch in (value or "") if ch > " ").lower()
            if name.startswith("on"):
                self.found.append(f"<{tag} {name}>")
            if name == "srcdoc" or (name in URL_ATTRS and value.startswith(BAD_SCHEMES)):
                self.found.append(f"<{tag} {name}={value[:40]}>")
            if name == "style" and ("url(" in value or "expression" in value):
                self.found.append(f"<{tag} style={value[:40]}>")

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self.in_script = False

    def handle_data(self, data: str) -> None:
        if self.in_script and "alert(" in data:
            self.found.append("script text with alert(")


def inert(response) -> list[str]:
    """What injected markup survived in the page (empty when it is safe). The page's own
    scripts carry the nonce from its Content-Security-Policy header."""
    scan = _Scan()
    nonce = re.search(r"'nonce-([^']+)'", response.headers.get("Content-Security-Policy", ""))
    scan.nonce = nonce.group(1) if nonce else None
    scan.feed(response.get_data(as_text=True))
    scan.close()
    return scan.found


def form_body(fields: dict) -> bytes:
    """A urlencoded body; bytes values go as they are, so invalid UTF-8 reaches the server."""
    return urlencode(fields, doseq=True).encode()
