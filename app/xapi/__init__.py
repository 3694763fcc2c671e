"""xAPI 1.0.3 statements for what learners did, from plain data (no Flask, no database).

`attempt_statements` and `exercise_statements` turn facts (app.xapi.facts) into statements;
`problems` checks a statement against the specification's rules (used by the tests and before
anything is queued). See README.md for the choices made (actors, ids, extensions).
"""

from .attempts import attempt_statements
from .exercises import exercise_statements
from .facts import (
    AttemptFacts,
    ExerciseChoiceFacts,
    ExerciseFacts,
    ShareFacts,
    Site,
    StepFacts,
)
from .statement import carries_text, without_text
from .validate import problems
from .vocab import registration_for, statement_id

__all__ = [
    "AttemptFacts",
    "ExerciseChoiceFacts",
    "ExerciseFacts",
    "ShareFacts",
    "Site",
    "StepFacts",
    "attempt_statements",
    "carries_text",
    "exercise_statements",
    "problems",
    "registration_for",
    "statement_id",
    "without_text",
]
