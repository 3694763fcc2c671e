"""Decisions the pattern page takes off the author, as data: the scores an option's strength
gives, questions for supervision to tick instead of writing (per stage, and per competency),
tags suggested from an option's words, and sentences to start an ending's debrief. Everything
offered becomes ordinary scenario text the author can change afterwards.

The questions ask about the learner's own practice and thinking, in plain English, as a skilled
supervisor would (content guide, section 4); each starts with its stage."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

STRENGTHS = {
    "strongest": ("The strongest option", 2),
    "partly": ("Partly right", 1),
    "weak": ("Weak", -1),
}

OPTION_QUESTIONS = {
    "opt-experience": "(experience) What did you notice in the scene that led you to this choice?",
    "opt-reflection": "(reflection) How did you feel as you made this choice?",
    "opt-analysis": "(analysis) What made this option seem right at the time?",
    "opt-action": "(action) What would you do the same, or differently, in your own work?",
}
ENDING_QUESTIONS = {
    "end-experience": "(experience) When have you met a situation like this in your own work?",
    "end-reflection": "(reflection) How did this ending leave you feeling, and why?",
    "end-analysis": "(analysis) What helped, or got in the way of, seeing the whole picture?",
    "end-action": "(action) What will you do differently at your next visit?",
}
COMPETENCY_QUESTIONS = {
    "child-voice": "(analysis) Whose voice was missing here, and how could you hear it?",
    "triangulation": "(analysis) What would you need, beyond the parent's account, to be sure?",
    "info-sharing": "(analysis) On what basis could you share, or not share, information here?",
    "curiosity": "(analysis) What else might explain what you saw?",
    "family-network": "(action) Who in the wider family could you speak with, and how?",
    "think-family": "(analysis) How might the adult's needs shape the children's day?",
}

DEBRIEF_STARTERS = {
    "": "No opening sentence",
    "helped": "What made the difference here:",
    "missed": "Nothing here was done carelessly.",
    "part": "This went part of the way.",
    "next-time": "Think about what could help another time.",
}

# Tags a competency suggests: (for a strong or partly right option, for a weak one).
COMPETENCY_TAGS = {
    "triangulation": ("checked-other-sources", "relied-on-self-report"),
    "child-voice": ("child-voice-heard", "child-not-seen"),
    "curiosity": ("explored-root-cause", "presenting-issue-only"),
    "family-network": ("network-involved", "network-not-heard"),
    "think-family": ("think-family", "parent-not-seen-as-parent"),
    "info-sharing": ("shared-proportionately", "consent-barrier"),
}
# Words in an option that suggest a tag (whole words, any case).
WORD_TAGS = {
    "home-visit": ("visit", "visiting", "home"),
    "checked-other-sources": ("school", "gp", "check", "records", "nursery", "midwife"),
    "relied-on-self-report": ("accept", "accepts", "reassured", "believe", "leave"),
    "consent-conversation": ("consent", "agree", "permission"),
    "child-voice-heard": ("child", "baby", "son", "daughter"),
    "network-involved": ("grandmother", "grandfather", "aunt", "uncle", "relative", "family"),
    "recorded-decision": ("record", "recorded", "note"),
}
ENDING_TAGS = {"strongest": "whole-picture", "weak": "partial-picture"}
MAX_SUGGESTED = 3


def scores(strength: str, competencies: Iterable[str]) -> dict[str, int]:
    """The score an option's strength gives each of the scenario's competencies."""
    if strength not in STRENGTHS:
        return {}
    return {key: STRENGTHS[strength][1] for key in competencies}


def questions(kind: str, competencies: Iterable[str]) -> dict[str, str]:
    """The questions offered for an option or an ending: one per stage, then one for each of
    the scenario's competencies that has one."""
    offered = dict(OPTION_QUESTIONS if kind == "option" else ENDING_QUESTIONS)
    for key in competencies:
        if key in COMPETENCY_QUESTIONS:
            offered[f"comp-{key}"] = COMPETENCY_QUESTIONS[key]
    return offered


def question_text(key: str) -> str | None:
    if key.startswith("comp-"):
        return COMPETENCY_QUESTIONS.get(key.removeprefix("comp-"))
    return OPTION_QUESTIONS.get(key) or ENDING_QUESTIONS.get(key)


def suggest_tags(
    words: str, strength: str, competencies: Iterable[str], known: Mapping[str, str]
) -> list[str]:
    """Tags for an option from its words, its strength and the scenario's competencies, only
    among `known` tags, at most three: the author confirms them."""
    found = set(re.findall(r"[a-z]+", words.lower()))
    weak = strength == "weak"
    suggested: list[str] = []
    for key in competencies:
        if key in COMPETENCY_TAGS and strength in STRENGTHS:
            suggested.append(COMPETENCY_TAGS[key][1 if weak else 0])
    for tag, cues in WORD_TAGS.items():
        if found & set(cues):
            suggested.append(tag)
    # a weak option's words do not earn the tags of good practice, nor a strong one's the others
    good = {pair[0] for pair in COMPETENCY_TAGS.values()} | {"home-visit", "child-voice-heard"}
    bad = {pair[1] for pair in COMPETENCY_TAGS.values()}
    suggested = [t for t in suggested if t not in (good if weak else bad)]
    unique = list(dict.fromkeys(t for t in suggested if t in known))
    return unique[:MAX_SUGGESTED]


def ending_tags(strength: str, known: Mapping[str, str]) -> tuple[str, ...]:
    tag = ENDING_TAGS.get(strength)
    return (tag,) if tag and tag in known else ()


def debrief(starter: str, text: str) -> str:
    """The debrief with its opening sentence, if one was chosen."""
    opening = DEBRIEF_STARTERS.get(starter, "") if starter else ""
    if not opening:
        return text.strip()
    return f"{opening} {text.strip()}".strip()
