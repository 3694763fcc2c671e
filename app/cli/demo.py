"""`flask demo`: build the demo organisation once, with a password kept in instance/."""

from __future__ import annotations

import os
import secrets
from pathlib import Path

import click
from flask import current_app
from flask.cli import with_appcontext

from ..db import db
from ..services.demo import PEOPLE, build_demo, demo_email, demo_exists, grow_demo

PASSWORD_FILE = "demo-password.txt"  # noqa: S105 - a file name, not a password


def _password() -> tuple[str, bool]:
    """DEMO_PASSWORD, else one generated once and kept (owner-only) in instance/."""
    if os.environ.get("DEMO_PASSWORD"):
        return os.environ["DEMO_PASSWORD"], False
    path = Path(current_app.instance_path) / PASSWORD_FILE
    if path.exists():
        return path.read_text().strip(), False
    password = "-".join(secrets.token_urlsafe(6) for _ in range(3))
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(password + "\n")
    return password, True


@click.command("demo", help="Create the demo organisation (once) and print its accounts.")
@click.option(
    "--with-activity",
    is_flag=True,
    help="Also add demo attempts, reflections and past supervision (once; load scenarios first).",
)
@with_appcontext
def command(with_activity: bool) -> None:
    _organisation()
    _exercises()
    if with_activity:
        _activity()


def _exercises() -> None:
    """Say which exercises the demo facilitators (author, admin) can start, or how to load one."""
    from ..services.exercise_library import catalogue

    titles = [version.title for version in catalogue(db.session)]
    if titles:
        click.echo(f"Exercises to run (sign in as the author or admin): {', '.join(titles)}.")
    else:
        click.echo("No exercise loaded yet: run flask exercises load (make db does).")


def _activity() -> None:
    from ..db import utcnow
    from ..services import sources
    from ..services.demo_activity import add_activity, has_activity
    from ..services.supervision import rules_for

    content = current_app.config["CONTENT_DIR"]
    rules = rules_for(current_app.config)
    existed = has_activity(db.session)
    added = add_activity(db.session, utcnow(), rules, sources.everything(db.session, content))
    db.session.commit()
    if existed and not added:
        click.echo("The demo activity already exists.")
    elif added:
        click.echo(f"Demo activity added: {added} attempts, reflections and past supervision.")
    else:
        click.echo("No demo activity added: load the scenarios first (flask scenarios load).")


def _organisation() -> None:
    if demo_exists(db.session):
        grown = grow_demo(db.session)
        db.session.commit()
        click.echo("The demo organisation already exists.")
        if grown:
            click.echo(f"Added {grown} more demo practitioners (same password as the others).")
    else:
        password, new = _password()
        build_demo(db.session, password)
        db.session.commit()
        click.echo("Demo organisation created. Accounts:")
        for local, name, roles, *_ in PEOPLE:
            click.echo(f"  {demo_email(local):45} {name:14} {', '.join(sorted(roles))}")
        click.echo(f"  and 56 practitioners, {demo_email('staff01')} to {demo_email('staff56')}")
        if os.environ.get("DEMO_PASSWORD"):
            click.echo("Password: the value of DEMO_PASSWORD.")
        else:
            where = Path(current_app.instance_path) / PASSWORD_FILE
            click.echo(f"Password for every demo account: {password}")
            click.echo(f"(kept, readable only by you, in {where})" if new else "")
