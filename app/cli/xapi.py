"""`flask xapi send`: queue every attempt's and exercise seat's statements, then send them to
the configured learning record store in batches, retrying failures with backoff."""

from __future__ import annotations

import time

import click
from flask.cli import with_appcontext

from ..db import db, utcnow
from ..services import xapi_queue, xapi_send, xapi_settings


@click.group("xapi", help="xAPI statements for the learning record store.")
def group() -> None:
    pass


@group.command("send")
@click.option("--batch", default=50, show_default=True, help="Statements per batch.")
@click.option(
    "--wait",
    default=0,
    show_default=True,
    help="Seconds to keep retrying failed statements before giving up for this run.",
)
@click.option("--no-build", is_flag=True, help="Send only what is queued; build nothing new.")
@with_appcontext
def send(batch: int, wait: int, no_build: bool) -> None:
    """Send every due statement once; failures wait 2, 4, 8 ... seconds for the next try."""
    store = xapi_settings.store(db.session)
    if not store.configured:
        raise click.ClickException(
            "No learning record store is set (Admin > Learning records): nothing was sent."
        )
    if not no_build:
        added = xapi_queue.build_all(db.session)
        db.session.commit()
        click.echo(f"Queued {added} new statement(s).")
    give_up = time.monotonic() + wait
    sent = failed = 0
    while True:
        outcome = xapi_send.send_batch(db.session, store, utcnow(), batch)
        sent, failed = sent + outcome.sent, failed + outcome.failed
        for error in sorted(set(outcome.errors)):
            click.echo(f"Will retry: {error}", err=True)
        if outcome.sent or outcome.failed:
            continue  # the next batch, or the retries now due
        due = xapi_send.next_due(db.session)
        if due is None or time.monotonic() >= give_up:
            break
        time.sleep(max(0.05, min((due - utcnow()).total_seconds(), give_up - time.monotonic())))
    left = xapi_send.pending(db.session)
    click.echo(f"Sent {sent} statement(s); {failed} failed tries; {left} still waiting.")
