"""`flask supervision check`: check the supervision prompt rules file, naming file and line."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from ..db import db
from ..engine import Problem
from ..engine.wording import plural
from ..services import source_rules, sources
from ..services.supervision import rules_path
from ..supervision import load_rules


def check_rules(path: str | Path | None = None) -> tuple[int, list[Problem]]:
    """(number of valid rules, problems) for the rules file in content/ or at `path`."""
    content = current_app.config["CONTENT_DIR"]
    rules, problems = load_rules(
        path or rules_path(current_app.config), sources.for_checking(db.session, content).everything
    )
    return len(rules), problems


@click.group("supervision", help="Check the supervision prompt rules.")
def group() -> None:
    pass


@group.command("check")
@click.argument("path", required=False)
@with_appcontext
def check(path: str | None) -> None:
    """Print every problem with file and line, then (unless a file is named) every problem in
    the rules that learning sources carry, written in the browser; exit 1 if there are any."""
    count, problems = check_rules(path)
    lines = [str(problem) for problem in problems]
    summary = f"{plural(count, 'rule')} in the rules file"
    if path is None:
        kept, broken = source_rules.problems_by_source(
            db.session, current_app.config["CONTENT_DIR"]
        )
        lines += broken
        summary += f", {plural(kept, 'rule')} kept by learning sources"
    for line in lines:
        click.echo(line)
    click.echo(f"{summary}: {plural(len(lines), 'problem')}.", err=True)
    sys.exit(1 if lines else 0)
