"""Partnership insights: anonymous aggregates for authors, administrators and the insights
role (app.authz `area:insights`). Every page has its figures as tables, each downloadable as
CSV, and suppresses any group of fewer than five learners."""

from flask import Blueprint
from flask_login import login_required

from ..authz import require

bp = Blueprint("insights", __name__)


@bp.before_request
@login_required
def _only_insights_readers() -> None:
    require("area:insights")


from . import views  # noqa: E402,F401  (routes register on bp)
