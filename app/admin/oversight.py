"""Admin oversight: the audit log (filters and CSV export) and sign-in throttles (see, clear)."""

from __future__ import annotations

from flask import Response, flash, redirect, render_template, request, url_for
from flask_login import current_user

from ..action_form import ActionForm, confirmed
from ..db import db, utcnow
from ..engine.wording import plural
from ..services import audit_log, notices, throttle
from ..services.accounts import find_by_email, normalise_email
from .views import bp


@bp.get("/audit")
def audit():
    args = request.args
    filters = audit_log.Filters(
        who=args.get("who", "")[:200], whose=args.get("whose", "")[:200], what=args.get("what", "")
    )
    errors = {}
    for name in ("since", "until"):
        if args.get(name, "").strip():
            try:
                setattr(filters, name, audit_log.parse_day(args[name]))
            except ValueError as problem:
                errors[name] = str(problem)
    rows = (
        []
        if errors
        else audit_log.events(
            db.session, filters, limit=50_000 if args.get("format") == "csv" else 500
        )
    )
    if args.get("format") == "csv" and not errors:
        return Response(
            audit_log.to_csv(rows),
            mimetype="text/csv",
            headers={"Content-Disposition": 'attachment; filename="audit-log.csv"'},
        )
    status = 400 if errors else 200
    return render_template(
        "admin/audit.html",
        rows=rows,
        filters=filters,
        args=args,
        errors=errors,
        actions=audit_log.actions(db.session),
    ), status


@bp.get("/sign-in-limits")
def sign_in_limits():
    return render_template(
        "admin/sign_in_limits.html",
        rows=throttle.waiting(db.session, utcnow()),
        now=utcnow(),
        any_account=throttle.ANY_ACCOUNT,
        form=ActionForm(),
    )


@bp.post("/sign-in-limits/clear")
def clear_sign_in_limit():
    confirmed()
    email = normalise_email(request.form.get("email", ""))[:320]
    source = request.form.get("source") or None
    cleared = throttle.clear(db.session, email, source)
    person = find_by_email(db.session, email)
    if person is not None:
        notices.audit(
            db.session, current_user, person, "sign_in_limit_cleared", source=source or "all"
        )
    db.session.commit()
    flash(f"Cleared {plural(cleared, 'sign-in limit')} for {email}.", "success")
    return redirect(url_for("admin.sign_in_limits"))
