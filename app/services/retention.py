"""Retention: once an attempt has had no answer for the configured number of days, its
reflections (with comments on them and any kept drafts) are deleted and the attempt is detached
from the person, so its answers only count in anonymous aggregates."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Select, delete, func, select, update
from sqlalchemy.orm import Session

from ..db import utcnow
from ..models import (
    Attempt,
    AttemptAnswer,
    AttemptSummary,
    Reflection,
    ReflectionComment,
    ReflectionDraft,
    XapiStatement,
)


@dataclass(frozen=True)
class Outcome:
    attempts: int  # detached from the person
    answers: int  # in those attempts, kept anonymously
    reflections: int  # deleted
    comments: int  # deleted with their reflections
    drafts: int  # kept reflection drafts deleted

    def summary(self, dry_run: bool) -> str:
        verb = "Would" if dry_run else "Did"
        return (
            f"{verb} delete {self.reflections} reflection(s), {self.comments} comment(s) on them "
            f"and {self.drafts} reflection draft(s); {verb.lower()} detach {self.attempts} "
            f"attempt(s) ({self.answers} answer(s) kept anonymously)."
        )


def _expired_attempts(cutoff: datetime) -> Select:
    """Attempts still linked to a person whose last activity is before `cutoff`."""
    last_answer = (
        select(func.max(AttemptAnswer.created_at))
        .where(AttemptAnswer.attempt_id == Attempt.id)
        .scalar_subquery()
    )
    last = func.coalesce(Attempt.completed_at, last_answer, Attempt.started_at)
    return select(Attempt.id).where(Attempt.user_id.is_not(None), last < cutoff)


def apply(session: Session, days: int, now: datetime | None = None) -> Outcome:
    """Apply the retention period; the caller commits (or rolls back for a dry run)."""
    cutoff = (now or utcnow()) - timedelta(days=days)
    ids = list(session.scalars(_expired_attempts(cutoff)))
    answer_ids = select(AttemptAnswer.id).where(AttemptAnswer.attempt_id.in_(ids))
    reflection_ids = select(Reflection.id).where(Reflection.answer_id.in_(answer_ids))
    comments = session.execute(
        delete(ReflectionComment).where(ReflectionComment.reflection_id.in_(reflection_ids))
    ).rowcount
    reflections = session.execute(
        delete(Reflection).where(Reflection.answer_id.in_(answer_ids))
    ).rowcount
    drafts = session.execute(
        delete(ReflectionDraft).where(ReflectionDraft.attempt_id.in_(ids))
    ).rowcount
    answers = session.scalar(
        select(func.count()).select_from(AttemptAnswer).where(AttemptAnswer.attempt_id.in_(ids))
    )
    # queued xAPI statements of those attempts go too (they may hold reflection text); what a
    # record store already received is that store's to keep or delete
    session.execute(
        delete(XapiStatement).where(XapiStatement.source.in_([f"attempt:{i}" for i in ids]))
    )
    # the kept path summaries go with the link to the person (app/services/attempt_summaries.py)
    session.execute(delete(AttemptSummary).where(AttemptSummary.attempt_id.in_(ids)))
    attempts = session.execute(
        update(Attempt).where(Attempt.id.in_(ids)).values(user_id=None)
    ).rowcount
    session.expire_all()
    return Outcome(attempts, answers or 0, reflections, comments, drafts)
