"""`flask scenarios check|load|stats`: check and load scenario files."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from ..authoring.twine import import_story
from ..authoring.twine_read import TwineError, read_story
from ..db import db
from ..engine import check_text, parse
from ..engine.bias import bias, describe, library_bias
from ..engine.stats import stats
from ..engine.wording import plural
from ..services import library, media, sources


@click.group("scenarios", help="Check, load and describe scenario files.")
def group() -> None:
    pass


def _paths(paths: tuple[str, ...]):
    return library.scenario_files(list(paths) or [current_app.config["SCENARIO_DIR"]])


@group.command("check")
@click.argument("paths", nargs=-1)
@with_appcontext
def check(paths: tuple[str, ...]) -> None:
    """Print every problem with file and line; exit 1 if there are any. With no paths, the
    supervision prompt rules in content/ are checked too (they name the same tags)."""
    vocab = sources.for_checking(db.session, current_app.config["CONTENT_DIR"])
    files = _paths(paths)
    results = library.check_files(files, vocab)
    if not paths:
        from .supervision import check_rules

        results["rules"] = check_rules()[1]
    count = 0
    for problems in results.values():
        for problem in problems:
            click.echo(str(problem))
            count += 1
    click.echo(f"{plural(len(files), 'file')} checked, {plural(count, 'problem')}.", err=True)
    sys.exit(1 if count or not files else 0)


@group.command("load")
@click.argument("paths", nargs=-1)
@with_appcontext
def load(paths: tuple[str, ...]) -> None:
    """Store each valid file as a version (unchanged files add nothing); exit 1 on problems.
    A changed file becomes a draft instead ("conflict" or "draft") when the scenario's newest
    version came from the browser, or when a second author must approve each version."""
    vocab = sources.source_set(db.session, current_app.config["CONTENT_DIR"])
    failed = False
    for path in _paths(paths):
        result = library.load_file(db.session, path, vocab)
        click.echo(f"{result.status:9} {result.slug or '?'} ({path.name})")
        for problem in result.problems:
            click.echo(f"  {problem}")
        if result.message:
            click.echo(f"  {result.message}")
        failed |= result.status == library.LoadStatus.INVALID
    shipped = Path(current_app.config["SCENARIO_DIR"]) / "media"
    if not paths and shipped.is_dir():  # images and audio for the files (scenarios/README.md)
        for name, what in media.load_shipped(db.session, shipped):
            click.echo(f"media     {name}: {what}")
            failed |= what.startswith("not loaded")
    db.session.commit()
    sys.exit(1 if failed else 0)


@group.command("stats")
@click.argument("paths", nargs=-1)
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@with_appcontext
def stats_command(paths: tuple[str, ...], as_json: bool) -> None:
    """Size, coverage, reading ease and option bias of each scenario file, and of them all:
    how long and how cue-worded the best options are against the others, and where the best
    option is written (see app/engine/bias.py for the definitions)."""
    scenarios = []
    for path in _paths(paths):
        scenario, _ = parse(path.read_text(encoding="utf-8"), str(path))
        scenarios.append(scenario)
    rows = [stats(s) | {"bias": bias(s)} for s in scenarios]
    library_row = {
        "scenarios": len(rows),
        "roles": sorted({r["role"] for r in rows}),
        "bias": library_bias(scenarios),
    }
    if as_json:
        click.echo(json.dumps({"scenarios": rows, "library": library_row}, indent=2))
        return
    for row in rows:
        click.echo(
            f"{row['id']}: {row['nodes']} nodes, {row['choice_points']} choices, "
            f"{row['endings']} endings, {row['reflection_prompts']} reflections, "
            f"reading ease {row['reading_ease']}, role {row['role']}"
        )
        click.echo(f"  {describe(row['bias'])}")
    count, roles = library_row["scenarios"], len(library_row["roles"])
    click.echo(
        f"library: {count} scenario{'s' * (count != 1)}, {roles} role{'s' * (roles != 1)}; "
        f"{describe(library_row['bias'])}"
    )


@group.command("import-twine")
@click.argument(
    "files", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False, path_type=Path)
)
@click.option(
    "-o",
    "--output",
    type=click.Path(path_type=Path),
    help="Scenario file to write, or an existing folder for several stories. "
    "Without it the scenario is printed.",
)
@with_appcontext
def import_twine(files: tuple[Path, ...], output: Path | None) -> None:
    """Turn Twine 2 stories (published HTML or Twee 3) into scenario files, and list on
    stderr everything that could not be mapped. Exit 1 if a file could not be read."""
    if len(files) > 1 and not (output and output.is_dir()):
        raise click.UsageError("For several stories, give -o with an existing folder.")
    vocab = sources.source_set(db.session, current_app.config["CONTENT_DIR"])
    failed = False
    for path in files:
        try:
            imported = import_story(read_story(path.read_bytes()))
        except TwineError as error:
            click.echo(f"{path}: {error}", err=True)
            failed = True
            continue
        target = (
            output / f"{imported.scenario.id}.scenario" if output and output.is_dir() else output
        )
        if target is None:
            click.echo(imported.text, nl=False)
        else:
            target.write_text(imported.text, encoding="utf-8")
            click.echo(f"{path.name}: wrote {target}", err=True)
        for warning in imported.warnings:
            click.echo(f"{path.name}: not mapped: {warning}", err=True)
        _, problems = check_text(imported.text, str(target or path.name), vocab)
        click.echo(
            f"{path.name}: {plural(len(problems), 'problem')} to fix before it can be loaded "
            "(see 'flask scenarios check').",
            err=True,
        )
    sys.exit(1 if failed else 0)
