"""Admin pages for a person's data rights: download everything held about them, and erase them
(a confirmation page, then a POST). Both are audited; the erasure entry keeps counts only."""

from __future__ import annotations

from flask import flash, redirect, render_template, url_for
from flask_login import current_user

from .. import data_rights
from ..authz import load_or_refuse
from ..db import db
from ..models import User
from ..services import personal_data
from .forms import EraseForm
from .views import bp


@bp.get("/users/<int:user_id>/data.json")
def user_data(user_id: int):
    return data_rights.download(db.session, current_user, load_or_refuse(User, user_id))


@bp.route("/users/<int:user_id>/erase", methods=["GET", "POST"])
def erase_user(user_id: int):
    target = load_or_refuse(User, user_id)
    if target.id == current_user.id:
        flash("You cannot erase your own account. Ask another administrator.", "info")
        return redirect(url_for("admin.user", user_id=target.id))
    form = EraseForm()
    if form.validate_on_submit():
        personal_data.erase(db.session, target, current_user)
        db.session.commit()
        flash(f"Person {target.id}'s personal data has been erased.", "success")
        return redirect(url_for("admin.users"))
    return render_template("admin/erase.html", user=target, form=form), 400 if form.errors else 200
