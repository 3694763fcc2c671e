"""A plain-English coach for authors: per step, its reading ease, sentences over 25 words and
terms a reader may not know; per choice, whether the best option gives itself away by its length
or its cue words. Pure: the glossary's terms and a plain-words list are passed in."""

from __future__ import annotations

import re
from dataclasses import dataclass

import textstat

from ..engine.bias import MAX_LENGTH_RATIO, choice_figure
from ..engine.model import Node, NodeKind, Scenario
from ..engine.stats import plain

LONG_SENTENCE = 25  # words
PLAIN_EASE = 60  # Flesch reading ease: 60 or more is plain English
_SENTENCE = re.compile(r"(?<=[.!?])\s+|\n{2,}|\n(?=[-*] )")
_WORD = re.compile(r"[A-Za-z][A-Za-z'&-]*")
_ACRONYM = re.compile(r"\b[A-Z][A-Z&]{1,6}s?\b")


@dataclass(frozen=True)
class StepAdvice:
    node_id: str
    reading_ease: float | None  # None when the step has too few words to judge
    long_sentences: tuple[tuple[int, str], ...]  # (words, the sentence)
    terms: tuple[str, ...]  # acronyms and long words not in the glossary or plain-words list
    choice: ChoiceAdvice | None

    @property
    def hard(self) -> bool:
        return self.reading_ease is not None and self.reading_ease < PLAIN_EASE

    @property
    def notes(self) -> int:
        """How many things the author might look at again."""
        bias = len(self.choice.warnings) if self.choice else 0
        return int(self.hard) + len(self.long_sentences) + len(self.terms) + bias


@dataclass(frozen=True)
class ChoiceAdvice:
    best_words: float  # mean words in the best options
    other_words: float
    ratio: float | None
    best_cues: tuple[str, ...]
    other_cues: tuple[str, ...]
    warnings: tuple[str, ...]  # in plain words, each with what to do


def terms_from_glossary(markdown: str) -> frozenset[str]:
    """Every term the glossary explains, lower-case: each heading and what its brackets hold,
    so 'Accident and emergency (A&E)' gives 'accident and emergency' and 'a&e'."""
    found = set()
    for heading in re.findall(r"^## (.+)$", markdown, re.M):
        inside = re.findall(r"\(([^)]*)\)", heading)
        found.add(re.sub(r"\s*\([^)]*\)", "", heading).strip().lower())
        found.update(term.strip().lower() for term in inside)
    return frozenset(found)


def _known(word: str, glossary: frozenset[str], plain_words: frozenset[str]) -> bool:
    lower = word.lower().rstrip("s") if len(word) > 3 else word.lower()
    if word.lower() in plain_words or lower in plain_words:
        return True
    return any(word.lower() in term.split() or lower in term.split() for term in glossary)


def _prose(node: Node) -> str:
    parts = [node.outcome, node.text] + [o.text for o in node.options]
    return "\n\n".join(plain(p) for p in parts if p)


def _choice(node: Node) -> ChoiceAdvice | None:
    figure = choice_figure(node) if node.kind == NodeKind.CHOICE else None
    if figure is None:
        return None
    best = [o for o in figure.options if o.quality == "best"]
    others = [o for o in figure.options if o.quality != "best"]
    best_words = sum(o.words for o in best) / len(best)
    other_words = sum(o.words for o in others) / len(others)
    ratio = round(best_words / other_words, 2) if other_words else None
    best_cues = tuple(sorted({c for o in best for c in o.cues}))
    other_cues = tuple(sorted({c for o in others for c in o.cues}))
    warnings = []
    if ratio is not None and ratio > MAX_LENGTH_RATIO:
        warnings.append(
            f"The best option is {ratio} times as long as the others. Learners learn to pick the "
            f"longest answer, so shorten it or lengthen the others (aim for {MAX_LENGTH_RATIO} "
            "or less)."
        )
    if best_cues and not other_cues:
        warnings.append(
            f"Only the best option uses {', '.join(repr(c) for c in best_cues)}. Words like "
            "these tell the learner which answer you prefer: say what the worker does instead, "
            "or use them in other options too."
        )
    return ChoiceAdvice(best_words, other_words, ratio, best_cues, other_cues, tuple(warnings))


def advise(node: Node, glossary: frozenset[str], plain_words: frozenset[str]) -> StepAdvice:
    """The coach's notes on one step."""
    prose = _prose(node)
    sentences = [" ".join(s.split()) for s in _SENTENCE.split(prose) if s.strip()]
    long = tuple((len(s.split()), s) for s in sentences if len(s.split()) > LONG_SENTENCE)
    words = len(prose.split())
    ease = round(float(textstat.flesch_reading_ease(prose)), 1) if words >= 10 else None
    terms: dict[str, None] = {}
    for acronym in _ACRONYM.findall(prose):
        if acronym not in ("I", "OK") and not _known(acronym.rstrip("s"), glossary, plain_words):
            terms[acronym] = None
    for word in _WORD.findall(prose):
        if (
            word[0].islower()
            and textstat.syllable_count(word) >= 4
            and not _known(word, glossary, plain_words)
        ):
            terms[word.lower()] = None
    return StepAdvice(node.id, ease, long, tuple(terms), _choice(node))


def advise_all(
    scenario: Scenario, glossary: frozenset[str], plain_words: frozenset[str]
) -> list[StepAdvice]:
    """The coach's notes on every step, in file order."""
    return [advise(node, glossary, plain_words) for node in scenario.nodes.values()]
