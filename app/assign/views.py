"""Set work and see how it is going. Who may be chosen comes from `can(user, "assign", ...)`."""

from __future__ import annotations

from flask import flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import select

from ..authz import assignments_clause, can, require, supervisees_clause
from ..csv_safe import csv_response
from ..db import db, utcnow
from ..models import Agency, Role, Team, User
from ..services import assignments, exercise_library, library
from . import bp
from .forms import AssignForm

HEADER = ["Activity", "Set for", "Due", "Assigned", "Started", "Completed", "Overdue"]


def _audiences() -> dict[str, tuple[str, object]]:
    """key -> (label, object) for everyone the signed-in person may set work for."""
    found: list[tuple[str, str, object]] = []
    if current_user.has_role(Role.SUPERVISOR):
        people = db.session.scalars(
            select(User).where(supervisees_clause(current_user)).order_by(User.display_name)
        )
        found += [(f"user:{u.id}", u.display_name, u) for u in people]
    teams = db.session.scalars(select(Team).join(Agency).order_by(Agency.name, Team.name))
    found += [(f"team:{t.id}", f"Team: {t.name} ({t.agency.name})", t) for t in teams]
    agencies = db.session.scalars(select(Agency).order_by(Agency.name))
    found += [(f"agency:{a.id}", f"Everyone in {a.name}", a) for a in agencies]
    return {key: (label, obj) for key, label, obj in found if can(current_user, "assign", obj)}


def _activities() -> dict[str, tuple[str, object]]:
    out = {
        f"scenario:{s.slug}": (s.current_version.title, s) for s in library.catalogue(db.session)
    }
    for version in exercise_library.catalogue(db.session):
        out[f"exercise:{version.exercise_id}"] = (f"Exercise: {version.title}", version)
    return out


@bp.route("/new", methods=["GET", "POST"])
def new():
    form = AssignForm()
    audiences, activities = _audiences(), _activities()
    form.audience.choices = [("", "Choose…")] + [(k, v[0]) for k, v in audiences.items()]
    form.activity.choices = [("", "Choose…")] + [(k, v[0]) for k, v in activities.items()]
    if request.method == "GET" and request.args.get("for") in audiences:
        form.audience.data = request.args["for"]
    if form.validate_on_submit():
        audience = audiences[form.audience.data][1]
        require("assign", audience)
        activity = _stored(activities[form.activity.data][1])
        try:
            assignments.create(
                db.session, current_user, activity, audience, form.due_on.data, utcnow().date()
            )
        except assignments.AssignmentError as error:
            db.session.rollback()
            form.due_on.errors = [*form.due_on.errors, str(error)]
        else:
            db.session.commit()
            flash(f"Set: {activities[form.activity.data][0]}, due {form.due_on.data:%-d %B %Y}.")
            return redirect(url_for("assign.report"))
    return render_template("assign/new.html", form=form, nobody=not audiences)


def _stored(obj):
    """A catalogue entry as the stored scenario or exercise it belongs to."""
    from ..models import ExerciseVersion, StoredExercise

    if isinstance(obj, ExerciseVersion):
        return db.session.get(StoredExercise, obj.exercise_id)
    return obj


@bp.get("/")
def report():
    rows = assignments.report(db.session, assignments_clause(current_user), utcnow().date())
    table = [
        [r.title, r.audience, r.due_on.isoformat(), r.assigned, r.started, r.completed, r.overdue]
        for r in rows
    ]
    if request.args.get("download") == "report":
        return csv_response("assignments.csv", HEADER, table)
    return render_template("assign/report.html", rows=rows, header=HEADER)
