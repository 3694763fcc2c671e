"""`flask exercises check|load`: check and load multi-agency exercise files."""

from __future__ import annotations

import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from ..db import db
from ..services import exercise_library, library


@click.group("exercises", help="Check and load multi-agency exercise files.")
def group() -> None:
    pass


def _paths(paths: tuple[str, ...]):
    return exercise_library.exercise_files(list(paths) or [current_app.config["EXERCISE_DIR"]])


@group.command("check")
@click.argument("paths", nargs=-1)
@with_appcontext
def check(paths: tuple[str, ...]) -> None:
    """Print every problem with file and line; exit 1 if there are any."""
    vocab = library.vocabulary(current_app.config["CONTENT_DIR"])
    files = _paths(paths)
    count = 0
    for problems in exercise_library.check_files(files, vocab).values():
        for problem in problems:
            click.echo(str(problem))
            count += 1
    click.echo(f"{len(files)} file(s) checked, {count} problem(s).", err=True)
    sys.exit(1 if count or not files else 0)


@group.command("load")
@click.argument("paths", nargs=-1)
@with_appcontext
def load(paths: tuple[str, ...]) -> None:
    """Store each valid file as a version (unchanged files add nothing); exit 1 on problems."""
    vocab = library.vocabulary(current_app.config["CONTENT_DIR"])
    failed = False
    for path in _paths(paths):
        result = exercise_library.load_file(db.session, path, vocab)
        click.echo(f"{result.status:9} {result.slug or '?'} ({path.name})")
        for problem in result.problems:
            click.echo(f"  {problem}")
        failed |= result.status == "invalid"
    db.session.commit()
    sys.exit(1 if failed else 0)
