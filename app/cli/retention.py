"""`flask retention apply [--dry-run]`: apply the retention period (RETENTION_DAYS)."""

from __future__ import annotations

import click
from flask import current_app
from flask.cli import with_appcontext

from ..db import db
from ..services import retention


@click.group("retention", help="Delete or anonymise learning records past the retention period.")
def group() -> None:
    pass


@group.command("apply")
@click.option("--dry-run", is_flag=True, help="Count what would change; change nothing.")
@with_appcontext
def apply(dry_run: bool) -> None:
    """Delete old reflections and detach old answers from the person, then say what was done."""
    days = current_app.config.get("RETENTION_DAYS")
    if not days or days < 1:
        raise click.ClickException(
            "RETENTION_DAYS is not set (or not a positive number of days): nothing was changed."
        )
    outcome = retention.apply(db.session, days)
    if dry_run:
        db.session.rollback()
    else:
        db.session.commit()
    click.echo(f"Retention period: {days} day(s) after an attempt's last answer.")
    click.echo(outcome.summary(dry_run))
