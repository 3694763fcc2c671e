"""Pure supervision-prompt generation. See README.md: no Flask, no SQLAlchemy, no app imports
other than the pure engine."""

from .cycles import CYCLES, DEFAULT_CYCLE, Cycle, Group, Phase, cycle, group
from .generate import generate
from .model import (
    WRITTEN_WORDS,
    ChoiceMade,
    EndingReached,
    Generated,
    History,
    PastAttempt,
    PastSession,
    Prompt,
    ReflectionMade,
    Score,
)
from .rules import Rule, load_rules, parse_rules

__all__ = [
    "CYCLES",
    "DEFAULT_CYCLE",
    "WRITTEN_WORDS",
    "PastAttempt",
    "ChoiceMade",
    "Cycle",
    "EndingReached",
    "Generated",
    "Group",
    "History",
    "Phase",
    "Prompt",
    "ReflectionMade",
    "Rule",
    "Score",
    "PastSession",
    "cycle",
    "generate",
    "group",
    "load_rules",
    "parse_rules",
]
