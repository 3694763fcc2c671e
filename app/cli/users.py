"""`flask users create|link|list`: manage accounts from the command line."""

from __future__ import annotations

import click
from flask import current_app, url_for
from flask.cli import with_appcontext
from sqlalchemy import select

from ..db import db
from ..models import Role, User
from ..services import accounts


@click.group("users", help="Create accounts and issue set-password links.")
def group() -> None:
    pass


@group.command("create")
@click.option("--email", required=True)
@click.option("--name", "display_name", required=True)
@click.option(
    "--role",
    "roles",
    multiple=True,
    default=[Role.LEARNER.value],
    show_default=True,
    type=click.Choice([r.value for r in Role]),
)
@click.option("--supervisor", "supervisor_email", help="Email of the learner's supervisor.")
@with_appcontext
def create(
    email: str, display_name: str, roles: tuple[str, ...], supervisor_email: str | None
) -> None:
    """Create an account and print a one-time set-password link for it."""
    supervisor_id = None
    if supervisor_email:
        supervisor = accounts.find_by_email(db.session, supervisor_email)
        if supervisor is None:
            raise click.ClickException(f"No account for {supervisor_email}.")
        supervisor_id = supervisor.id
    try:
        user = accounts.create_user(
            db.session,
            email=email,
            display_name=display_name,
            roles=set(roles),
            supervisor_id=supervisor_id,
        )
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from None
    _print_link(user)


@group.command("set")
@click.argument("email")
@click.option(
    "--role",
    "roles",
    multiple=True,
    type=click.Choice([r.value for r in Role]),
    help="Replace the roles with these (repeat the option).",
)
@click.option("--supervisor", "supervisor_email", help="Email of the new supervisor.")
@click.option("--no-supervisor", is_flag=True, help="Remove the supervisor.")
@click.option("--deactivate/--activate", default=None, help="Close or reopen the account.")
@with_appcontext
def set_user(
    email: str,
    roles: tuple[str, ...],
    supervisor_email: str | None,
    no_supervisor: bool,
    deactivate: bool | None,
) -> None:
    """Change roles, supervisor or whether the account is active; each change is recorded."""
    user = accounts.find_by_email(db.session, email)
    if user is None:
        raise click.ClickException(f"No account for {email}.")
    supervisor_id: int | None | type[...] = ...
    if no_supervisor:
        supervisor_id = None
    elif supervisor_email:
        supervisor = accounts.find_by_email(db.session, supervisor_email)
        if supervisor is None:
            raise click.ClickException(f"No account for {supervisor_email}.")
        supervisor_id = supervisor.id
    try:
        accounts.update_user(
            db.session,
            user,
            actor=None,
            roles=set(roles) if roles else None,
            supervisor_id=supervisor_id,
        )
    except accounts.AccountError as exc:
        raise click.ClickException(str(exc)) from None
    if deactivate is not None:
        accounts.set_active(db.session, user, not deactivate, actor=None)
    db.session.commit()
    state = "active" if user.active else "deactivated"
    click.echo(f"{user.email}: {', '.join(sorted(user.roles))}; {state}")


@group.command("link")
@click.argument("email")
@with_appcontext
def link(email: str) -> None:
    """Issue a new one-time set-password link."""
    user = accounts.find_by_email(db.session, email)
    if user is None:
        raise click.ClickException(f"No account for {email}.")
    _print_link(user)


@group.command("import")
@click.argument("file", type=click.Path(exists=True, dir_okay=False))
@with_appcontext
def import_users(file: str) -> None:
    """Add accounts from a CSV file (name, email, agency, team, roles, supervisor): all or none."""
    from pathlib import Path

    from ..services import user_import

    rows, errors = user_import.read(Path(file).read_bytes())
    planned, more = user_import.check(db.session, rows) if not errors else ([], [])
    errors += more
    if errors:
        for error in errors:
            click.echo(str(error), err=True)
        raise click.ClickException(f"Nothing imported: {len(errors)} problem(s) to fix first.")
    made = user_import.apply(db.session, planned, actor=None)
    db.session.commit()
    click.echo(
        f"Imported {len(made)} account(s). Issue set-password links with: flask users link EMAIL"
    )


@group.command("list")
@with_appcontext
def list_users() -> None:
    for user in db.session.scalars(select(User).order_by(User.email)):
        state = "active" if user.active else "deactivated"
        click.echo(f"{user.email:40} {','.join(sorted(user.roles)):30} {state}")


def _print_link(user: User) -> None:
    hours = current_app.config["PASSWORD_LINK_HOURS"]
    token = accounts.issue_password_link(db.session, user, None, hours)
    db.session.commit()
    base = current_app.config.get("BASE_URL", "http://127.0.0.1:5000")
    with current_app.test_request_context(base_url=base):
        click.echo(
            f"{user.email}: set a password within {hours} hours at "
            f"{url_for('auth.set_password', token=token, _external=True)}"
        )
