"""Flask-Login hooks: load the user named in the session, and what to do for an anonymous one."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for
from sqlalchemy.orm import joinedload

from ..db import db
from ..models import User
from .forms import LoginForm


def load_user(user_id: str) -> User | None:
    """Sessions name `id:session_version`, so a password change or deactivation ends them."""
    try:
        raw_id, version = user_id.split(":")
        # The user and their roles in one query: every signed-in request pays for it.
        user = db.session.get(User, int(raw_id), options=[joinedload(User.role_rows)])
    except (ValueError, TypeError):
        return None
    if user is None or not user.active or str(user.session_version) != version:
        return None
    return user


def unauthorised():
    """Send to sign in. A reflection posted after the session ended is carried, not lost."""
    if request.method == "POST" and request.form.get("reflection"):
        form = LoginForm(next=request.path)
        form.carry_text.data = request.form.get("reflection", "")
        form.carry_step.data = request.form.get("step", "")
        return render_template("auth/login.html", form=form, carried=True), 401
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
