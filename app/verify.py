"""The public verification page of a certificate: only the name, the activity and the date.

No sign-in; never indexed (a robots meta tag and an X-Robots-Tag header); an unknown, malformed
or revoked token gets the same 404 as any missing page. Lookups are counted per source address
with the sign-in throttle (services/throttle.py, under the pseudo-account below, which has no
"@" so it is never a real email): a source that keeps trying tokens that do not exist waits 2,
4, 8 ... seconds; a found certificate takes its lookup back off the count.
"""

from __future__ import annotations

from flask import Blueprint, abort, current_app, make_response, render_template, request

from .db import db, utcnow
from .services import certificates, throttle

bp = Blueprint("verify", __name__)
COUNTED_AS = "certificate-check"
FREE_MISSES = 20


def _policy() -> throttle.Policy:
    cfg = current_app.config
    return throttle.Policy(FREE_MISSES, cfg["LOGIN_SOURCE_FREE_FAILURES"], cfg["LOGIN_MAX_WAIT"])


@bp.get("/verify/<code>")
def certificate(code: str):
    source = (request.remote_addr or "unknown")[:64]
    try:
        throttle.count_attempt(db.session, COUNTED_AS, source, _policy(), utcnow())
    except throttle.Throttled as wait:
        db.session.commit()
        response = make_response("Too many checks from here: try again later.", 429)
        response.headers["Retry-After"] = str(wait.seconds)
        return response
    found = certificates.by_token(db.session, code)
    if found is not None:
        throttle.succeeded(db.session, COUNTED_AS, source)
    db.session.commit()
    if found is None:
        abort(404)
    response = make_response(render_template("verify/certificate.html", certificate=found))
    response.headers["X-Robots-Tag"] = "noindex, nofollow"
    response.headers["Cache-Control"] = "no-store"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
