"""Administration: accounts, roles, supervisors, agencies and teams, set-password links."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, redirect, render_template, url_for
from flask_login import current_user, login_required
from sqlalchemy import select

from ..authz import can
from ..db import db
from ..models import AccountChange, Agency, Team, User, UserRole
from ..services import accounts
from .forms import ActionForm, AgencyForm, TeamForm, UserForm

bp = Blueprint("admin", __name__)


@bp.before_request
@login_required
def _admins_only() -> None:
    if not can(current_user, "area:admin"):
        abort(403)


def _user_or_404(user_id: int) -> User:
    user = db.session.get(User, user_id)
    if user is None:
        abort(404)
    return user


def _fill_choices(form: UserForm, editing: User | None = None) -> None:
    none = [(0, "None")]
    form.agency_id.choices = none + [
        (a.id, a.name) for a in db.session.scalars(select(Agency).order_by(Agency.name))
    ]
    teams = list(db.session.scalars(select(Team).join(Agency).order_by(Agency.name, Team.name)))
    form.team_id.choices = none + [(t.id, f"{t.agency.name}: {t.name}") for t in teams]
    form.team_agency = {t.id: t.agency_id for t in teams}
    supervisors = db.session.scalars(
        select(User)
        .join(UserRole)
        .where(UserRole.role == "supervisor", User.active.is_(True))
        .order_by(User.display_name)
    )
    form.supervisor_id.choices = none + [
        (u.id, f"{u.display_name} ({u.email})")
        for u in supervisors
        if not editing or u.id != editing.id
    ]


@bp.get("/users")
def users():
    rows = db.session.scalars(select(User).order_by(User.active.desc(), User.display_name))
    return render_template("admin/users.html", users=list(rows))


@bp.route("/users/new", methods=["GET", "POST"])
def new_user():
    form = UserForm()
    _fill_choices(form)
    if form.validate_on_submit():
        try:
            user = accounts.create_user(
                db.session,
                email=form.email.data,
                display_name=form.display_name.data,
                roles=set(form.roles.data),
                actor=current_user,
                agency_id=form.agency_id.data or None,
                team_id=form.team_id.data or None,
                supervisor_id=form.supervisor_id.data or None,
            )
        except accounts.AccountError as exc:
            form.email.errors.append(str(exc))
        else:
            db.session.commit()
            flash(
                f"Account created for {user.display_name}. Issue a set-password link below.",
                "success",
            )
            return redirect(url_for("admin.user", user_id=user.id))
    return render_template(
        "admin/user_form.html", form=form, user=None
    ), 400 if form.errors else 200


@bp.route("/users/<int:user_id>", methods=["GET", "POST"])
def user(user_id: int):
    target = _user_or_404(user_id)
    form = UserForm(obj=target)
    _fill_choices(form, target)
    if not form.is_submitted():
        form.roles.data = sorted(target.roles)
        form.agency_id.data = target.agency_id or 0
        form.team_id.data = target.team_id or 0
        form.supervisor_id.data = target.supervisor_id or 0
    elif form.validate():
        try:
            accounts.update_user(
                db.session,
                target,
                actor=current_user,
                roles=set(form.roles.data),
                supervisor_id=form.supervisor_id.data or None,
                agency_id=form.agency_id.data or None,
                team_id=form.team_id.data or None,
                display_name=form.display_name.data,
            )
        except accounts.AccountError as exc:
            form.supervisor_id.errors.append(str(exc))
        else:
            db.session.commit()
            flash("Changes saved.", "success")
            return redirect(url_for("admin.user", user_id=target.id))
    history = db.session.scalars(
        select(AccountChange)
        .where(AccountChange.user_id == target.id)
        .order_by(AccountChange.at.desc(), AccountChange.id.desc())
    )
    return render_template(
        "admin/user_form.html", form=form, user=target, action=ActionForm(), history=list(history)
    ), 400 if form.errors else 200


@bp.post("/users/<int:user_id>/active")
def toggle_active(user_id: int):
    target = _user_or_404(user_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    if target.id == current_user.id:
        flash("You cannot deactivate your own account.", "info")
    else:
        accounts.set_active(db.session, target, not target.active, current_user)
        db.session.commit()
        flash(
            f"{target.display_name} is now {'active' if target.active else 'deactivated'}.",
            "success",
        )
    return redirect(url_for("admin.user", user_id=target.id))


@bp.post("/users/<int:user_id>/password-link")
def password_link(user_id: int):
    target = _user_or_404(user_id)
    if not ActionForm().validate_on_submit():
        abort(400)
    hours = current_app.config["PASSWORD_LINK_HOURS"]
    token = accounts.issue_password_link(db.session, target, current_user, hours)
    db.session.commit()
    link = url_for("auth.set_password", token=token, _external=True)
    return render_template("admin/password_link.html", user=target, link=link, hours=hours)


@bp.route("/organisation", methods=["GET", "POST"])
def organisation():
    agency_form, team_form = AgencyForm(prefix="agency"), TeamForm(prefix="team")
    agencies = list(db.session.scalars(select(Agency).order_by(Agency.name)))
    team_form.agency_id.choices = [(a.id, a.name) for a in agencies]
    if agency_form.submit.data and agency_form.validate_on_submit():
        db.session.add(Agency(name=agency_form.name.data.strip(), kind=agency_form.kind.data))
        db.session.commit()
        flash("Agency added.", "success")
        return redirect(url_for("admin.organisation"))
    if team_form.submit.data and team_form.validate_on_submit():
        db.session.add(Team(agency_id=team_form.agency_id.data, name=team_form.name.data.strip()))
        db.session.commit()
        flash("Team added.", "success")
        return redirect(url_for("admin.organisation"))
    return render_template(
        "admin/organisation.html", agencies=agencies, agency_form=agency_form, team_form=team_form
    )


from . import data_rights as _data_rights  # noqa: E402,F401 - its routes are on this blueprint
