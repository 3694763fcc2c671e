"""The debrief: the whole picture, for a session's participants and facilitator."""

from __future__ import annotations

from flask import current_app, render_template
from flask_login import current_user
from markupsafe import Markup

from ..authz import can
from ..db import db
from ..services.exercise_debrief import debrief as build
from .common import bp, load_session, now


@bp.get("/exercises/sessions/<int:session_id>/debrief")
def debrief(session_id: int):
    sess = load_session(session_id)
    config = current_app.config
    data = build(db.session, sess, now(), config["CONTENT_DIR"], config["SUPERVISION_CYCLE"])
    over = data["state"].over(data["exercise"])
    facilitating = can(current_user, "facilitate_session", sess)
    if not over and not facilitating:
        return render_template("exercises/debrief_wait.html", sess=sess, data=data)
    data["svg"] = Markup(data["svg"])  # noqa: S704 - built from escaped parts in app.exercise.chronology
    return render_template("exercises/debrief.html", sess=sess, data=data, over=over)
