"""Jinja filters for what every page writes the same way: dates, times and counted words."""

from __future__ import annotations

from datetime import date, datetime

from .engine.wording import plural


def long_date(value: date | datetime) -> str:
    """'1 December 2026': dates on every page (`{{ d | date }}`)."""
    return value.strftime("%-d %B %Y")


def date_time(value: datetime) -> str:
    """'1 Dec 2026 14:05': when something happened, where the time of day matters."""
    return value.strftime("%-d %b %Y %H:%M")


FILTERS = {"date": long_date, "datetime": date_time, "plural": plural}
