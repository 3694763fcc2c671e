"""The in-app authoring guide is scenarios/README.md itself, with a link target per section that
help beside the form fields can point to."""

from __future__ import annotations

import re
from html import unescape
from pathlib import Path

from app.markdown import plain_text

README = Path(__file__).parents[2] / "scenarios" / "README.md"


def test_every_section_of_the_readme_has_an_anchor_and_a_contents_link(auth, client):
    auth("author@example.org", roles=("author",))
    guide = client.get("/author/format").text
    headings = re.findall(r"^## (.+)$", README.read_text(encoding="utf-8"), re.M)
    assert "Images and audio" in headings and "Flags and conditions" in headings
    for heading in headings:
        anchor = "-".join(re.findall(r"[a-z0-9]+", plain_text(heading).lower()))
        assert f'id="{anchor}"' in guide, heading
        assert f'href="#{anchor}"' in guide, heading


def test_the_guide_is_the_same_text_as_the_readme(auth, client):
    auth("author@example.org", roles=("author",))
    shown = " ".join(unescape(re.sub(r"<[^>]+>", " ", client.get("/author/format").text)).split())
    shown = shown.replace(" ,", ",").replace(" .", ".").replace(" :", ":")
    body = README.read_text(encoding="utf-8").split("\n", 1)[1]
    paragraphs = [p for p in body.split("\n\n") if p and p[0] not in " |#-`"]
    assert len(paragraphs) > 20
    for paragraph in paragraphs:
        words = plain_text(paragraph)[:50].rsplit(" ", 1)[0]
        assert words in shown, paragraph[:80]
