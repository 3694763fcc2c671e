"""Signing in and out, and setting a password from a one-time link."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required, login_user, logout_user

from ..action_form import ActionForm, confirmed
from ..authz import can, load_or_refuse
from ..db import db, utcnow
from ..models import Notice, Role
from ..services import accounts, player, sessions, throttle
from . import carry
from .forms import LoginForm, SetPasswordForm

bp = Blueprint("auth", __name__)


def _home_for(user) -> str:
    """Where a person's work is: supervisors their team, authors authoring, others learning."""
    if can(user, "area:supervise"):
        return url_for("supervise.dashboard")
    if can(user, "area:author") and not user.has_role(Role.LEARNER):
        return url_for("author.index")
    return url_for("learn.catalogue")


def _safe_next(target: str | None, user) -> str:
    """Only local paths, so the login form cannot be used to send people elsewhere."""
    if not target:
        return _home_for(user)
    parts = urlsplit(target)
    if parts.scheme or parts.netloc or not target.startswith("/") or target.startswith("//"):
        return _home_for(user)
    return target


def _policy() -> throttle.Policy:
    cfg = current_app.config
    return throttle.Policy(
        cfg["LOGIN_FREE_FAILURES"], cfg["LOGIN_SOURCE_FREE_FAILURES"], cfg["LOGIN_MAX_WAIT"]
    )


@bp.route("/login", methods=["GET", "POST"])
def login():
    form = LoginForm(next=request.args.get("next", ""), email=request.args.get("email", ""))
    error = None
    if form.validate_on_submit():
        try:
            user = accounts.authenticate(
                db.session,
                form.email.data,
                form.password.data,
                _policy(),
                source=(request.remote_addr or "unknown")[:64],
            )
        except accounts.LoginRefused as refused:
            error = refused.message
        else:
            sessions.open_session(
                db.session, user, current_app.config["PERMANENT_SESSION_LIFETIME"]
            )
            login_user(user)
            if carry.is_sealed(
                form.carry_seal.data, form.next.data, form.carry_step.data, form.carry_text.data
            ):
                player.keep_carried_reflection(
                    db.session, user, form.next.data, form.carry_step.data, form.carry_text.data
                )
            db.session.commit()
            return redirect(_safe_next(form.next.data, user))
    carried = bool(form.carry_text.data)
    status = 200 if not (error or form.errors) else 400
    return render_template("auth/login.html", form=form, error=error, carried=carried), status


@bp.post("/logout")
@login_required
def logout():
    sessions.close_session(db.session, current_user)
    db.session.commit()
    logout_user()
    flash("You have signed out.", "success")
    return redirect(url_for("auth.login"))


@bp.get("/account")
@login_required
def account():
    return render_template("auth/account.html", form=ActionForm())


@bp.post("/account/sign-out-everywhere")
@login_required
def sign_out_everywhere():
    confirmed()
    sessions.end_all(db.session, current_user)
    db.session.commit()
    logout_user()
    flash("You have signed out on every device and browser.", "success")
    return redirect(url_for("auth.login"))


@bp.post("/notices/<int:notice_id>/read")
@login_required
def notice_read(notice_id: int):
    found = load_or_refuse(Notice, notice_id, "dismiss_notice")
    confirmed()
    found.read_at = found.read_at or utcnow()
    db.session.commit()
    return redirect(_safe_next(request.form.get("next"), current_user))


@bp.route("/set-password/<token>", methods=["GET", "POST"])
def set_password(token: str):
    row = accounts.valid_token(db.session, token)
    if row is None:
        return render_template("auth/link_expired.html"), 410
    email = row.user.email
    form = SetPasswordForm()
    if form.validate_on_submit():
        try:
            accounts.use_password_link(db.session, token, form.password.data)
        except accounts.AccountError as exc:
            db.session.rollback()
            form.password.errors.append(str(exc))
        else:
            db.session.commit()
            if current_user.is_authenticated:
                logout_user()
            flash("Your password is set. Sign in with it now.", "success")
            return redirect(url_for("auth.login", email=email))
    return render_template("auth/set_password.html", form=form, email=email)


@bp.route("/")
def home():
    if current_user.is_authenticated:
        return redirect(url_for("learn.catalogue"))
    return render_template("auth/home.html")


@bp.get("/healthz")
def health():
    if request.args:
        abort(400)
    return {"ok": True}
