"""Admin: the learning platforms registered to launch Whole Picture, and the tool's own
addresses to paste into them."""

from __future__ import annotations

from flask import Blueprint, flash, redirect, render_template, url_for
from flask_login import login_required
from sqlalchemy import select

from ..authz import load_or_refuse, require
from ..db import db
from ..models import LtiPlatform
from ..services import lti_grades, lti_keys
from .forms import PlatformForm

bp = Blueprint("lti_admin", __name__)


@bp.before_request
@login_required
def _admins_only() -> None:
    require("area:admin")


def tool_addresses() -> list[tuple[str, str, str]]:
    """(what, address, where it goes in Moodle) for the tool's registration."""
    launch = url_for("lti.launch", _external=True)
    return [
        ("Tool URL (launch and redirect URI)", launch, "Tool URL and Redirection URI(s)"),
        ("Login initiation URL", url_for("lti.login", _external=True), "Initiate login URL"),
        ("Public keyset (JWKS) URL", url_for("lti.jwks", _external=True), "Public keyset URL"),
        ("Deep linking URL", launch, "Content Selection URL (tick 'Supports Deep Linking')"),
    ]


@bp.get("/")
def platforms():
    rows = list(db.session.scalars(select(LtiPlatform).order_by(LtiPlatform.name)))
    key = lti_keys.tool_key(db.session)
    db.session.commit()
    return render_template(
        "lti/platforms.html",
        platforms=rows,
        addresses=tool_addresses(),
        kid=key.kid,
        waiting=lti_grades.waiting_by_platform(db.session),
    )


def _save(form: PlatformForm, platform: LtiPlatform | None):
    clash = db.session.scalar(
        select(LtiPlatform).where(
            LtiPlatform.issuer == form.issuer.data,
            LtiPlatform.client_id == form.client_id.data,
            LtiPlatform.id != (platform.id if platform else 0),
        )
    )
    if clash is not None:
        form.client_id.errors.append(f"{clash.name} already has this platform ID and client ID")
        return None
    platform = platform or LtiPlatform()
    form.populate_obj(platform)
    platform.deployment_ids = "\n".join(
        line.strip() for line in form.deployment_ids.data.splitlines() if line.strip()
    )
    db.session.add(platform)
    db.session.commit()
    flash(f"{platform.name} is saved. Launches from it are accepted now.", "success")
    return redirect(url_for("lti_admin.platforms"))


@bp.route("/new", methods=["GET", "POST"])
def new_platform():
    form = PlatformForm()
    if form.validate_on_submit() and (done := _save(form, None)):
        return done
    status = 400 if form.errors else 200
    return render_template("lti/platform_form.html", form=form, platform=None), status


@bp.route("/<int:platform_id>", methods=["GET", "POST"])
def platform(platform_id: int):
    found = load_or_refuse(LtiPlatform, platform_id)
    form = PlatformForm(obj=found)
    if form.validate_on_submit() and (done := _save(form, found)):
        return done
    status = 400 if form.errors else 200
    return render_template("lti/platform_form.html", form=form, platform=found), status
