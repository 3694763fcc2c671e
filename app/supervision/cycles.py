"""Reflective cycles: how an agenda is grouped. Prompts carry one of four stages (experience,
reflection, analysis, action); each cycle words its phases its own way and says which stages feed
each, so an organisation can choose the model its supervision policy uses without touching the
prompts. The headings are always the stage names, so they match what authors write.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from .model import Prompt


@dataclass(frozen=True)
class Phase:
    title: str
    question: str
    stages: tuple[str, ...]


@dataclass(frozen=True)
class Cycle:
    key: str
    name: str
    phases: tuple[Phase, ...]


# Every cycle's headings are the four stage keywords an author writes (`(analysis) ...`), so a
# supervisor and an author use one set of words; each cycle's own names for its phases are in
# the question shown beside the heading.
CYCLES: dict[str, Cycle] = {
    "kolb": Cycle(
        "kolb",
        "Kolb's learning cycle",
        (
            Phase("Experience", "Concrete experience: what happened?", ("experience",)),
            Phase("Reflection", "Reflective observation: what did you notice?", ("reflection",)),
            Phase(
                "Analysis",
                "Abstract conceptualisation: what sense do you make of it?",
                ("analysis",),
            ),
            Phase("Action", "Active experimentation: what will you try next time?", ("action",)),
        ),
    ),
    "gibbs": Cycle(
        "gibbs",
        "Gibbs' reflective cycle",
        (
            Phase("Experience", "Description: what happened?", ("experience",)),
            Phase(
                "Reflection",
                "Feelings and evaluation: what were you feeling? What went well and what did not?",
                ("reflection",),
            ),
            Phase(
                "Analysis", "Analysis and conclusion: what sense can you make of it?", ("analysis",)
            ),
            Phase("Action", "Action plan: what would you do if it arose again?", ("action",)),
        ),
    ),
    "4x4x4": Cycle(
        "4x4x4",
        "Morrison's 4x4x4 supervision cycle",
        (
            Phase("Experience", "What happened, and what was it like?", ("experience",)),
            Phase("Reflection", "What did you notice, and how did it feel?", ("reflection",)),
            Phase("Analysis", "What does it mean? What do you know that helps?", ("analysis",)),
            Phase(
                "Action",
                "Plan and act: what will you do, and what support do you need?",
                ("action",),
            ),
        ),
    ),
}
DEFAULT_CYCLE = "kolb"


@dataclass(frozen=True)
class Group:
    """One phase of the cycle with its prompts; `more` counts those left off by a limit."""

    phase: Phase
    prompts: tuple[Prompt, ...]
    more: int = 0


def cycle(key: str | None) -> Cycle:
    """The named cycle; an unknown or empty name falls back to Kolb."""
    return CYCLES.get((key or "").strip().lower(), CYCLES[DEFAULT_CYCLE])


def group(
    prompts: Iterable[Prompt], key: str | None = None, limit: int | None = None
) -> tuple[Group, ...]:
    """Prompts by phase, keeping their order; at most `limit` per phase when given."""
    chosen = cycle(key)
    items = list(prompts)
    groups = []
    for phase in chosen.phases:
        inside = [p for p in items if p.stage in phase.stages]
        shown = inside if limit is None else inside[:limit]
        groups.append(Group(phase, tuple(shown), len(inside) - len(shown)))
    return tuple(groups)
