"""`flask scenarios check|load|stats`: check and load scenario files."""

from __future__ import annotations

import json
import sys

import click
from flask import current_app
from flask.cli import with_appcontext

from ..db import db
from ..engine import parse
from ..engine.stats import stats
from ..services import library


@click.group("scenarios", help="Check, load and describe scenario files.")
def group() -> None:
    pass


def _paths(paths: tuple[str, ...]):
    return library.scenario_files(list(paths) or [current_app.config["SCENARIO_DIR"]])


@group.command("check")
@click.argument("paths", nargs=-1)
@with_appcontext
def check(paths: tuple[str, ...]) -> None:
    """Print every problem with file and line; exit 1 if there are any."""
    vocab = library.vocabulary(current_app.config["CONTENT_DIR"])
    files = _paths(paths)
    results = library.check_files(files, vocab)
    count = 0
    for problems in results.values():
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
        result = library.load_file(db.session, path, vocab)
        click.echo(f"{result.status:9} {result.slug or '?'} ({path.name})")
        for problem in result.problems:
            click.echo(f"  {problem}")
        failed |= result.status == "invalid"
    db.session.commit()
    sys.exit(1 if failed else 0)


@group.command("stats")
@click.argument("paths", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_appcontext
def stats_command(paths: tuple[str, ...], as_json: bool) -> None:
    """Size, coverage and reading ease of each scenario file."""
    rows = []
    for path in _paths(paths):
        scenario, _ = parse(path.read_text(encoding="utf-8"), str(path))
        if scenario is not None:
            rows.append(stats(scenario))
    if as_json:
        click.echo(json.dumps(rows, indent=2))
        return
    for row in rows:
        click.echo(
            f"{row['id']}: {row['nodes']} nodes, {row['choice_points']} choices, "
            f"{row['endings']} endings, {row['reflection_prompts']} reflections, "
            f"reading ease {row['reading_ease']}, role {row['role']}"
        )
