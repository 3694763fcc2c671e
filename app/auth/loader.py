"""Flask-Login hooks: load the user named in the session, and what to do for an anonymous one."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for

from ..db import db
from ..models import User
from ..services import sessions
from .forms import LoginForm


def load_user(user_id: str) -> User | None:
    """Sessions name `id:session_version:session_id`. The session id must still be on record
    (signing out deletes it) and the version current (a password change or deactivation bumps
    it), so a copied cookie stops working when its session ends."""
    try:
        raw_id, version, session_id = user_id.split(":")
        user = db.session.get(User, int(raw_id))
    except (ValueError, TypeError, OverflowError):
        return None
    if user is None or not user.active or str(user.session_version) != version:
        return None
    if not sessions.is_live(db.session, user, session_id):
        return None
    user.session_id = session_id
    return user


def unauthorised():
    """Send to sign in. A reflection posted after the session ended is carried, not lost."""
    if request.method == "POST" and request.form.get("reflection"):
        form = LoginForm(next=request.path)
        form.carry_text.data = request.form.get("reflection", "")
        form.carry_step.data = request.form.get("step", "")
        return render_template("auth/login.html", form=form, carried=True), 401
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
