"""Does a rule's pattern hold for a learner, and on what evidence? One function per kind of
`when:` sentence; each returns `Match`es carrying the figures the rule's text may quote."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import date, datetime

from ..engine import Vocabulary
from ..engine.scoring import overall_percent
from ..engine.wording import plural
from .model import History, PastAttempt, ReflectionMade
from .rules import Rule

MAX_REFLECTIONS = 2  # reflections quoted per prompt, newest first: keeps the agenda to a page


@dataclass(frozen=True)
class Match:
    """One way a rule holds: `subject` is the competency for `competency any` rules."""

    values: dict[str, object]
    trigger: str
    evidence_at: datetime | None
    reflection_ids: tuple[int, ...] = ()
    subject: str | None = None


def day(value: date | datetime) -> str:
    """'3 March 2026': the way dates read in the product."""
    return f"{value.day} {value:%B %Y}"


def listing(words: Iterable[str]) -> str:
    items = list(dict.fromkeys(words))
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


def attempts_phrase(count: int) -> str:
    """'1 attempt', '3 attempts': for the {attempts} placeholder."""
    return plural(count, "attempt")


def newest_ids(reflections: Iterable[ReflectionMade]) -> tuple[int, ...]:
    shown = [r for r in reflections if r.id is not None and r.text]
    shown.sort(key=lambda r: (r.at, r.id), reverse=True)
    return tuple(dict.fromkeys(r.id for r in shown))[:MAX_REFLECTIONS]


def following(attempt: PastAttempt, number: int) -> list[ReflectionMade]:
    """The first reflection the learner wrote after step `number`: often about that choice."""
    later = [r for r in attempt.reflections if r.number > number and r.text]
    return later[:1]


def _tagged(rule: Rule, history: History, vocab: Vocabulary, now: datetime) -> list[Match]:
    tag = rule.when.subject or ""
    label = vocab.tags.get(tag, tag)
    if rule.when.kind in ("chose", "missed"):
        seen = [
            (a, c)
            for a in history.attempts
            for c in a.choices
            if tag in c.offered_tags or tag in c.tags
        ]
        chose = rule.when.kind == "chose"
        hits = [(a, c) for a, c in seen if (tag in c.tags) == chose]
        times = [c.at for _, c in hits]
        notes = [r for a, c in hits for r in following(a, c.number)]
        verb = "chosen" if chose else "passed over"
        what = f"“{label}” {verb} at {len(hits)} of {len(seen)} decisions where it was on offer"
    else:
        seen = [(a, None) for a in history.completed]
        hits = [(a, None) for a in history.completed if a.ending and tag in a.ending.tags]
        times = [a.completed_at for a, _ in hits if a.completed_at]
        notes = [r for a, _ in hits for r in a.reflections]
        what = f"Endings marked “{label}” in {len(hits)} of {len(seen)} completed attempts"
    attempts = tuple({a.id: a for a, _ in hits}.values())
    scenarios = {a.scenario_id for a in attempts}
    if len(scenarios) < rule.when.number:
        return []
    titles = listing(a.scenario_title for a in attempts)
    values = {"tag": label, "count": len(hits), "of": len(seen), "scenarios": titles}
    values |= {"scenario_count": len(scenarios), "attempts": attempts_phrase(len(attempts))}
    return [Match(values, f"{what} ({titles})", max(times, default=None), newest_ids(notes))]


def _competency(rule: Rule, history: History, vocab: Vocabulary, now: datetime) -> list[Match]:
    keys = list(vocab.competencies) if rule.when.subject == "any" else [rule.when.subject or ""]
    found = []
    for key in keys:
        assessed = [
            a for a in history.completed if key in a.profile and a.profile[key].share is not None
        ]
        if not assessed:
            continue
        shares = [a.profile[key].share or 0.0 for a in assessed]
        low = rule.when.kind == "below"
        if not all(
            (s * 100 < rule.when.number) if low else (s * 100 >= rule.when.number) for s in shares
        ):
            continue
        percent = overall_percent((a.profile[key].won, a.profile[key].best) for a in assessed)
        name = vocab.name_of(key)
        titles = listing(a.scenario_title for a in assessed)
        values = {"competency": name, "percent": percent, "threshold": rule.when.number}
        values |= {"count": len(assessed), "of": len(assessed), "scenarios": titles}
        values["attempts"] = attempts_phrase(len(assessed))
        side = "under" if low else "at least"
        tested = attempts_phrase(len(assessed))
        trigger = (
            f"Choices touching {name} won {side} {rule.when.number}% of the points on offer in "
            f"every attempt that explored it ({tested}: {titles}): a simulation's points, not a "
            "measure of practice"
        )
        times = [a.completed_at for a in assessed if a.completed_at]
        notes = [r for a in assessed for r in a.reflections]
        found.append(Match(values, trigger, max(times, default=None), newest_ids(notes), key))
    return found


def _short(rule: Rule, history: History, vocab: Vocabulary, now: datetime) -> list[Match]:
    every = [(a, r) for a in history.attempts for r in a.reflections]
    short = [(a, r) for a, r in every if r.text is None or r.words < rule.when.number]
    if len(short) < max(1, rule.when.minimum):
        return []
    skipped = sum(1 for _, r in short if r.text is None)
    titles = listing(a.scenario_title for a, _ in short)
    values = {"count": len(short), "of": len(every), "scenarios": titles, "words": rule.when.number}
    trigger = f"{len(short)} of {len(every)} reflections skipped or under {rule.when.number} words ({skipped} skipped; {titles})"
    return [Match(values, trigger, max(r.at for _, r in short), newest_ids(r for _, r in short))]


def _unwritten(rule: Rule, history: History, vocab: Vocabulary, now: datetime) -> list[Match]:
    bare = [a for a in history.completed if not any(r.written for r in a.reflections)]
    if not bare:
        return []
    titles = listing(a.scenario_title for a in bare)
    values = {"count": len(bare), "of": len(history.completed), "scenarios": titles}
    values["attempts"] = attempts_phrase(len(bare))
    trigger = f"Completed {len(bare)} of {len(history.completed)} attempts without writing a reflection ({titles})"
    times = [a.completed_at for a in bare if a.completed_at]
    return [Match(values, trigger, max(times), newest_ids(r for a in bare for r in a.reflections))]


def days_ago(days: int) -> str:
    """'today', 'yesterday', '12 days ago'."""
    return "today" if days <= 0 else "yesterday" if days == 1 else f"{days} days ago"


def _unsupervised(rule: Rule, history: History, vocab: Vocabulary, now: datetime) -> list[Match]:
    last = history.last_session
    pending = [
        a
        for a in history.completed
        if last is None or (a.completed_at and a.completed_at.date() > last)
    ]
    if not pending:
        return []
    first = min(a.completed_at for a in pending if a.completed_at)
    days = (now.date() - first.date()).days
    if days < rule.when.number:
        return []
    titles = listing(a.scenario_title for a in pending)
    since = (
        f"since the last session on {day(last)}"
        if last
        else "and has not had a supervision session here yet"
    )
    ago = days_ago(days)
    values = {"count": len(pending), "of": len(history.completed), "scenarios": titles}
    values |= {"days": days, "last_session": day(last) if last else "none yet"}
    values["since"] = (
        f"since your last supervision on {day(last)}"
        if last
        else "before your first supervision session here"
    )
    values["first_done"] = ago if len(pending) == 1 else f"the first {ago}"
    values["attempts"] = attempts_phrase(len(pending))
    done = attempts_phrase(len(pending))
    when = f"finished {ago}" if len(pending) == 1 else f"the first finished {ago}"
    trigger = f"Completed {done} ({titles}) {since}; {when}"
    latest = max(a.completed_at for a in pending if a.completed_at)
    return [Match(values, trigger, latest, newest_ids(r for a in pending for r in a.reflections))]


def _completed(rule: Rule, history: History, vocab: Vocabulary, now: datetime) -> list[Match]:
    done = list(history.completed)
    scenarios = {a.scenario_id for a in done}
    if not done or len(scenarios) < rule.when.number:
        return []
    titles = listing(a.scenario_title for a in done)
    values = {"count": len(scenarios), "of": len(scenarios), "scenarios": titles}
    values["attempts"] = attempts_phrase(len(done))
    trigger = f"Completed {attempts_phrase(len(done))} ({titles})"
    latest = max(a.completed_at for a in done if a.completed_at)
    return [Match(values, trigger, latest, newest_ids(r for a in done for r in a.reflections))]


MATCHERS: dict[str, Callable[[Rule, History, Vocabulary, datetime], list[Match]]] = {
    "chose": _tagged,
    "missed": _tagged,
    "ended": _tagged,
    "below": _competency,
    "at-least": _competency,
    "short-reflections": _short,
    "no-reflections": _unwritten,
    "no-supervision": _unsupervised,
    "completed": _completed,
}


def matches(rule: Rule, history: History, vocab: Vocabulary, now: datetime) -> list[Match]:
    """Every way `rule` holds for this learner (none when it does not), looking only at the
    attempts of the scenarios the rule is for."""
    if rule.scenarios is not None:
        kept = tuple(a for a in history.attempts if a.scenario_id in rule.scenarios)
        history = replace(history, attempts=kept)
    return MATCHERS[rule.when.kind](rule, history, vocab, now)
