"""Figures about a scenario for authors and tests: size, coverage, reading ease, originality."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

import textstat

from .model import NodeKind, Scenario

# Linear: a heading run is matched only from its first '#', and link text and address stop at
# the next bracket or parenthesis, so no start rescans the rest of the text.
_MD_NOISE = re.compile(r"(\*\*|__|`|(?<!#)#+\s|\[([^\[\]]*)\]\([^()]*\))")
_WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")


def learner_prose(scenario: Scenario) -> list[str]:
    """Every piece of text a learner reads in the scenario, in file order."""
    parts = [scenario.title, scenario.summary, scenario.content_note]
    for node in scenario.nodes.values():
        parts += [node.outcome, node.text]
        for option in node.options:
            parts += [option.text, option.feedback, option.say]
    return [p for p in parts if p]


def plain(text: str) -> str:
    """Markdown with links reduced to their words, for reading-ease and overlap checks."""
    return _MD_NOISE.sub(lambda m: m.group(2) or " ", text)


def reading_ease(scenario: Scenario) -> float:
    """Flesch reading ease of all learner-facing prose (60+ is plain English)."""
    sentences = []
    for part in learner_prose(scenario):
        part = plain(part).strip()
        if part and part[-1] not in ".!?":
            part += "."
        sentences.append(part)
    return round(float(textstat.flesch_reading_ease(" ".join(sentences))), 1)


def stats(scenario: Scenario) -> dict[str, Any]:
    """The numbers `flask scenarios stats --json` prints for one scenario."""
    nodes = list(scenario.nodes.values())
    scored = {k for n in nodes for o in n.options for k in o.scores}
    return {
        "id": scenario.id,
        "path": scenario.path,
        "title": scenario.title,
        "role": scenario.role,
        "nodes": len(nodes),
        "choice_points": sum(1 for n in nodes if n.kind == NodeKind.CHOICE),
        "endings": sum(1 for n in nodes if n.kind == NodeKind.ENDING),
        "reflection_prompts": sum(1 for n in nodes if n.kind == NodeKind.REFLECTION),
        "flags": list(scenario.flags),
        "competencies": sorted(set(scenario.competencies) | scored),
        "content_note": bool(scenario.content_note),
        "reading_ease": reading_ease(scenario),
    }


def words(text: str) -> list[str]:
    return _WORD.findall(plain(text).lower().replace("\u2019", "'"))


def masked_words(text: str, exceptions: Iterable[str] = ()) -> list[str]:
    """The words of `text`, with each cited title blanked out (blanks match nothing)."""
    ours = words(text)
    for title in map(words, exceptions):  # word by word, so line breaks inside do not matter
        n = len(title)
        for i in range(len(ours) - n + 1):
            if n and ours[i : i + n] == title:
                ours[i : i + n] = [""] * n
    return ours


def shared_runs(text: str, source: str, size: int = 8, exceptions: Iterable[str] = ()) -> list[str]:
    """Runs of `size` words that `text` shares with `source`, ignoring cited titles."""
    ours = masked_words(text, exceptions)
    theirs = words(source)
    grams = {tuple(theirs[i : i + size]) for i in range(len(theirs) - size + 1)}
    found = []
    for i in range(len(ours) - size + 1):
        gram = tuple(ours[i : i + size])
        if "" not in gram and gram in grams:
            found.append(" ".join(gram))
    return found
