"""Admin pages for xAPI: the learning record store's settings and a test of the connection,
the queue's state, and statements downloaded as JSON for a date range (audited when they
carry reflection text)."""

from __future__ import annotations

import json
from datetime import date, timedelta

from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import current_user
from sqlalchemy import func, select

from ..action_form import ActionForm, confirmed
from ..db import db, utcnow
from ..models import AuditEvent, XapiStatement
from ..services import audit_log, xapi_queue, xapi_send, xapi_settings
from .forms import RecordStoreForm
from .views import bp

MAX_DAYS = 366


def _counts() -> dict[str, int]:
    rows = db.session.execute(
        select(XapiStatement.sent_at.is_(None), func.count()).group_by(
            XapiStatement.sent_at.is_(None)
        )
    ).all()
    found = {bool(waiting): n for waiting, n in rows}
    failing = select(XapiStatement).where(
        XapiStatement.sent_at.is_(None), XapiStatement.last_error.is_not(None)
    )
    last = db.session.scalars(failing.order_by(XapiStatement.next_try_at.desc()).limit(1)).first()
    return {
        "waiting": found.get(True, 0),
        "sent": found.get(False, 0),
        "failing": len(db.session.scalars(failing.with_only_columns(XapiStatement.id)).all()),
        "last_error": last.last_error if last else "",
    }


def _page(form: RecordStoreForm, errors: dict | None = None, status: int = 200):
    store = xapi_settings.store(db.session)
    return (
        render_template(
            "admin/learning_records.html",
            form=form,
            test_form=ActionForm(),
            secret_set=bool(store.secret),
            counts=_counts(),
            errors=errors or {},
            args=request.args,
        ),
        status,
    )


@bp.route("/learning-records", methods=["GET", "POST"])
def learning_records():
    store = xapi_settings.store(db.session)
    form = RecordStoreForm()
    if request.method == "GET":
        form.endpoint.data, form.key.data = store.endpoint, store.key
        form.include_text.data = xapi_settings.include_text(db.session)
    if form.validate_on_submit():
        before = xapi_settings.include_text(db.session)
        xapi_settings.save(
            db.session,
            form.endpoint.data or "",
            form.key.data or "",
            form.secret.data or None,
            bool(form.include_text.data),
        )
        if before != bool(form.include_text.data):
            action = "xapi.text_included" if form.include_text.data else "xapi.text_left_out"
            db.session.add(AuditEvent(actor_id=current_user.id, action=action))
        db.session.commit()
        flash("Learning record store settings saved.", "success")
        return redirect(url_for("admin.learning_records"))
    return _page(form, status=400 if form.errors else 200)


@bp.post("/learning-records/test")
def test_record_store():
    confirmed()
    ok, message = xapi_send.check(xapi_settings.store(db.session))
    flash(message, "success" if ok else "info")
    return redirect(url_for("admin.learning_records"))


def _day(name: str, errors: dict, blank: date) -> date | None:
    """The date in the query, `blank` when left empty, or None with a message in `errors`."""
    text = request.args.get(name, "").strip()
    if not text:
        return blank
    try:
        return audit_log.parse_day(text)
    except ValueError as problem:
        errors[name] = str(problem)
        return None


@bp.get("/learning-records/statements.json")
def download_statements():
    errors: dict[str, str] = {}
    today = utcnow().date()
    since = _day("since", errors, today - timedelta(days=30))
    until = _day("until", errors, today)
    if since and until and until < since:
        errors["until"] = "The end date must be on or after the start date"
    elif since and until and (until - since).days > MAX_DAYS:
        errors["until"] = f"Choose at most {MAX_DAYS} days at a time"
    if errors:
        return _page(RecordStoreForm(formdata=None), errors, 400)
    rows = xapi_queue.between(db.session, since, until)
    with_text = xapi_queue.audit_text(
        db.session,
        current_user,
        "xapi.downloaded_reflection_text",
        rows,
        since=since.isoformat(),
        until=until.isoformat(),
    )
    db.session.commit()
    body = json.dumps([statement for _, statement in rows], indent=1, ensure_ascii=False)
    name = f"xapi-statements-{since.isoformat()}-to-{until.isoformat()}.json"
    headers = {"Content-Disposition": f'attachment; filename="{name}"'}
    if with_text:
        headers["X-Statements-With-Text"] = str(with_text)
    return Response(body, mimetype="application/json", headers=headers)
