"""The guide pages in content/pages/: each shows when it was last reviewed, links into a page land
on a heading that exists, and every mention of a lawful basis leads to the lawful-basis panel."""

from __future__ import annotations

import re
from datetime import date

import pytest

from app.guide.pages import parse_page
from tests.conftest import ROOT

PAGES = sorted((ROOT / "content" / "pages").glob("*.md"))
SCENARIOS = sorted((ROOT / "scenarios").glob("*.scenario"))
PANEL = "/guide/sharing-information#lawful-basis"
MENTION = re.compile(r"lawful basis", re.IGNORECASE)
ITEM = re.compile(r"^(\s*[-*]\s|\s*\d+\.\s|\|)")


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.stem)
def test_every_page_shows_when_it_was_last_reviewed(auth, client, path):
    page = parse_page(path.read_text(encoding="utf-8"), path.name)
    assert isinstance(page.reviewed, date), f"{path.name} has no 'reviewed: YYYY-MM-DD' header"
    assert page.reviewed <= date.today()
    auth()
    html = client.get(f"/guide/{path.stem}").text
    shown = f"{page.reviewed.day} {page.reviewed:%B %Y}"
    assert f'Last reviewed: <time datetime="{page.reviewed.isoformat()}">{shown}</time>' in html
    assert f"reviewed: {page.reviewed.isoformat()}" not in html  # the header is read, not printed


def test_a_page_without_a_header_or_with_a_bad_date():
    assert parse_page("# Title\nBody\n").reviewed is None
    assert parse_page("# Title\nBody\n").title == "Title"
    with pytest.raises(ValueError, match="draft.md: reviewed must be a date"):
        parse_page("---\nreviewed: 1 Dec 2026\n---\n# Title\n", "draft.md")


def test_links_to_a_heading_land_on_one_that_exists(auth, client):
    auth()
    targets = set()
    for path in PAGES + SCENARIOS:
        targets |= set(re.findall(r"\]\((/guide/[a-z0-9-]+)#([a-z0-9-]+)\)", path.read_text()))
    targets.add(tuple(PANEL.split("#")))
    missing = [
        f"{page}#{anchor}"
        for page, anchor in sorted(targets)
        if f'id="{anchor}"' not in client.get(page).text
    ]
    assert missing == []


def test_the_panel_names_the_real_lawful_bases(auth, client):
    auth()
    html = client.get("/guide/sharing-information").text
    panel = html.split('id="lawful-basis"', 1)[1].split("<h2", 1)[0]
    for basis in ("6(1)(e)", "6(1)(c)", "6(1)(d)", "6(1)(f)", "paragraph 18", "Part 3"):
        assert basis in panel
    for heading in ("confidentiality", "four-meanings-of-consent"):
        assert f'id="{heading}"' in html


def _units(text: str) -> list[str]:
    """Paragraphs, list items and table rows of a Markdown text, headings left out."""
    units: list[str] = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln for ln in block.splitlines() if ln.strip() and not ln.startswith("#")]
        if lines and ITEM.match(lines[0]):
            for line in lines:
                if ITEM.match(line) or not units:
                    units.append(line)
                else:
                    units[-1] += " " + line  # an item continued on the next line
        elif lines:
            units.append(" ".join(lines))
    return units


def _outside_the_panel(path) -> str:
    text = path.read_text(encoding="utf-8")
    if path.stem == "sharing-information":  # the panel itself need not link to itself
        text = re.sub(r"\n## [^\n]*\{#lawful-basis\}.*?(?=\n## )", "\n", text, flags=re.DOTALL)
    return text


def test_every_mention_of_a_lawful_basis_in_content_links_to_the_panel():
    pages = sorted((ROOT / "content").rglob("*.md"))
    unlinked = [
        f"{path.relative_to(ROOT)}: {unit[:70]}"
        for path in pages
        for unit in _units(_outside_the_panel(path))
        if MENTION.search(unit) and PANEL not in unit and "](#lawful-basis)" not in unit
    ]
    assert unlinked == []


@pytest.mark.parametrize("n", range(1, 7))
def test_every_briefing_ends_with_dated_further_reading(n):
    text = (ROOT / "content" / "pages" / f"finding-{n}.md").read_text(encoding="utf-8")
    last = text.rsplit("\n## ", 1)[1]
    heading, _, items = last.partition("\n")
    assert re.fullmatch(r"Further reading \(checked \d{1,2} [A-Z][a-z]+ \d{4}\)", heading)
    entries = [ln for ln in items.splitlines() if ln.startswith("- ")]
    assert len(entries) >= 2
    assert all(re.search(r"\([^)]*\b(?:19|20)\d\d\b[^)]*\)", ln) for ln in entries), entries
