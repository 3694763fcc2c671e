"""Administration: accounts, roles, supervisors, agencies and teams, set-password links."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from ..action_form import ActionForm, confirmed
from ..authz import load_or_refuse, require
from ..db import db
from ..models import User
from ..pagination import page_links
from ..services import accounts
from ..services import organisation as org
from .forms import AgencyForm, TeamForm, UserForm

bp = Blueprint("admin", __name__)


@bp.before_request
@login_required
def _admins_only() -> None:
    require("area:admin")


def _fill_choices(form: UserForm, editing: User | None = None) -> None:
    offered = org.account_choices(db.session, editing)
    none = [(0, "None")]
    form.agency_id.choices = none + [(a.id, a.name) for a in offered.agencies]
    form.team_id.choices = none + [(t.id, f"{t.agency.name}: {t.name}") for t in offered.teams]
    form.team_agency = {t.id: t.agency_id for t in offered.teams}
    form.supervisor_id.choices = none + [
        (u.id, f"{u.display_name} ({u.email})") for u in offered.supervisors
    ]


@bp.get("/users")
def users():
    find = request.args.get("find", "")[:200]
    page = request.args.get("page", "1")
    listed = org.people(db.session, int(page) if page.isdigit() else 1, find)
    pagination = page_links(
        listed.page, listed.pages, lambda n: url_for("admin.users", page=n, find=find or None)
    )
    return render_template("admin/users.html", listed=listed, find=find, pagination=pagination)


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
            db.session.rollback()
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
    target = load_or_refuse(User, user_id)
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
            db.session.rollback()
            form.supervisor_id.errors.append(str(exc))
        else:
            db.session.commit()
            flash("Changes saved.", "success")
            return redirect(url_for("admin.user", user_id=target.id))
    return render_template(
        "admin/user_form.html",
        form=form,
        user=target,
        action=ActionForm(),
        history=org.history(db.session, target),
    ), 400 if form.errors else 200


@bp.post("/users/<int:user_id>/active")
def toggle_active(user_id: int):
    target = load_or_refuse(User, user_id)
    confirmed()
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
    target = load_or_refuse(User, user_id)
    confirmed()
    hours = current_app.config["PASSWORD_LINK_HOURS"]
    token = accounts.issue_password_link(db.session, target, current_user, hours)
    db.session.commit()
    link = url_for("auth.set_password", token=token, _external=True)
    return render_template("admin/password_link.html", user=target, link=link, hours=hours)


def _added(form, add, message: str):
    """Run `add`: on success commit and go back to the page; a name already used becomes an
    error on the form (the page is shown again with it), never a crash."""
    try:
        add()
    except org.OrganisationError as error:
        db.session.rollback()
        form[error.field].errors.append(error.message)
        return None
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("admin.organisation"))


@bp.route("/organisation", methods=["GET", "POST"])
def organisation():
    agency_form, team_form = AgencyForm(prefix="agency"), TeamForm(prefix="team")
    agencies = org.agencies(db.session)
    team_form.agency_id.choices = [(a.id, a.name) for a in agencies]
    done = None
    if agency_form.submit.data and agency_form.validate_on_submit():
        name, kind = agency_form.name.data, agency_form.kind.data
        done = _added(agency_form, lambda: org.add_agency(db.session, name, kind), "Agency added.")
    elif team_form.submit.data and team_form.validate_on_submit():
        agency_id, name = team_form.agency_id.data, team_form.name.data
        done = _added(team_form, lambda: org.add_team(db.session, agency_id, name), "Team added.")
    return done or (
        render_template(
            "admin/organisation.html",
            agencies=org.agencies(db.session),
            agency_form=agency_form,
            team_form=team_form,
        ),
        400 if agency_form.errors or team_form.errors else 200,
    )


from . import data_rights as _data_rights  # noqa: E402,F401 - its routes are on this blueprint
from . import learning_records as _learning_records  # noqa: E402,F401 - routes on this blueprint
from . import oversight  # noqa: E402, F401 - the audit log and sign-in limits pages
from . import user_import as _user_import  # noqa: E402, F401 - importing accounts from CSV
