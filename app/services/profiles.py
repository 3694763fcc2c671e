"""A learner's competency profile across their completed attempts, for supervisors."""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import Vocabulary
from .supervision_input import LearnerData


@dataclass(frozen=True)
class CompetencyRow:
    """One competency: the overall share across attempts and the share in each attempt."""

    key: str
    name: str
    findings: tuple[int, ...]
    briefing: str
    percent: int | None
    each: tuple[tuple[str, int], ...]  # (scenario title, percent), oldest first

    @property
    def low(self) -> bool:
        return self.percent is not None and self.percent < 50


def competency_rows(data: LearnerData, vocab: Vocabulary) -> list[CompetencyRow]:
    """Every competency in vocabulary order; `percent` is None when no attempt tested it.

    Overall is points won over points on offer, summed across attempts (each attempt's won
    points kept between 0 and its best, as on the learner's own profile)."""
    rows = []
    for key, comp in vocab.competencies.items():
        won = best = 0
        each = []
        for view in data.attempts:
            score = view.past.profile.get(key)
            if score is None or score.share is None:
                continue
            won += max(0, min(score.won, score.best))
            best += score.best
            each.append((view.past.scenario_title, round(score.share * 100)))
        percent = round(100 * won / best) if best else None
        rows.append(
            CompetencyRow(key, comp.name, comp.findings, comp.briefing, percent, tuple(each))
        )
    return rows
