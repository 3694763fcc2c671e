"""Certificates of completion: the learner issues, prints and revokes their own; the
verification page (app.verify) is public."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, url_for
from flask_login import current_user

from ..action_form import ActionForm, confirmed
from ..authz import load_or_refuse
from ..db import db
from ..models import Certificate
from ..services import certificates, cpd
from .cpd import _finished
from .views import _vocab, bp


@bp.post("/my-learning/certificates/<kind>/<int:ref_id>")
def issue_certificate(kind: str, ref_id: int):
    confirmed()
    _finished(kind, ref_id)
    item = cpd.item_for(db.session, current_user, _vocab(), kind, ref_id)
    if item is None:
        abort(404)
    certificate = certificates.issue(db.session, current_user, item)
    db.session.commit()
    return redirect(url_for("learn.certificate", certificate_id=certificate.id))


@bp.get("/my-learning/certificates/<int:certificate_id>")
def certificate(certificate_id: int):
    found = load_or_refuse(
        Certificate, certificate_id, "own_certificate", shown=lambda c: c.revoked_at is None
    )
    link = url_for("verify.certificate", code=found.token, _external=True)
    return render_template(
        "learn/certificate.html", certificate=found, link=link, form=ActionForm()
    )


@bp.post("/my-learning/certificates/<int:certificate_id>/revoke")
def revoke_certificate(certificate_id: int):
    found = load_or_refuse(Certificate, certificate_id, "own_certificate")
    confirmed()
    certificates.revoke(found)
    db.session.commit()
    flash("Certificate revoked: its verification link no longer shows anything.", "success")
    return redirect(url_for("learn.cpd_record"))
