"""The public verification page of a certificate: only the name, the activity and the date.

No sign-in; never indexed (a robots meta tag and an X-Robots-Tag header); an unknown, malformed
or revoked token gets the same 404 as any missing page.
"""

from __future__ import annotations

from flask import Blueprint, abort, make_response, render_template

from .db import db
from .services import certificates

bp = Blueprint("verify", __name__)


@bp.get("/verify/<code>")
def certificate(code: str):
    found = certificates.by_token(db.session, code)
    if found is None:
        abort(404)
    response = make_response(render_template("verify/certificate.html", certificate=found))
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
