"""Checks that need the whole exercise: every name points at something, every option has
feedback, scores and tags come from the shared vocabulary. Each problem names file and line."""

from __future__ import annotations

from ..engine.model import Problem
from ..engine.vocabulary import Vocabulary
from .model import Basis, Exercise
from .parser import parse


def _duplicates(exercise: Exercise) -> list[tuple[int, str]]:
    seen: set[str] = set()
    found = []
    groups = (exercise.seats, exercise.phases, exercise.fragments, exercise.decisions)
    for item in (item for group in groups for item in group):
        if item.id in seen:
            found.append((item.line, item.id))
        seen.add(item.id)
    return found


def validate(exercise: Exercise, vocab: Vocabulary | None = None) -> list[Problem]:
    """Every structural problem in a parsed exercise."""
    problems: list[Problem] = []

    def add(line: int, code: str, message: str) -> None:
        problems.append(Problem(exercise.path, line, code, message))

    for key, value in (("title", exercise.title), ("summary", exercise.summary)):
        if not value:
            add(1, "missing-setting", f"the header needs a '{key}:'")
    if not exercise.seats:
        add(1, "no-seats", "an exercise needs at least two seats")
    if not exercise.phases:
        add(1, "no-phases", "an exercise needs at least one phase")
    for line, name in _duplicates(exercise):
        add(line, "duplicate-id", f"{name!r} is used twice")
    seats = {s.id for s in exercise.seats}
    phases = {p.id for p in exercise.phases}
    decisions = {d.id: d for d in exercise.decisions}
    for seat in exercise.seats:
        if not seat.name or not seat.brief:
            add(seat.line, "seat-incomplete", f"seat {seat.id!r} needs a name and a brief")
    for phase in exercise.phases:
        if not phase.title or not phase.narrative:
            add(phase.line, "phase-incomplete", f"phase {phase.id!r} needs a title and a story")
    for fragment in exercise.fragments:
        _check_fragment(fragment, seats, phases, decisions, exercise, add)
    for decision in exercise.decisions:
        if decision.phase not in phases:
            add(decision.line, "unknown-phase", f"no phase {decision.phase!r}")
        if decision.seat not in seats:
            add(decision.line, "unknown-seat", f"no seat {decision.seat!r}")
        if len(decision.options) < 2:
            add(decision.line, "few-options", "a decision needs at least two options")
        if decision.typical is not None and not 0 <= decision.typical < len(decision.options):
            add(decision.line, "bad-typical", "'typical:' must be an option number")
        for option in decision.options:
            if not option.feedback:
                add(option.line, "no-feedback", "every option needs 'feedback:'")
            for key, _ in option.scores:
                if vocab is not None and key not in vocab.competencies:
                    add(option.line, "unknown-competency", f"no competency {key!r}")
            for tag in option.tags:
                if vocab is not None and tag not in vocab.tags:
                    add(option.line, "unknown-tag", f"no tag {tag!r} in content/tags.toml")
    return problems


def _check_fragment(fragment, seats, phases, decisions, exercise, add) -> None:
    if fragment.phase not in phases:
        add(fragment.line, "unknown-phase", f"no phase {fragment.phase!r}")
    if fragment.seat not in seats:
        add(fragment.line, "unknown-seat", f"no seat {fragment.seat!r}")
    if not fragment.title or not fragment.text:
        add(
            fragment.line, "fragment-incomplete", f"fragment {fragment.id!r} needs a title and text"
        )
    if not fragment.best or not fragment.advice:
        add(fragment.line, "no-advice", "a fragment needs 'best:' and 'advice:' on sharing it")
    for name in fragment.changes:
        decision = decisions.get(name)
        if decision is None:
            add(fragment.line, "unknown-decision", f"'changes:' names no decision {name!r}")
        elif decision.seat == fragment.seat:
            add(fragment.line, "changes-own-seat", f"{name!r} belongs to the holding seat")
        elif (
            fragment.phase in phases
            and decision.phase in phases
            and exercise.phase_index(decision.phase) < exercise.phase_index(fragment.phase)
        ):
            add(fragment.line, "changes-earlier", f"{name!r} is decided before this is known")
    if fragment.changes and not fragment.changes_why:
        add(fragment.line, "no-changes-why", "say in 'changes-why:' how it would change it")
    if fragment.typical is not None:
        for seat in fragment.typical.to:
            if seat not in seats or seat == fragment.seat:
                add(fragment.line, "bad-typical", f"'typical:' cannot share with {seat!r}")
        if fragment.typical.to and fragment.typical.basis == Basis.NOT_SHARED:
            add(fragment.line, "bad-typical", "shared 'typical:' needs a sharing 'typical-basis:'")


def check_text(
    text: str, path: str = "<text>", vocab: Vocabulary | None = None
) -> tuple[Exercise | None, list[Problem]]:
    """Parse and validate: the exercise (None if unreadable) and every problem, by line."""
    exercise, problems = parse(text, path)
    if exercise is None:
        return None, problems
    return exercise, sorted(problems + validate(exercise, vocab), key=lambda p: p.line)
