"""Supervision use cases: the team dashboard, a learner's page and agenda, recording a session,
agreed actions, comments on reflections, and the audit entry for every read of someone else's
reflections. A session is passed in; nothing here reads the request or renders a page.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

from sqlalchemy import and_, func, insert, or_, select
from sqlalchemy.orm import Session, selectinload

from ..authz import supervisees_clause
from ..db import utcnow
from ..engine import Vocabulary
from ..models import (
    AgreedAction,
    Attempt,
    AttemptAnswer,
    AuditEvent,
    Reflection,
    ReflectionComment,
    User,
)
from ..supervision import Generated, Rule, generate, load_rules
from .library import vocabulary
from .profiles import CompetencyRow, competency_rows
from .supervision_input import LearnerData, load_learners

RULES_FILE = "supervision-rules.txt"
ATTEMPTS_PER_PAGE = 10  # on a learner's page, newest first
log = logging.getLogger(__name__)


@lru_cache(maxsize=8)
def _rules(path: str, content_dir: str, mtime: float) -> tuple[Rule, ...]:
    rules, problems = load_rules(path, vocabulary(content_dir))
    for problem in problems:
        log.warning("supervision rule left out: %s", problem)
    return tuple(rules)


def rules_path(config) -> Path:
    """SUPERVISION_RULES if set (tests use their own), else the file in content/."""
    return Path(config.get("SUPERVISION_RULES") or Path(config["CONTENT_DIR"]) / RULES_FILE)


def rules_for(config) -> tuple[Rule, ...]:
    """The valid rules (re-read when the file changes; none if it is missing). Rules with
    problems are left out and logged; `flask supervision check` lists them with their lines."""
    path = rules_path(config)
    if not path.exists():
        return ()
    return _rules(str(path), config["CONTENT_DIR"], path.stat().st_mtime)


def all_rules(session: Session, config) -> tuple[Rule, ...]:
    """The rules file's rules, then each learning source's own (app/services/source_rules.py),
    which look only at the scenarios naming their source."""
    from .source_rules import for_supervision

    return rules_for(config) + for_supervision(session, config["CONTENT_DIR"])


@dataclass
class LearnerSummary:
    """What a supervisor needs about one learner: for the dashboard, page and agenda."""

    data: LearnerData
    prompts: Generated
    profile: list[CompetencyRow]
    open_actions: list[AgreedAction] = field(default_factory=list)

    @property
    def learner(self) -> User:
        return self.data.learner

    @property
    def started(self) -> int:
        return len(self.data.attempts)

    @property
    def completed(self) -> int:
        return sum(1 for a in self.data.attempts if a.attempt.completed_at)

    @property
    def last_active(self) -> datetime | None:
        times = [a.past.started_at for a in self.data.attempts]
        times += [r.at for a in self.data.attempts for r in a.past.reflections + a.past.choices]
        return max(times, default=None)

    @property
    def latest_reflection(self) -> tuple[Reflection, str] | None:
        found = [
            (r.reflection, a.attempt.version.title)
            for a in self.data.attempts
            for r in a.rows
            if r.reflection
        ]
        return max(found, key=lambda f: (f[0].created_at, f[0].id), default=None)

    @property
    def last_session(self) -> date | None:
        return self.data.sessions[0].held_on if self.data.sessions else None

    def overdue(self, today: date) -> list[AgreedAction]:
        return [a for a in self.open_actions if a.due_on and a.due_on < today]


def summarise(data: LearnerData, rules, vocab: Vocabulary, now: datetime) -> LearnerSummary:
    generated = generate(data.history, rules, vocab, now)
    actions = [a for s in data.sessions for a in s.actions if a.done_at is None]
    actions.sort(key=lambda a: (a.due_on or date.max, a.id))
    return LearnerSummary(data, generated, competency_rows(data, vocab), actions)


def supervisees(session: Session, supervisor: User) -> list[User]:
    """The supervisor's own active supervisees: the same set `can(..., 'supervise_learner')`."""
    return list(
        session.scalars(
            select(User)
            .where(supervisees_clause(supervisor))
            .order_by(User.display_name, User.id)
            .options(selectinload(User.team), selectinload(User.agency))
        )
    )


def team(
    session: Session, supervisor: User, rules, vocab: Vocabulary, now: datetime
) -> list[LearnerSummary]:
    """One summary per supervisee, from a fixed number of queries whatever the team's size."""
    learners = supervisees(session, supervisor)
    loaded = load_learners(session, learners)
    return [summarise(loaded[u.id], rules, vocab, now) for u in learners]


def learner(
    session: Session, person: User, rules, vocab: Vocabulary, now: datetime
) -> LearnerSummary:
    return summarise(load_learners(session, [person])[person.id], rules, vocab, now)


def comments_on(session: Session, reflection_ids) -> dict[int, list[ReflectionComment]]:
    """Comments by reflection id, oldest first, in one query."""
    found: dict[int, list[ReflectionComment]] = {}
    if not reflection_ids:
        return found
    rows = session.scalars(
        select(ReflectionComment)
        .where(ReflectionComment.reflection_id.in_(list(reflection_ids)))
        .order_by(ReflectionComment.created_at, ReflectionComment.id)
    )
    for comment in rows:
        found.setdefault(comment.reflection_id, []).append(comment)
    return found


def audit_reads(session: Session, actor: User, shown: dict[int, list[int]], page: str) -> None:
    """One audit entry per learner whose reflections `actor` was shown on this page view, in a
    single statement. `shown` maps learner id -> reflection ids; reading your own is not logged."""
    rows = [
        {
            "at": utcnow(),
            "actor_id": actor.id,
            "action": "read_reflections",
            "subject_user_id": subject_id,
            "detail": {"reflection_ids": sorted(set(ids)), "page": page},
        }
        for subject_id, ids in shown.items()
        if ids and subject_id != actor.id
    ]
    if rows:
        session.execute(insert(AuditEvent), rows)


def attempts_page(session: Session, reflection: Reflection) -> int:
    """The page of its learner's supervision page (attempts newest first, ATTEMPTS_PER_PAGE a
    page) that shows `reflection`, so a link to `#reflection-N` lands on it."""
    attempt = session.scalar(
        select(Attempt)
        .join(AttemptAnswer, AttemptAnswer.attempt_id == Attempt.id)
        .where(AttemptAnswer.id == reflection.answer_id)
    )
    if attempt is None or attempt.user_id is None:
        return 1
    newer = session.scalar(
        select(func.count())
        .select_from(Attempt)
        .where(
            Attempt.user_id == attempt.user_id,
            or_(
                Attempt.started_at > attempt.started_at,
                and_(Attempt.started_at == attempt.started_at, Attempt.id > attempt.id),
            ),
        )
    )
    return (newer or 0) // ATTEMPTS_PER_PAGE + 1
