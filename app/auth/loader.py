"""Flask-Login hooks: load the user named in the session, and what to do for an anonymous one."""

from __future__ import annotations

from flask import redirect, render_template, request, url_for
from sqlalchemy import bindparam, exists, func, select
from sqlalchemy.orm import make_transient_to_detached
from sqlalchemy.orm.util import identity_key

from ..db import db
from ..engine import MAX_REFLECTION_CHARS
from ..models import AuthoringSetting, Notice, User, UserRole, UserSession
from ..services import sessions, xapi_settings
from . import carry
from .forms import LoginForm


def load_user(user_id: str) -> User | None:
    """Sessions name `id:session_version:session_id`. The session id must still be on record
    (signing out deletes it) and the version current (a password change or deactivation bumps
    it), so a copied cookie stops working when its session ends."""
    try:
        raw_id, version, session_id = user_id.split(":")
        if not session_id:
            return None
        row = (
            db.session.connection()
            .execute(_SIGNED_IN, {"user_id": int(raw_id), "id_hash": sessions.id_hash(session_id)})
            .first()
        )
    except (ValueError, TypeError, OverflowError):
        return None
    if row is None or not row.active or str(row.session_version) != version or not row.live:
        return None
    user = _as_user(row)
    user.session_id = session_id
    user.has_unread_notices = bool(row.unread)  # the layout skips its notices query when false
    user.xapi_store_set = bool(row.xapi_store_set)
    return user


# Every signed-in request pays for this, so it is one plain (Core) query, built once: the
# user's row, their roles, whether the cookie's session is still on record, whether they
# have a notice to read, and whether a learning record store is set. The ORM's own loading of the same row cost more than the query.
_USERS = User.__table__
_COLUMNS = [(column.key, column.name) for column in _USERS.columns]
_SIGNED_IN = select(
    _USERS,
    select(func.aggregate_strings(UserRole.role, ","))
    .where(UserRole.user_id == _USERS.c.id)
    .scalar_subquery()
    .label("role_list"),
    exists()
    .where(UserSession.id_hash == bindparam("id_hash"), UserSession.user_id == _USERS.c.id)
    .label("live"),
    exists().where(Notice.user_id == _USERS.c.id, Notice.read_at.is_(None)).label("unread"),
    # Is a learning record store set? An answer queues xAPI statements only then (read here
    # so that answering a step costs no query of its own for it).
    exists()
    .where(AuthoringSetting.key == xapi_settings.ENDPOINT, AuthoringSetting.value != "")
    .label("xapi_store_set"),
).where(_USERS.c.id == bindparam("user_id"))


def _as_user(row) -> User:
    """The row as the session's User: the one already in the session if there is one, else a
    persistent User made from the row without a second query (its relationships load on use)."""
    known = db.session.identity_map.get(identity_key(User, row.id))
    if known is not None:
        user = known
    else:
        user = User.__mapper__.class_manager.new_instance()
        values = row._mapping
        user.__dict__.update({key: values[name] for key, name in _COLUMNS})
        make_transient_to_detached(user)
        db.session.add(user)
    user.signed_in_roles = frozenset(row.role_list.split(",")) if row.role_list else frozenset()
    return user


def _from_this_site() -> bool:
    """Did the browser send this POST from one of our own pages? (A cross-site form could
    otherwise put words in someone's reflection box for after they sign in.)"""
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    own = request.host_url.rstrip("/")
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin == own
    return (request.referrer or "").startswith(own + "/")


def unauthorised():
    """Send to sign in. A reflection posted from this site after the session ended is carried,
    sealed, so only text that came through this page can be kept after signing in."""
    from ..author.autosave import resend_page

    kept = resend_page(signed_in=False)  # an author's typing, when their session has ended
    if kept is not None:
        return kept
    text = request.form.get("reflection", "") if request.method == "POST" else ""
    if text and _from_this_site():
        form = LoginForm(next=request.path)
        form.carry_text.data = text[:MAX_REFLECTION_CHARS]
        form.carry_step.data = request.form.get("step", "")[:12]
        form.carry_seal.data = carry.seal(request.path, form.carry_step.data, form.carry_text.data)
        cut = len(text) > MAX_REFLECTION_CHARS
        return render_template("auth/login.html", form=form, carried=True, cut=cut), 401
    return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
