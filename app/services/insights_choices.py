"""Per choice: the share of each option (for the table and the weighted scenario map); and the
partnership's misconceptions: for each finding and competency, how often each agency chose an
option that lost ground on it, against the partnership as a whole, before and after a date.

An option "loses ground" on a competency when its score for it is below zero; a choice "tests"
a competency when at least one of its options does. Groups under MIN_LEARNERS learners are
suppressed (for a finding or competency, a group counts as big enough only when at least that
many learners answered one of its choices: a safe lower bound on its learners).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..authoring.svg import excerpt
from ..charts import percent
from ..charts.text import clip
from ..engine import NodeKind
from ..engine.model import Option, Scenario
from ..models import ScenarioVersion
from . import insights_query as q
from . import library
from .insights import MIN_LEARNERS, group_names
from .insights_query import Window


def arrow_label(option: Option) -> str:
    """The label the scenario map gives an option's arrow (app.authoring.layout.arrows_of)."""
    return f"{option.text} (kept last)" if option.keep_last else option.text


@dataclass(frozen=True)
class OptionShare:
    node_id: str
    question: str
    option: str
    answers: int
    share: int | None  # None: suppressed


@dataclass(frozen=True)
class ChoiceShares:
    learners: dict[str, int]  # node -> learners who answered it
    options: list[OptionShare]

    def map_weights(self) -> dict[tuple[str, str], tuple[float, str]]:
        return {
            (o.node_id, o.option): (o.share / 100, f"{o.share}% ({o.answers})")
            for o in self.options
            if o.share is not None
        }


def choice_shares(
    session: Session, win: Window, version: ScenarioVersion, agency_id: int | None = None
) -> ChoiceShares:
    """Each option's share of the answers at its choice, for one version (option numbers
    belong to a version), for the partnership or one agency."""
    scenario = library.parsed(version)
    by = "agency" if agency_id is not None else "partnership"
    wanted = agency_id if agency_id is not None else 0
    picks: dict = defaultdict(int)
    for _, node, option, grp, erased, _, n in q.choices(session, win, [version.id], by):
        if grp == wanted and not (erased and agency_id is not None):
            picks[(node, option)] += n
    learners: dict = defaultdict(int)
    for _, node, grp, erased, _, n in q.choices(session, win, [version.id], by, False):
        if grp == wanted and not erased:
            learners[node] += n
    shares = []
    for node in scenario.nodes.values():
        if node.kind != NodeKind.CHOICE:
            continue
        total = sum(picks[(node.id, o.index)] for o in node.options)
        shown = learners[node.id] >= MIN_LEARNERS
        for option in node.options:
            n = picks[(node.id, option.index)]
            shares.append(
                OptionShare(
                    node.id,
                    excerpt(node),
                    arrow_label(option),
                    n if shown else 0,
                    percent(n, total) if shown else None,
                )  # fmt: skip
            )
    return ChoiceShares(dict(learners), shares)


# -- misconceptions ------------------------------------------------------------------------


@dataclass(frozen=True)
class Theme:
    """A finding or a competency: the competencies whose losses count for it."""

    key: str
    label: str
    competencies: frozenset[str]


@dataclass(frozen=True)
class Cell:
    weak: int
    answers: int
    learners: int  # the most learners at any one of its choices: a lower bound

    @property
    def rate(self) -> int | None:
        return percent(self.weak, self.answers) if self.learners >= MIN_LEARNERS else None


@dataclass(frozen=True)
class Hotspot:
    """Where a group's weak answers on a theme cluster: one choice of one scenario."""

    scenario: str
    question: str
    option: str
    rate: int


@dataclass(frozen=True)
class ThemeRow:
    theme: Theme
    group: str
    periods: tuple[Cell, ...]  # before and after the date, or one for the whole range
    partnership: tuple[Cell, ...]
    hotspot: Hotspot | None

    def sentence(self, period: int = -1) -> str | None:
        mine, all_ = self.periods[period].rate, self.partnership[period].rate
        if mine is None or all_ is None:
            return None
        where = ""
        if self.hotspot:
            h = self.hotspot
            where = (
                f" Most often at “{h.question}” in {h.scenario} ({h.rate}% there), usually "
                f"by choosing “{h.option}”."
            )
        return (
            f"{self.group} staff chose an option that lost ground on {self.theme.label} "
            f"{mine}% of the time, against {all_}% across the whole partnership.{where}"
        )


def themes(sources) -> list[Theme]:
    """Each finding of each source, then each competency."""
    out = []
    for source in sources.sources.values():
        comps = source.vocabulary.competencies
        for finding in source.findings:
            keys = frozenset(k for k, c in comps.items() if finding.number in c.findings)
            if keys:
                label = f"Finding {finding.number}: {finding.title}"
                out.append(Theme(f"{source.id}:finding-{finding.number}", label, keys))
    seen = set()
    for source in sources.sources.values():
        for key, comp in source.vocabulary.competencies.items():
            if key not in seen:
                seen.add(key)
                out.append(Theme(key, comp.name, frozenset({key})))
    return out


