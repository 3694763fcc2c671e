"""Partnership insights: starts, completions, time and endings per scenario and exercise, by
agency or team, from the SQL in insights_query. The rules every figure follows:

- no group of fewer than MIN_LEARNERS learners is shown: its numbers are suppressed and the page
  says why (a group's learners are counted only among people who still have an account);
- no learner is named and no free text (reflections, reasons) is read;
- attempts whose learner was erased (attempts.user_id NULL) still count in the partnership's
  figures, but belong to no agency or team and never count towards MIN_LEARNERS.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..charts import median, percent
from ..models import Agency, ExerciseVersion, StoredExercise, StoredScenario, Team
from . import exercise_library
from . import insights_query as q
from .insights_query import Window

MIN_LEARNERS = 5
SUPPRESSED = f"Not shown: fewer than {MIN_LEARNERS} learners"
ERASED_NOTE = (
    "Attempts by people whose accounts were erased still count in the partnership's figures, "
    "but in no agency or team, and never towards the five learners a group needs to be shown."
)


@dataclass(frozen=True)
class Row:
    """One line of an activity table: an activity for one group."""

    activity: str
    group: str
    learners: int
    starts: int
    completions: int
    median_minutes: float | None

    @property
    def suppressed(self) -> bool:
        return self.learners < MIN_LEARNERS

    @property
    def rate(self) -> float | None:
        return round(100 * self.completions / self.starts) if self.starts else None


def group_names(session: Session, by: str) -> dict:
    """Group key -> what the page calls it; None is the people with no agency (or team)."""
    if by == "agency":
        names: dict = {k: v for k, v in session.execute(select(Agency.id, Agency.name))}
        names[None] = "No agency recorded"
        return names
    if by == "team":
        rows = session.execute(select(Team.id, Team.name, Agency.name).join(Agency))
        names = {tid: f"{team} ({agency})" for tid, team, agency in rows}
        names[None] = "No team recorded"
        return names
    return {0: "Whole partnership"}


def scenario_rows(session: Session, win: Window, scenario_id: int | None = None) -> list[Row]:
    """One row per scenario (or for one) and group (erased attempts only in the partnership's
    rows)."""
    titles = _scenario_titles(session)
    names = group_names(session, win.by)
    counts: dict = defaultdict(lambda: [0, 0, 0])
    for sid, grp, erased, starts, done, learners, _ in q.scenario_activity(
        session, win, None, scenario_id
    ):
        if erased and win.by != "partnership":
            continue
        cell = counts[(sid, grp)]
        cell[0] += starts
        cell[1] += done
        cell[2] += 0 if erased else learners
    minutes: dict = defaultdict(list)
    for sid, grp, erased, minute, n in q.scenario_minutes(session, win, None, scenario_id):
        if not (erased and win.by != "partnership"):
            minutes[(sid, grp)].append((minute, n))
    rows = [
        Row(
            titles.get(sid, "?"), names.get(grp, "?"), c[2], c[0], c[1], median(minutes[(sid, grp)])
        )
        for (sid, grp), c in counts.items()
    ]
    return sorted(rows, key=lambda r: (r.activity, r.group))


def _scenario_titles(session: Session) -> dict[int, str]:
    rows = session.execute(
        select(StoredScenario.id, StoredScenario.slug, StoredScenario.current_version_id)
    )
    versions = {v.id: v.title for v in _versions(session)}
    return {sid: versions.get(vid, slug) for sid, slug, vid in rows}


def _versions(session: Session):
    from ..models import ScenarioVersion

    current = select(StoredScenario.current_version_id)
    return session.scalars(select(ScenarioVersion).where(ScenarioVersion.id.in_(current)))


def exercise_rows(session: Session, win: Window) -> list[Row]:
    """One row per exercise and group: a start is joining a session, a completion the session
    passing its last phase; time runs from joining to the person's last decision."""
    versions = list(session.scalars(select(ExerciseVersion)))
    if not versions:
        return []
    phases = {v.id: len(exercise_library.parsed(v).phases) for v in versions}
    current = {
        k: v
        for k, v in session.execute(select(StoredExercise.id, StoredExercise.current_version_id))
    }
    titles = {v.exercise_id: v.title for v in versions if current.get(v.exercise_id) == v.id}
    names = group_names(session, win.by)
    spans: dict = defaultdict(list)
    for eid, grp, joined, last in q.exercise_spans(session, win):
        spans[(eid, grp)].append((round((last - joined).total_seconds() / 60), 1))
    rows = [
        Row(
            titles.get(eid, "?"),
            names.get(grp, "?"),
            learners,
            starts,
            int(done or 0),
            median(spans[(eid, grp)]),
        )  # fmt: skip
        for eid, grp, starts, done, learners in q.exercise_activity(session, win, phases)
    ]
    return sorted(rows, key=lambda r: (r.activity, r.group))


@dataclass(frozen=True)
class EndingTable:
    endings: list[str]
    rows: list[tuple[str, int, list[int | None]]]  # group, learners who finished, % per ending


def endings(session: Session, win: Window, scenario_id: int) -> EndingTable:
    """The share of each ending among finished attempts, per group."""
    names = group_names(session, win.by)
    finishers: dict = defaultdict(int)
    for sid, grp, erased, *_, finished in q.scenario_activity(session, win, None, scenario_id):
        if sid == scenario_id and not erased:
            finishers[grp] += finished
    counts: dict = defaultdict(lambda: defaultdict(int))
    for outcome, grp, erased, n in q.scenario_endings(session, win, scenario_id):
        if not (erased and win.by != "partnership"):
            counts[grp][outcome or "Ended"] += n
    labels = sorted({o for per in counts.values() for o in per})
    rows = []
    for grp, per in counts.items():
        total, learners = sum(per.values()), finishers[grp]
        shares = [percent(per[o], total) if learners >= MIN_LEARNERS else None for o in labels]
        rows.append((names.get(grp, "?"), learners, shares))
    return EndingTable(labels, sorted(rows))
