"""Prompts that scenario authors wrote on options and endings (`supervision:` lines), raised when
the learner chose that option or reached that ending. The same prompt met in several attempts
becomes one prompt that says so."""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace

from ..engine import SupervisionPrompt, Vocabulary
from .model import History, PastAttempt, Prompt, Score
from .patterns import day, following, newest_ids

DEFAULT_STAGE = {"choice": "reflection", "ending": "analysis"}
# After every pattern rule (whose priority is its place in the rules file): weak choices first.
PRIORITY = {"weak-choice": 10_001, "ending": 10_002, "choice": 10_003}


@dataclass(frozen=True)
class _Raised:
    prompt: Prompt
    attempt: PastAttempt


def prompt_key(source: str, scenario_id: str, node_id: str, text: str) -> str:
    """Stable across versions and page views: changes only if the author rewrites the prompt."""
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:10]
    return f"{source}:{scenario_id}:{node_id}:{digest}"


def choice_competency(scores: Mapping[str, int]) -> str | None:
    """The competency a choice bears on most: its lowest score if any is negative (what the
    choice missed), else its highest."""
    if not scores:
        return None
    items = list(scores.items())
    low = min(items, key=lambda kv: kv[1])
    return low[0] if low[1] < 0 else max(items, key=lambda kv: kv[1])[0]


def weakest(profile: Mapping[str, Score]) -> str | None:
    """The competency with the lowest share in an attempt (first in profile order on a tie)."""
    assessed = [(k, s.share) for k, s in profile.items() if s.share is not None]
    return min(assessed, key=lambda kv: kv[1])[0] if assessed else None


def _findings(key: str | None, vocab: Vocabulary) -> tuple[int, ...]:
    return vocab.competencies[key].findings if key in vocab.competencies else ()


def _stage(prompt: SupervisionPrompt, source: str) -> str:
    return prompt.stage or DEFAULT_STAGE[source]


def _raise_all(history: History, vocab: Vocabulary) -> Iterator[_Raised]:
    for attempt in history.attempts:
        when = f"{attempt.scenario_title}, {day(attempt.started_at)}"
        for choice in attempt.choices:
            competency = choice_competency(choice.scores)
            weak = min(choice.scores.values(), default=0) < 0
            for written in choice.prompts:
                yield _Raised(
                    Prompt(
                        key=prompt_key("choice", attempt.scenario_id, choice.node_id, written.text),
                        stage=_stage(written, "choice"),
                        text=written.text,
                        trigger=f"Chose “{choice.option_text}” ({when})",
                        source="choice",
                        competency=competency,
                        findings=_findings(competency, vocab),
                        reflection_ids=newest_ids(following(attempt, choice.number)),
                        evidence_at=choice.at,
                        priority=PRIORITY["weak-choice" if weak else "choice"],
                    ),
                    attempt,
                )
        ending = attempt.ending
        if ending is None or attempt.completed_at is None:
            continue
        competency = weakest(attempt.profile)
        for written in ending.prompts:
            yield _Raised(
                Prompt(
                    key=prompt_key("ending", attempt.scenario_id, ending.node_id, written.text),
                    stage=_stage(written, "ending"),
                    text=written.text,
                    trigger=f"Reached the ending “{ending.outcome}” ({when})",
                    source="ending",
                    competency=competency,
                    findings=_findings(competency, vocab),
                    reflection_ids=newest_ids(attempt.reflections),
                    evidence_at=ending.at,
                    priority=PRIORITY["ending"],
                ),
                attempt,
            )


def authored_prompts(history: History, vocab: Vocabulary) -> list[Prompt]:
    """One prompt per key: the newest time it was raised, noting how often it came up."""
    groups: dict[str, list[_Raised]] = {}
    for raised in _raise_all(history, vocab):
        groups.setdefault(raised.prompt.key, []).append(raised)
    found = []
    for items in groups.values():
        items.sort(key=lambda r: (r.prompt.evidence_at, r.attempt.id))
        newest = items[-1].prompt
        earlier = len({r.attempt.id for r in items}) - 1
        if earlier:
            more = "attempt" if earlier == 1 else "attempts"
            newest = replace(newest, trigger=f"{newest.trigger}; also in {earlier} earlier {more}")
        found.append(newest)
    return found
