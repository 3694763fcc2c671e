"""Sending queued scores, one row per transaction: a row is claimed and committed before the
platform is called, and marked sent in its own commit, so two senders never send one score and
a crash mid-way leaves the row to be retried, never lost."""

from __future__ import annotations

from flask import current_app

from ..db import db
from ..models import Attempt
from ..services import lti_grades


def send_due(limit: int = 100) -> tuple[int, int]:
    """(sent, failed) of the scores due now."""
    sent = failed = 0
    for grade_id in lti_grades.due_ids(db.session, limit=limit):
        grade = lti_grades.claim(db.session, grade_id)
        db.session.commit()
        if grade is None:
            continue
        if lti_grades.send(db.session, grade):
            sent += 1
        else:
            failed += 1
            current_app.logger.warning("LTI grade %s not sent: %s", grade.id, grade.last_error)
        db.session.commit()
    return sent, failed


def after_completion(attempt: Attempt) -> None:
    """Called by the player once a finished attempt is committed: queue its scores and try to
    send them now (what fails stays queued for `flask --app app lti send-grades`)."""
    try:
        if lti_grades.queue_for(db.session, attempt):
            db.session.commit()
            send_due(limit=10)
    except Exception:  # the learner's answer is saved: a grade problem must not hide their ending
        db.session.rollback()
        current_app.logger.exception("LTI grades for attempt %s not queued or sent", attempt.id)
