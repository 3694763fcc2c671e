"""The LTI 1.3 endpoints a platform and a browser reach.

A launch is a cross-site POST from the platform, so the browser sends none of our SameSite=Lax
cookies with it: not the session, not the state cookie. So the launch (CSRF-exempt, protected
by state and nonce) only verifies the id_token and answers with a small page on our own site
that posts a one-time token to /lti/enter. That post is same-site, so the state cookie set at
login comes with it, and only the browser that started the login can finish it (no one can be
signed in to someone else's account by a forged post). /lti/enter is CSRF-exempt for the same
reason: the token plus the HttpOnly state cookie is its double-submit check.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    flash,
    jsonify,
    redirect,
    render_template,
    request,
    url_for,
)
from flask_login import current_user, login_required, login_user, logout_user

from ..authz import load_or_refuse
from ..db import db
from ..extensions import csrf
from ..models import LtiHandoff, StoredScenario, User
from ..services import library, lti_deep_link, lti_keys, lti_launch, lti_people, sessions
from ..services.lti_launch import LaunchRefused
from .forms import DeepLinkForm

bp = Blueprint("lti", __name__, url_prefix="/lti")
STATE_MAX_AGE = 600


def _refused(refusal: LaunchRefused):
    current_app.logger.warning("LTI refused: %s", refusal.reason)
    return render_template("lti/refused.html", message=refusal.message), 400


@bp.get("/jwks")
def jwks():
    keys = lti_keys.jwks(db.session)
    db.session.commit()
    return jsonify(keys)


@bp.route("/login", methods=["GET", "POST"])
@csrf.exempt
def login():
    launch_url = url_for("lti.launch", _external=True)
    try:
        address, state = lti_launch.start_login(db.session, request.values, launch_url)
    except LaunchRefused as refusal:
        db.session.rollback()
        return _refused(refusal)
    db.session.commit()
    response = redirect(address)
    response.set_cookie(
        lti_people.cookie_name(lti_launch.digest(state)),
        state,
        max_age=STATE_MAX_AGE,
        path="/lti/",
        secure=current_app.config["SESSION_COOKIE_SECURE"],
        httponly=True,
        samesite="Lax",
    )
    return response


@bp.post("/launch")
@csrf.exempt
def launch():
    state = request.form.get("state", "")
    try:
        platform, claims = lti_launch.verify_launch(
            db.session, request.form.get("id_token", ""), state
        )
    except LaunchRefused as refusal:
        db.session.commit()  # a state once presented stays used
        return _refused(refusal)
    db.session.commit()
    try:
        token = lti_people.hand_off(db.session, platform, claims, state)
    except LaunchRefused as refusal:
        db.session.rollback()
        return _refused(refusal)
    db.session.commit()
    return render_template("lti/continue.html", token=token)


@bp.post("/enter")
@csrf.exempt
def enter():
    try:
        handoff = lti_people.enter(db.session, request.form.get("token", ""), request.cookies)
    except LaunchRefused as refusal:
        db.session.commit()
        return _refused(refusal)
    user = db.session.get(User, handoff.user_id)
    if current_user.is_authenticated:
        sessions.close_session(db.session, current_user)
        logout_user()
    sessions.open_session(db.session, user, current_app.config["PERMANENT_SESSION_LIFETIME"])
    login_user(user)
    db.session.commit()
    response = redirect(_destination(handoff))
    response.delete_cookie(lti_people.cookie_name(handoff.state_hash), path="/lti/")
    return response


def _destination(handoff: LtiHandoff) -> str:
    if handoff.kind == "deep_link":
        return url_for("lti.deep_link", handoff_id=handoff.id)
    stored = db.session.scalar(
        db.select(StoredScenario).where(StoredScenario.slug == (handoff.target or ""))
    )
    if stored is not None and library.playable(stored):
        return url_for("learn.overview", slug=stored.slug)
    flash("The course link did not name a scenario Whole Picture has. Choose one here.", "info")
    return url_for("learn.catalogue")


@bp.route("/deep-link/<int:handoff_id>", methods=["GET", "POST"])
@login_required
def deep_link(handoff_id: int):
    handoff = load_or_refuse(
        LtiHandoff, handoff_id, "answer_deep_link", shown=lti_deep_link.is_open
    )
    offered = library.catalogue(db.session)
    form = DeepLinkForm()
    form.scenario.choices = [(s.slug, s.current_version.title) for s in offered]
    if form.validate_on_submit():
        stored = next(s for s in offered if s.slug == form.scenario.data)
        return_url, token = lti_deep_link.response(
            db.session, handoff, stored, url_for("lti.launch", _external=True)
        )
        target = urlsplit(return_url)
        if target.scheme not in ("http", "https") or not target.netloc:
            db.session.rollback()
            return _refused(LaunchRefused("Your platform gave no address to return to.", "no url"))
        db.session.commit()
        response = current_app.make_response(
            render_template("lti/deep_link_return.html", return_url=return_url, jwt=token)
        )
        response.csp_form_action = f"{target.scheme}://{target.netloc}"
        return response
    status = 400 if form.errors else 200
    return render_template("lti/deep_link.html", form=form, offered=offered), status
