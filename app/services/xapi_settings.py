"""The learning record store's settings, kept with the service-wide settings.

The secret is written, never read back to a page: forms show only whether one is set.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app
from sqlalchemy.orm import Session

from ..xapi import Site
from . import settings

ENDPOINT, KEY, SECRET, INCLUDE_TEXT = (
    "xapi_endpoint",
    "xapi_key",
    "xapi_secret",
    "xapi_include_text",
)


@dataclass(frozen=True)
class Store:
    endpoint: str  # the LRS's base address, e.g. https://lrs.example.org/xapi/
    key: str
    secret: str

    @property
    def configured(self) -> bool:
        return bool(self.endpoint)


def store(session: Session) -> Store:
    return Store(
        settings.get(session, ENDPOINT), settings.get(session, KEY), settings.get(session, SECRET)
    )


def configured(session: Session) -> bool:
    """Is a record store set? (One query: the endpoint alone decides.)"""
    return bool(settings.get(session, ENDPOINT))


def include_text(session: Session) -> bool:
    """Do statements carry reflection text and written reasons? Off by default."""
    return settings.get(session, INCLUDE_TEXT, "no") == "yes"


def save(session: Session, endpoint: str, key: str, secret: str | None, with_text: bool) -> None:
    """Store the settings; a secret of None (left blank) keeps the one already set."""
    settings.put(session, ENDPOINT, endpoint.strip())
    settings.put(session, KEY, key.strip())
    if secret is not None:
        settings.put(session, SECRET, secret)
    settings.put(session, INCLUDE_TEXT, "yes" if with_text else "no")


def site(session: Session) -> Site:
    home = str(current_app.config.get("SITE_URL") or "http://localhost:5000").rstrip("/")
    return Site(home=home, include_text=include_text(session))
