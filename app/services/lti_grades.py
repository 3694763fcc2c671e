"""Assignment and Grade Services: a finished attempt's score goes back to each gradebook column
(line item) the person launched that scenario from. Scores are queued as rows first (in the
attempt's own transaction), then sent; a platform that is down only delays them.

The score (0-1): the attempt's competency points won over the most it could have won on the
path taken (sum over competencies of `won` / sum of `best`), so a learner's choices count,
not only finishing. A scenario with no scored choices gives 1 for completing it.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from urllib.parse import urlsplit, urlunsplit

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from ..db import utcnow
from ..models import Attempt, LtiGrade, LtiGradeLink, LtiPlatform
from . import lti_keys, lti_net
from .lti_people import SCORE_SCOPE

SCORE_TYPE = "application/vnd.ims.lis.v1.score+json"
ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
BACKOFF_MINUTES = (1, 5, 15, 60, 240)  # then every 12 hours, for as long as it takes
CLAIM_MINUTES = 5  # a row being sent is left alone by other senders this long


def score_of(attempt: Attempt) -> float:
    best = sum(row.best for row in attempt.scores)
    won = sum(row.won for row in attempt.scores)
    if best <= 0:
        return 1.0
    return round(max(0.0, min(1.0, won / best)), 4)


def queue_for(session: Session, attempt: Attempt) -> int:
    """Queue the finished attempt's score for each line item it was launched from since."""
    if attempt.completed_at is None or attempt.user_id is None:
        return 0
    links = session.scalars(
        select(LtiGradeLink).where(
            LtiGradeLink.user_id == attempt.user_id,
            LtiGradeLink.scenario_id == attempt.version.scenario_id,
        )
    )
    queued = 0
    for link in links:
        try:
            with session.begin_nested():
                session.add(
                    LtiGrade(
                        link_id=link.id,
                        attempt_id=attempt.id,
                        user_id=attempt.user_id,
                        score=score_of(attempt),
                        completed_at=attempt.completed_at,
                    )
                )
                session.flush()
            queued += 1
        except IntegrityError:  # already queued for this line item
            pass
    return queued


def due_ids(session: Session, now: datetime | None = None, limit: int = 100) -> list[int]:
    now = now or utcnow()
    return list(
        session.scalars(
            select(LtiGrade.id)
            .where(LtiGrade.sent_at.is_(None), LtiGrade.next_try_at <= now)
            .order_by(LtiGrade.id)
            .limit(limit)
        )
    )


def claim(session: Session, grade_id: int, now: datetime | None = None) -> LtiGrade | None:
    """Take a due row for sending, in one statement (of two senders, one gets it)."""
    now = now or utcnow()
    taken = session.execute(
        update(LtiGrade)
        .where(LtiGrade.id == grade_id, LtiGrade.sent_at.is_(None), LtiGrade.next_try_at <= now)
        .values(next_try_at=now + timedelta(minutes=CLAIM_MINUTES))
    )
    return session.get(LtiGrade, grade_id) if taken.rowcount == 1 else None


def scores_url(lineitem: str) -> str:
    parts = urlsplit(lineitem)
    return urlunsplit(parts._replace(path=parts.path.rstrip("/") + "/scores"))


def _access_token(session: Session, platform: LtiPlatform) -> str:
    assertion = lti_keys.sign(
        session,
        {"iss": platform.client_id, "sub": platform.client_id, "aud": platform.token_url},
    )
    answer = lti_net.post_form(
        platform.token_url,
        {
            "grant_type": "client_credentials",
            "client_assertion_type": ASSERTION_TYPE,
            "client_assertion": assertion,
            "scope": SCORE_SCOPE,
        },
    )
    token = answer.get("access_token") if isinstance(answer, dict) else None
    if not token:
        raise lti_net.PlatformUnreachable("the token endpoint gave no access_token")
    return str(token)


def _timestamp(moment: datetime) -> str:
    return moment.replace(tzinfo=UTC).isoformat(timespec="milliseconds")


def send(session: Session, grade: LtiGrade, now: datetime | None = None) -> bool:
    """Send one claimed score. True when the platform took it; otherwise the error is kept and
    the next try is scheduled."""
    now = now or utcnow()
    link = grade.link
    payload = {
        "userId": link.subject,
        "scoreGiven": grade.score,
        "scoreMaximum": 1,
        "activityProgress": "Completed",
        "gradingProgress": "FullyGraded",
        "timestamp": _timestamp(grade.completed_at),
    }
    grade.tries += 1
    try:
        token = _access_token(session, link.platform)
        lti_net.post_json(scores_url(link.lineitem_url), payload, SCORE_TYPE, token)
    except lti_net.PlatformUnreachable as error:
        grade.last_error = str(error)[:500]
        wait = BACKOFF_MINUTES[grade.tries - 1] if grade.tries <= len(BACKOFF_MINUTES) else 720
        grade.next_try_at = now + timedelta(minutes=wait)
        session.flush()
        return False
    grade.sent_at, grade.last_error = now, None
    session.flush()
    return True


def waiting_by_platform(session: Session) -> dict[int, int]:
    """Platform id -> how many scores wait to be sent to it (for the admin's page)."""
    rows = session.execute(
        select(LtiGradeLink.platform_id, func.count(LtiGrade.id))
        .join(LtiGrade, LtiGrade.link_id == LtiGradeLink.id)
        .where(LtiGrade.sent_at.is_(None))
        .group_by(LtiGradeLink.platform_id)
    )
    return {platform_id: count for platform_id, count in rows}