def misconceptions(
    session: Session, win: Window, sources, pivot: date | None = None
) -> list[ThemeRow]:
    """For each theme and agency: weak answers / answers at choices testing it, per period."""
    # One pass at agency level; the partnership's figures are its sums (every learner is in
    # one agency or none, so learners add up too; erased attempts count only there).
    opts = q.choices(session, win, None, "agency", True, pivot)
    nodes = q.choices(session, win, None, "agency", False, pivot)
    ids = {row[0] for row in opts}
    versions = {
        v.id: v for v in session.scalars(select(ScenarioVersion).where(ScenarioVersion.id.in_(ids)))
    }
    parsed = {vid: library.parsed(v) for vid, v in versions.items()}
    periods = 2 if pivot else 1
    names = group_names(session, "agency")
    found = [(opts, nodes), (_whole(opts), _whole(nodes))]
    all_themes = themes(sources)
    agency_cells, agency_spots = _tally(found[0], parsed, all_themes, periods)
    whole_cells, _ = _tally(found[1], parsed, all_themes, periods)
    rows = []
    for theme in all_themes:
        whole = tuple(whole_cells.get((theme.key, 0, p), Cell(0, 0, 0)) for p in range(periods))
        if not any(c.answers for c in whole):
            continue
        for grp, name in sorted(names.items(), key=lambda kv: kv[1]):
            cells = tuple(
                agency_cells.get((theme.key, grp, p), Cell(0, 0, 0)) for p in range(periods)
            )
            if any(c.answers for c in cells):
                spot = agency_spots.get((theme.key, grp, periods - 1))
                rows.append(ThemeRow(theme, name, cells, whole, spot))
    return rows


def _whole(rows) -> list[tuple]:
    """Agency rows summed into the partnership's (group 0), keeping the erased flag; the
    group is the fourth-from-last column, the count the last."""
    sums: dict = defaultdict(int)
    for *keys, _grp, erased, period, n in rows:
        sums[(*keys, 0, erased, period)] += n
    return [(*key, n) for key, n in sums.items()]


def _weak(option: Option, theme: Theme) -> bool:
    return any(option.scores.get(c, 0) < 0 for c in theme.competencies)


def _tally(found, parsed: dict[int, Scenario], all_themes, periods):
    """Roll option-level counts up to (theme, group, period) cells and hotspots."""
    opts, nodes = found
    weak: dict = defaultdict(int)
    answers: dict = defaultdict(int)
    by_option: dict = defaultdict(int)
    node_learners: dict = defaultdict(int)
    for vid, node_id, grp, erased, period, n in nodes:
        if not erased:
            node_learners[(vid, node_id, grp, period)] += n
    tests: dict = {}
    for vid, scenario in parsed.items():
        for node in scenario.nodes.values():
            for theme in all_themes:
                if any(_weak(o, theme) for o in node.options):
                    tests.setdefault((vid, node.id), []).append(theme)
    for vid, node_id, index, grp, erased, period, n in opts:
        if erased and grp != 0:
            continue
        node = parsed[vid].nodes.get(node_id)
        option = next((o for o in node.options if o.index == index), None) if node else None
        for theme in tests.get((vid, node_id), []) if option else []:
            key = (theme.key, grp, period)
            answers[key] += n
            answers[(key, vid, node_id)] += n
            if _weak(option, theme):
                weak[key] += n
                weak[(key, vid, node_id)] += n
                by_option[(key, vid, node_id, index)] += n
    cells, spots = {}, {}
    for key in [k for k in answers if len(k) == 3 and isinstance(k[0], str)]:
        theme_key, grp, period = key
        at_nodes = [
            (vid, node_id)
            for (vid, node_id), ts in tests.items()
            if any(t.key == theme_key for t in ts)
        ]
        most = max((node_learners[(v, n, grp, period)] for v, n in at_nodes), default=0)
        cells[key] = Cell(weak[key], answers[key], most)
        spots[key] = _hotspot(key, at_nodes, weak, answers, by_option, node_learners, parsed)
    return cells, spots


def _hotspot(key, at_nodes, weak, answers, by_option, node_learners, parsed):
    best = None
    for vid, node_id in at_nodes:
        n = answers.get((key, vid, node_id), 0)
        if not n or node_learners[(vid, node_id, key[1], key[2])] < MIN_LEARNERS:
            continue
        rate = percent(weak.get((key, vid, node_id), 0), n)
        if rate and (best is None or rate > best[0]):
            best = (rate, vid, node_id)
    if best is None:
        return None
    rate, vid, node_id = best
    node = parsed[vid].nodes[node_id]
    top = max(node.options, key=lambda o: by_option.get((key, vid, node_id, o.index), 0))
    return Hotspot(parsed[vid].title, clip(excerpt(node), 560), clip(top.text, 560), rate)


def standouts(rows: list[ThemeRow]) -> list[str]:
    """The sentences for groups weaker than the partnership (latest period), widest gap first."""
    found = []
    for row in rows:
        mine, whole = row.periods[-1].rate, row.partnership[-1].rate
        if mine is not None and whole is not None and mine > whole:
            found.append((mine - whole, row.sentence()))
    return [s for _, s in sorted(found, key=lambda p: -p[0])]
