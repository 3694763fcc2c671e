"""The pure scenario engine. See README.md: no Flask, no SQLAlchemy, no app imports."""

from .model import (
    AnswerKind,
    Condition,
    Node,
    NodeKind,
    Option,
    Problem,
    Route,
    Scenario,
    SupervisionPrompt,
)
from .parser import parse
from .reachability import paths_to_endings
from .scoring import CompetencyResult, profile
from .source_files import load_shipped_sources
from .sources import Finding, Source, SourceSet
from .stepper import MAX_REFLECTION_CHARS, Answer, Position, Step, StepError, advance, replay, start
from .validator import check_text, validate
from .vocabulary import AGENCY_KINDS, Competency, Vocabulary, load_vocabulary

__all__ = [
    "AGENCY_KINDS",
    "Answer",
    "AnswerKind",
    "Competency",
    "Finding",
    "Source",
    "SourceSet",
    "load_shipped_sources",
    "CompetencyResult",
    "Condition",
    "MAX_REFLECTION_CHARS",
    "Node",
    "NodeKind",
    "Option",
    "Position",
    "Problem",
    "Route",
    "Scenario",
    "Step",
    "StepError",
    "SupervisionPrompt",
    "Vocabulary",
    "advance",
    "check_text",
    "load_vocabulary",
    "parse",
    "paths_to_endings",
    "profile",
    "replay",
    "start",
    "validate",
]
