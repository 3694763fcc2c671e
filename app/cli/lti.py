"""`flask lti send-grades`: send the scores still queued for learning platforms (run it from
cron every few minutes; a score that fails waits longer before each new try)."""

from __future__ import annotations

import click
from flask.cli import with_appcontext

from ..lti.grading import send_due


@click.group("lti", help="LTI 1.3: launches from learning platforms and the grades sent back.")
def group() -> None:
    pass


@group.command("send-grades")
@click.option("--limit", default=500, show_default=True, help="The most scores to send in one run.")
@with_appcontext
def send_grades(limit: int) -> None:
    """Send each queued score that is due; say how many went and how many wait to be retried."""
    sent, failed = send_due(limit=limit)
    click.echo(f"Scores sent: {sent}. Not sent, to be retried: {failed}.")
    if failed:
        raise SystemExit(1)
