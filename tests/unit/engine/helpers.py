"""Builders shared by the engine tests: a hand-made vocabulary and small inline scenarios."""

from __future__ import annotations

import textwrap
from pathlib import Path

from app.engine import Answer, Competency, Problem, Vocabulary, check_text, parse, replay

ROOT = Path(__file__).resolve().parents[3]
PATH = "scenarios/test-case.scenario"


def _competency(key: str, name: str, finding: int) -> Competency:
    return Competency(
        key=key,
        name=name,
        findings=(finding,),
        briefing=f"finding-{finding}",
        good=f"Does {name.lower()} well.",
    )


VOCAB = Vocabulary(
    competencies={
        c.key: c
        for c in (
            _competency("triangulation", "Testing self-report", 3),
            _competency("curiosity", "Curiosity about root causes", 4),
            _competency("think-family", "Think family", 6),
        )
    },
    tags={"home-visit": "Home visit", "relied-on-self-report": "Relied on self-report"},
)

HEADER = """\
id: test-case
title: A test case
summary: A small scenario for the engine's tests.
role: Tester
agencies: health
competencies: {competencies}
minutes: 5
flags: {flags}
start: {start}
"""

# A small scenario with nothing wrong in it: every test that breaks something starts near here.
CLEAN = """
=== scene: begin
It is Monday morning.

-> ask

=== choice: ask
Leanne says all is well. What do you do?

* Visit her at home.
  -> home-visit
  set: visited-home
  feedback: You see the home for yourself.
  scores: triangulation +2
  tags: home-visit

* Take her word for it.
  -> done
  feedback: It is quick, but you only have her account.
  scores: triangulation -1
  tags: relied-on-self-report

=== reflection: home-visit
What did the visit tell you?

-> done

=== ending: done
outcome: The review is written up
tags: home-visit
supervision: (analysis) What made you decide?

The week goes on.
"""


def scenario(
    body: str,
    *,
    flags: str = "visited-home, spoke-to-school",
    start: str = "begin",
    competencies: str = "triangulation, curiosity",
) -> str:
    """A whole scenario file: the standard header, a blank line, then `body` dedented."""
    header = HEADER.format(flags=flags, start=start, competencies=competencies)
    return header + "\n" + textwrap.dedent(body).strip("\n") + "\n"


def line_of(text: str, line: str, nth: int = 1) -> int:
    """The 1-based number of the `nth` line of `text` that reads `line` (ignoring indentation)."""
    numbers = [i for i, ln in enumerate(text.split("\n"), 1) if ln.strip() == line.strip()]
    assert len(numbers) >= nth, f"{line!r} occurs {len(numbers)} time(s) in the text"
    return numbers[nth - 1]


def check(text: str, path: str = PATH) -> list[Problem]:
    """Every problem an author would see for `text`."""
    return check_text(text, path, VOCAB)[1]


def where(problems: list[Problem], code: str) -> list[tuple[str, int]]:
    """(path, line) of each problem with `code`, in the order reported."""
    return [(p.path, p.line) for p in problems if p.code == code]


def codes(problems: list[Problem]) -> set[str]:
    return {p.code for p in problems}


def build(text: str):
    """Parse text that must have no syntax problems; returns the Scenario."""
    scenario_, problems = parse(text, PATH)
    assert scenario_ is not None
    assert problems == [], [str(p) for p in problems]
    return scenario_


def answers_for(moves, reflection: str = "some text") -> list[Answer]:
    """Turn reachability moves into the answers a learner would give."""
    out = []
    for kind, index in moves:
        if kind == "continue":
            out.append(Answer.continue_())
        elif kind == "choose":
            out.append(Answer.choose(index))
        elif kind == "reflect":
            out.append(Answer.reflect(reflection))
        else:
            raise AssertionError(f"unknown move {kind!r}")
    return out


def play(scenario_, moves):
    """Replay reachability moves as a learner would; returns the final Position."""
    return replay(scenario_, answers_for(moves))


def message(problems: list[Problem], code: str) -> str:
    """The message of the one problem with `code`."""
    found = [p.message for p in problems if p.code == code]
    assert len(found) == 1, found
    return found[0]
