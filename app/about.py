"""Pages about the service itself: the accessibility statement."""

from __future__ import annotations

from flask import Blueprint, render_template

bp = Blueprint("about", __name__)


@bp.get("/accessibility")
def accessibility():
    return render_template("about/accessibility.html")
