"""The plain-English coach (app/authoring/coach.py) for templates: `coach_step(node)` on the
step editor and `coach_summary(scenario)` on the publish page, with the glossary's terms read
from the content folder (content/pages/glossary.md)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from flask import current_app

from ..authoring.coach import advise, advise_all, terms_from_glossary
from ..authoring.plain_words import PLAIN_WORDS
from . import bp


@lru_cache(maxsize=4)
def _glossary(path: str, modified: float) -> frozenset[str]:
    return terms_from_glossary(Path(path).read_text(encoding="utf-8"))


def glossary_terms() -> frozenset[str]:
    path = Path(current_app.config["CONTENT_DIR"]) / "pages" / "glossary.md"
    return _glossary(str(path), path.stat().st_mtime) if path.exists() else frozenset()


@bp.app_template_global()
def coach_step(node):
    return advise(node, glossary_terms(), PLAIN_WORDS)


@bp.app_template_global()
def coach_summary(scenario):
    """Only the steps with something to look at again."""
    return [
        advice for advice in advise_all(scenario, glossary_terms(), PLAIN_WORDS) if advice.notes
    ]
