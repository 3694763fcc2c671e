"""Assignments: supervisors set scenarios and exercises for a learner or their team, admins for
a team or an agency, with a due date; and the completion report (app.services.assignments)."""

from flask import Blueprint
from flask_login import login_required

from ..authz import require

bp = Blueprint("assign", __name__)


@bp.before_request
@login_required
def _only_assigners() -> None:
    require("area:assign")


from . import views  # noqa: E402,F401  (routes register on bp)
