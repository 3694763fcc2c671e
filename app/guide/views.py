"""Learning content from content/pages/: briefings per finding, about the review, glossary."""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from flask import Blueprint, abort, current_app, render_template, request

bp = Blueprint("guide", __name__)
SLUG = re.compile(r"^[a-z0-9][a-z0-9-]*$")
BACK = re.compile(r"^/attempts/\d+(/feedback/\d+|/ending)?$")


@lru_cache(maxsize=64)
def _read(folder: str, slug: str, mtime: float) -> tuple[str, str]:
    text = (Path(folder) / f"{slug}.md").read_text(encoding="utf-8")
    first, _, rest = text.partition("\n")
    return first.lstrip("# ").strip(), rest


def load_page(slug: str) -> tuple[str, str] | None:
    """(title, Markdown body) of a page, or None. The first line `# Title` is the title."""
    folder = Path(current_app.config["CONTENT_DIR"]) / "pages"
    path = folder / f"{slug}.md"
    if not SLUG.match(slug) or not path.is_file():
        return None
    return _read(str(folder), slug, path.stat().st_mtime)


def page_slugs() -> list[str]:
    folder = Path(current_app.config["CONTENT_DIR"]) / "pages"
    return sorted(p.stem for p in folder.glob("*.md"))


@bp.get("/")
def index():
    pages = [(slug, load_page(slug)[0]) for slug in page_slugs()]
    return render_template("guide/index.html", pages=pages)


@bp.get("/support")
def support():
    return page("support")


@bp.get("/<slug>")
def page(slug: str):
    found = load_page(slug)
    if found is None:
        abort(404)
    title, body = found
    back = request.args.get("back", "")
    back = back if BACK.match(back) else None  # only back into the player, never elsewhere
    return render_template("guide/page.html", title=title, body=body, back=back)
