"""Builders for the supervision tests: a small vocabulary, rules text, and learner histories
written as a few literals."""

from __future__ import annotations

import textwrap
from datetime import date, datetime, timedelta

from app.engine import Competency, SupervisionPrompt, Vocabulary
from app.supervision import (
    ChoiceMade,
    EndingReached,
    History,
    PastAttempt,
    PastSession,
    ReflectionMade,
    Score,
    parse_rules,
)

PATH = "content/supervision-rules.txt"
DAY = datetime(2026, 3, 2, 9, 0)
NOW = datetime(2026, 3, 30, 9, 0)

VOCAB = Vocabulary(
    competencies={
        "triangulation": Competency("triangulation", "Testing self-report", (3,), "finding-3", ""),
        "think-family": Competency("think-family", "Think Family", (6,), "finding-6", ""),
    },
    tags={
        "relied-on-self-report": "Relied on a parent's own account",
        "checked-other-sources": "Checked the account with other sources",
        "partial-picture": "Ended with a partial picture",
    },
)


def rules(text: str):
    """Parse rules text that must be clean."""
    found, problems = parse_rules(textwrap.dedent(text), PATH, VOCAB)
    assert problems == [], [str(p) for p in problems]
    return found


def problems(text: str):
    return parse_rules(textwrap.dedent(text), PATH, VOCAB)[1]


def ask(text: str, stage: str | None = None) -> SupervisionPrompt:
    return SupervisionPrompt(text, stage, 1)


def choice(number, text, *, tags=(), scores=None, prompts=(), offered=(), day=0):
    return ChoiceMade(
        number=number,
        node_id=f"choice-{number}",
        option_text=text,
        tags=tuple(tags),
        scores=scores or {},
        prompts=tuple(prompts),
        at=DAY + timedelta(days=day, minutes=number),
        offered_tags=frozenset(offered) | frozenset(tags),
    )


def reflection(number, text, *, rid=None, day=0, question="Whose account do you rely on?"):
    return ReflectionMade(
        number=number,
        node_id=f"reflect-{number}",
        question=question,
        text=text,
        at=DAY + timedelta(days=day, minutes=number),
        id=rid,
    )


def attempt(
    aid,
    scenario="phone-review",
    *,
    choices=(),
    reflections=(),
    ending=None,
    profile=None,
    day=0,
    done=True,
):
    started = DAY + timedelta(days=day)
    return PastAttempt(
        id=aid,
        scenario_id=scenario,
        scenario_title=scenario.replace("-", " ").capitalize(),
        started_at=started,
        completed_at=started + timedelta(hours=1) if done else None,
        choices=tuple(choices),
        reflections=tuple(reflections),
        ending=ending if done else None,
        profile={k: Score(*v) for k, v in (profile or {}).items()} if done else {},
    )


def ending(outcome="You saw part of the picture", *, tags=(), prompts=(), day=0):
    return EndingReached(
        "end", outcome, tuple(tags), tuple(prompts), DAY + timedelta(days=day, hours=1)
    )


def history(*attempts, sessions=()):
    return History(tuple(attempts), tuple(sessions))


def session(on: date, *keys: str) -> PastSession:
    return PastSession(on, frozenset(keys))
