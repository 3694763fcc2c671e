"""`flask sources list|check`: the learning sources, shipped (content/sources/) and written in
the browser, and whether each one's findings, competencies and briefing pages fit together."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from ..db import db
from ..engine.sources import source_problems
from ..services import source_editing, sources


@click.group("sources", help="List and check the learning sources.")
def group() -> None:
    pass


def _pages(source_id: str, shipped: bool) -> set[str]:
    if shipped:
        folder = Path(current_app.config["CONTENT_DIR"]) / "pages"
        return {p.stem for p in folder.glob("*.md")}
    row = source_editing.by_slug(db.session, source_id)
    return {p.slug for p in row.pages} if row else set()


@group.command("list")
@with_appcontext
def list_command() -> None:
    """One line a source: id, where it lives, counts, title."""
    found = sources.source_set(db.session, current_app.config["CONTENT_DIR"])
    for source in found.sources.values():
        where = "shipped" if source.shipped else "browser"
        default = ", default" if source.id == found.default else ""
        click.echo(
            f"{source.id} ({where}{default}): {len(source.findings)} findings, "
            f"{len(source.vocabulary.competencies)} competencies, "
            f"{len(source.vocabulary.tags)} tags - {source.title}"
        )


@group.command("check")
@with_appcontext
def check() -> None:
    """Print every problem in every source; exit 1 if there are any."""
    found = sources.source_set(db.session, current_app.config["CONTENT_DIR"])
    count = 0
    for source in found.sources.values():
        for problem in source_problems(source, _pages(source.id, source.shipped)):
            click.echo(f"{source.id}: {problem}")
            count += 1
    click.echo(f"{len(found.sources)} source(s) checked, {count} problem(s).", err=True)
    sys.exit(1 if count else 0)
