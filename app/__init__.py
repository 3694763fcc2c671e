"""Whole Picture. `flask --app app` finds `create_app` here. The factory lives in app/factory.py
and is imported only when called, so importing a pure package (app.engine, app.authoring,
app.supervision) loads nothing of Flask, the database or the templates."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from flask import Flask


def create_app(test_config: dict[str, Any] | None = None) -> Flask:
    """Build the app (see app/factory.py)."""
    from .factory import create_app as build

    return build(test_config)
