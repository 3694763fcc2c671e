"""The authoring blueprint: write, check, preview and publish scenarios in the browser.
Routes live in views.py, nodes.py, options.py, publish.py and tools.py; all share this blueprint."""

from flask import Blueprint

bp = Blueprint("author", __name__)

from . import pattern  # noqa: E402,F401 - "Start from a pattern" routes on this blueprint
