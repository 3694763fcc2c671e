"""The competency profile of a path: per competency, the score won as a share of the best on
offer at the choices the learner actually met (options hidden by conditions do not count)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Scenario
from .stepper import Step


def kept(won: int, best: int) -> int:
    """Points won, kept between 0 and the best on offer: the one clamp every figure uses."""
    return max(0, min(won, best))


def share(won: int, best: int) -> float | None:
    """0.0-1.0, or None when nothing was on offer (the competency was not tested)."""
    return None if best <= 0 else kept(won, best) / best


def overall_percent(scores: Iterable[tuple[int, int]]) -> int | None:
    """Across attempts: the kept points of each (won, best) over all the points on offer."""
    scores = list(scores)
    best = sum(b for _, b in scores)
    return round(100 * sum(kept(w, b) for w, b in scores) / best) if best > 0 else None


@dataclass(frozen=True)
class CompetencyResult:
    """Won and best-available points for one competency over one path."""

    key: str
    won: int
    best: int

    @property
    def share(self) -> float | None:
        """0.0-1.0, or None when no choice met offered points for this competency."""
        return share(self.won, self.best)

    @property
    def percent(self) -> int | None:
        share = self.share
        return None if share is None else round(share * 100)


def profile(scenario: Scenario, path: Iterable[Step]) -> dict[str, CompetencyResult]:
    """Competency results for a path, in the scenario's competency order, then any others."""
    won: dict[str, int] = {key: 0 for key in scenario.competencies}
    best: dict[str, int] = {key: 0 for key in scenario.competencies}
    for step in path:
        chosen = step.option
        if chosen is None:
            continue
        offered = step.node.offered_options(step.flags_before)
        keys = {k for option in offered for k in option.scores}
        for key in keys:
            top = max(option.scores.get(key, 0) for option in offered)
            best[key] = best.get(key, 0) + max(0, top)
            won[key] = won.get(key, 0) + chosen.scores.get(key, 0)
    return {key: CompetencyResult(key, won[key], best[key]) for key in won}
