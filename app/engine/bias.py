"""Can a learner game a choice without reading it? Figures on how the best options look.

At each choice the *best* options are those with the highest score sum (an option's scores
added up over competencies; ties are all best). The others are *poor* when their score sum is
below 0 and *middle* otherwise. Choices whose options all score the same have no best option to
spot and are left out. For each group: how many options, their mean length in words, and how many
contain a cue word; for each choice, where the first best option sits in file order.

The library tests bound two of these: per scenario, the best options' mean length is at most
`MAX_LENGTH_RATIO` times the others'; across the library, the share of best options with a cue
word is at most the others' share plus `MAX_CUE_GAP` (5 percentage points).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from .model import Node, NodeKind, Scenario

# Words that tell a reader which option the author prefers (whole words, any case). The one list:
# the stats command, the library tests and the content guide's advice all use this constant.
CUE_WORDS: tuple[str, ...] = (
    "openly",
    "gently",
    "kindly",
    "honestly",
    "plainly",
    "explain",
    "explains",
    "explaining",
    "why",
    "carefully",
    "calmly",
    "respectfully",
    "sensitively",
    "warmly",
    "clearly",
)
MAX_LENGTH_RATIO = 1.15
MAX_CUE_GAP = 0.05
_CUE = re.compile(r"\b(" + "|".join(CUE_WORDS) + r")\b", re.IGNORECASE)
_MARKUP = re.compile(r"[*_`]")


def word_count(text: str) -> int:
    return len(_MARKUP.sub("", text).split())


def cue_words(text: str) -> list[str]:
    """The cue words in `text`, lower-cased, in order."""
    return [m.lower() for m in _CUE.findall(text)]


@dataclass(frozen=True)
class OptionFigure:
    quality: str  # "best", "middle" or "poor"
    words: int
    cues: tuple[str, ...]


@dataclass(frozen=True)
class ChoiceFigure:
    node_id: str
    options: tuple[OptionFigure, ...]
    best_position: int  # 0-based place of the first best option in file order
    best_is_longest: bool  # a best option has the most words at this choice


def choice_figure(node: Node) -> ChoiceFigure | None:
    """The figures for one choice, or None when its options cannot be told apart by score."""
    sums = [sum(o.scores.values()) for o in node.options]
    if len(set(sums)) < 2:
        return None
    top = max(sums)
    figures = []
    for option, total in zip(node.options, sums, strict=True):
        quality = "best" if total == top else "poor" if total < 0 else "middle"
        figures.append(
            OptionFigure(quality, word_count(option.text), tuple(cue_words(option.text)))
        )
    longest = max(f.words for f in figures)
    return ChoiceFigure(
        node.id,
        tuple(figures),
        sums.index(top),
        any(f.words == longest for f in figures if f.quality == "best"),
    )


def choice_figures(scenario: Scenario) -> list[ChoiceFigure]:
    found = (choice_figure(n) for n in scenario.nodes.values() if n.kind == NodeKind.CHOICE)
    return [f for f in found if f is not None]


def _mean(options: list[OptionFigure]) -> float | None:
    return sum(o.words for o in options) / len(options) if options else None


def _ratio(best: float | None, others: float | None) -> float | None:
    return round(best / others, 3) if best and others else None


def _group(options: list[OptionFigure]) -> dict[str, Any]:
    with_cue = sum(1 for o in options if o.cues)
    return {
        "options": len(options),
        "mean_words": round(_mean(options), 1) if options else None,
        "with_cue_words": with_cue,
        "cue_share": round(with_cue / len(options), 3) if options else None,
    }


def summary(choices: Iterable[ChoiceFigure]) -> dict[str, Any]:
    """Pooled figures over `choices` (one scenario's, or the whole library's)."""
    choices = list(choices)
    options = [o for c in choices for o in c.options]
    groups = {q: [o for o in options if o.quality == q] for q in ("best", "middle", "poor")}
    others = groups["middle"] + groups["poor"]
    best, rest = _group(groups["best"]), _group(others)
    ratio = _ratio(_mean(groups["best"]), _mean(others))
    gap = (
        round(best["cue_share"] - rest["cue_share"], 3)
        if best["cue_share"] is not None and rest["cue_share"] is not None
        else None
    )
    positions = Counter(c.best_position for c in choices)
    return {
        "choices": len(choices),
        "best": best,
        "middle": _group(groups["middle"]),
        "poor": _group(groups["poor"]),
        "others": rest,
        "length_ratio": ratio,
        "cue_share_gap": gap,
        "best_position": {str(p): positions[p] for p in sorted(positions)},
        "best_is_longest": sum(1 for c in choices if c.best_is_longest),
        "cue_words_used": dict(Counter(w for o in options for w in o.cues).most_common()),
    }


def bias(scenario: Scenario) -> dict[str, Any]:
    return summary(choice_figures(scenario))


def library_bias(scenarios: Iterable[Scenario]) -> dict[str, Any]:
    return summary(f for s in scenarios for f in choice_figures(s))


def describe(figures: dict[str, Any]) -> str:
    """One line for the stats command's text output."""
    best, middle, poor = figures["best"], figures["middle"], figures["poor"]
    first = figures["best_position"].get("0", 0)
    return (
        f"best options {best['mean_words']} words vs others {figures['others']['mean_words']} "
        f"(ratio {figures['length_ratio']}); cue words in best {best['with_cue_words']}/"
        f"{best['options']}, middle {middle['with_cue_words']}/{middle['options']}, poor "
        f"{poor['with_cue_words']}/{poor['options']}; best written first at {first} of "
        f"{figures['choices']} choices, longest at {figures['best_is_longest']}"
    )
