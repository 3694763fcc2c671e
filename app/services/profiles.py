"""A learner's competency profile across their completed attempts, for supervisors."""

from __future__ import annotations

from dataclasses import dataclass

from ..engine import Competency, Vocabulary
from ..engine.scoring import overall_percent
from .supervision_input import LearnerData


@dataclass(frozen=True)
class CompetencyRow:
    """One competency: the overall share across attempts and the share in each attempt."""

    competency: Competency
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
        tested = [
            (view.past.scenario_title, score)
            for view in data.attempts
            if (score := view.past.profile.get(key)) is not None and score.share is not None
        ]
        percent = overall_percent((score.won, score.best) for _, score in tested)
        each = [(title, round((score.share or 0) * 100)) for title, score in tested]
        rows.append(CompetencyRow(comp, percent, tuple(each)))
    return rows
