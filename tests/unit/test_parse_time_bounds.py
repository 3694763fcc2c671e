"""Every parser of uploaded or authored text runs in linear time: pathological inputs (long runs
of spaces, `[[`, `::`, `|`, `->`, unclosed macros, nested brackets) finish within a generous CPU
bound. The old patterns backtracked: `:: a` + 400 spaces + `[` alone cost 23 s."""

from __future__ import annotations

import contextlib
import time

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from app.authoring.twine import import_story
from app.authoring.twine_read import MAX_LINE_CHARS, MAX_STORY_CHARS, TwineError, read_story
from app.authoring.twine_text import clean, split_links
from app.engine import check_text
from app.engine.stats import stats
from tests.unit.engine.helpers import VOCAB

BOUND_SECONDS = 1.0
SIZE = 100_000

PIECES = [" ", "\t", "a", "\n", "::", "[[", "]]", "[", "]", "{", "}", "|", "->", "<-", "<<", ">>",
          "<%", "%>", "(", ")", "(set:", "\\", "''", "//", ":", "*", "===", "if", " and ", "$x",
          "](", "  feedback: ", "* ", "-> a if ", "choice: a", "\"", "<b>"]  # fmt: skip


def _spent(fn, *args) -> float:
    began = time.process_time()
    with contextlib.suppress(TwineError, ValueError):  # a clear refusal is fine; hanging is not
        fn(*args)
    return time.process_time() - began


def _twee(body: str) -> None:
    import_story(read_story(":: Start\n" + body))


def _header(body: str) -> None:
    import_story(read_story(":: a" + body))


def _html(body: str) -> None:
    page = (
        '<tw-storydata name="S" startnode="1"><tw-passagedata pid="1" name="Start">'
        + body.replace("<", "&lt;")
        + "</tw-passagedata></tw-storydata>"
    )
    import_story(read_story(page))


def _passage_text(body: str) -> None:
    text, _, _ = split_links(body)
    clean(text, "harlowe")


def _scenario(body: str) -> None:
    text = "id: x\ntitle: t\nstart: a\n\n=== choice: a\n" + body
    scenario, _ = check_text(text, "x.scenario", VOCAB)
    if scenario is not None:
        stats(scenario)


def _scenario_lines(body: str) -> None:
    """The same, cut into lines short enough for the parser to read."""
    _scenario("\n".join(body[i : i + 10_000] for i in range(0, len(body), 10_000)))


PARSERS = [_twee, _header, _html, _passage_text, _scenario, _scenario_lines]

runs = st.lists(
    st.tuples(st.sampled_from(PIECES), st.integers(min_value=1, max_value=4000)),
    min_size=1,
    max_size=6,
)


def _build(parts: list[tuple[str, int]]) -> str:
    return "".join(piece * count for piece, count in parts)[:SIZE]


@pytest.mark.parametrize(
    "body",
    [
        " " * 5000 + "[",  # the passage header that took hours
        "[[" * 40000,
        "<<" * 40000,
        "<%" * 40000,
        "(a:" * 30000,
        "-> b if " + " " * 20000 + "x",
        "  feedback: " + "[" * 50000,
        "[a](" * 20000,
        "x and" + " " * 50000,
    ],
    ids=["header", "links", "sugarcube", "snowman", "harlowe", "route", "md", "md-link", "and"],
)
@pytest.mark.parametrize("parser", PARSERS, ids=lambda f: f.__name__.strip("_"))
def test_known_pathological_inputs_parse_in_linear_time(parser, body):
    assert _spent(parser, body) < BOUND_SECONDS


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(parts=runs)
def test_generated_pathological_inputs_parse_in_linear_time(parts):
    body = _build(parts)
    for parser in PARSERS:
        assert _spent(parser, body) < BOUND_SECONDS, (parser.__name__, parts)


def test_oversized_twine_uploads_are_refused_with_a_clear_message():
    with pytest.raises(TwineError, match="larger than"):
        read_story(":: Start\n" + "a" * MAX_STORY_CHARS)
    with pytest.raises(TwineError, match=f"Line 2 of the file is longer than {MAX_LINE_CHARS:,}"):
        read_story(":: Start\n" + "a" * (MAX_LINE_CHARS + 1))


def test_over_long_scenario_lines_are_named_as_problems():
    from app.engine.parser import MAX_LINE_CHARS as SCENARIO_LINE

    text = "id: x\ntitle: " + "t" * (SCENARIO_LINE + 1) + "\n"
    _, problems = check_text(text, "x.scenario", VOCAB)
    assert any(p.line == 2 and "longer than" in p.message for p in problems)
