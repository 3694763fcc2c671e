"""The pure multi-agency exercise engine. See README.md: no Flask, no SQLAlchemy."""

from .model import Basis, Decision, Exercise, Fragment, Option, Phase, Seat, Typical
from .parser import parse
from .play import (
    Choice,
    PlayError,
    PlayState,
    ShareAct,
    advance,
    available,
    decide,
    held,
    latest_choices,
    release,
    share,
    share_status,
    visible,
)
from .sharing import BASIS_ADVICE, BoardRow, Feedback, board, share_feedback, with_solo
from .validator import check_text, validate

__all__ = [
    "BASIS_ADVICE",
    "Basis",
    "BoardRow",
    "Choice",
    "Decision",
    "Exercise",
    "Feedback",
    "Fragment",
    "Option",
    "Phase",
    "PlayError",
    "PlayState",
    "Seat",
    "ShareAct",
    "Typical",
    "advance",
    "available",
    "board",
    "check_text",
    "decide",
    "held",
    "latest_choices",
    "parse",
    "release",
    "share",
    "share_feedback",
    "share_status",
    "validate",
    "visible",
    "with_solo",
]
