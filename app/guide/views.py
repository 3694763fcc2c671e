"""Learning content from content/pages/: briefings per finding, about the review, glossary."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, abort, current_app, render_template, request

from ..engine.parser import ID_RE
from .pages import Page, parse_page

bp = Blueprint("guide", __name__)
BACK = re.compile(r"^/attempts/\d+(/feedback/\d+|/ending)?$")


@lru_cache(maxsize=64)
def _read(folder: str, slug: str, mtime: float) -> Page:
    return parse_page((Path(folder) / f"{slug}.md").read_text(encoding="utf-8"), f"{slug}.md")


def load_page(slug: str) -> Page | None:
    """A page from content/pages/<slug>.md (header, `# Title`, Markdown body), or None."""
    folder = Path(current_app.config["CONTENT_DIR"]) / "pages"
    path = folder / f"{slug}.md"
    if not ID_RE.match(slug) or not path.is_file():
        return None
    return _read(str(folder), slug, path.stat().st_mtime)


def page_slugs() -> list[str]:
    folder = Path(current_app.config["CONTENT_DIR"]) / "pages"
    return sorted(p.stem for p in folder.glob("*.md"))


@bp.get("/")
def index():
    pages = [(slug, load_page(slug).title) for slug in page_slugs()]
    return render_template("guide/index.html", pages=pages)


@bp.get("/support")
def support():
    return page("support")


@bp.get("/<slug>")
def page(slug: str):
    found = load_page(slug)
    if found is None:
        abort(404)
    back = request.args.get("back", "")
    back = back if BACK.match(back) else None  # only back into the player, never elsewhere
    return render_template("guide/page.html", page=found, back=back)
