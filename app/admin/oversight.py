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
    if args.get("format") == "csv" and not errors:
        return Response(
            audit_log.to_csv(audit_log.events(db.session, filters, limit=50_000)),
            mimetype="text/csv",
            headers={"Content-Disposition": 'attachment; filename="audit-log.csv"'},
        )
    # Pages of 50, newest first; one more row than shown says whether an older page exists
    # (no count: counting a long log would cost more than the page).
    page = int(args["page"]) if args.get("page", "").isdigit() and int(args["page"]) > 0 else 1
    per = audit_log.PER_PAGE
    found = [] if errors else audit_log.events(db.session, filters, per + 1, (page - 1) * per)
    rows, older = found[:per], len(found) > per
    kept = {k: v for k, v in args.items() if k in ("who", "whose", "what", "since", "until") and v}
    pagination = None
    if page > 1 or older:
        pagination = {
            "previous": {
                "href": url_for("admin.audit", **kept, page=page - 1),
                "text": "Newer entries",
            }
            if page > 1
            else None,
            "next": {"href": url_for("admin.audit", **kept, page=page + 1), "text": "Older entries"}
            if older
            else None,
            "landmarkLabel": "Pages of the audit log",
        }
    status = 400 if errors else 200
    return render_template(
        "admin/audit.html",
        rows=rows,
        first=(page - 1) * per + 1,
        pagination=pagination,
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
