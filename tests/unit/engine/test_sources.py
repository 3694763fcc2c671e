"""Learning sources in the pure engine: a scenario's `sources:` line picks its vocabulary."""

from __future__ import annotations

import textwrap

from app.authoring import to_text
from app.engine import (
    Competency,
    Finding,
    Source,
    SourceSet,
    Vocabulary,
    check_text,
    load_shipped_sources,
    load_vocabulary,
)

from .helpers import ROOT

DA = Source(
    id="da-review",
    title="A domestic abuse review",
    findings=(Finding(1, "Nobody asked", "asking"),),
    vocabulary=Vocabulary(
        competencies={
            "routine-enquiry": Competency("routine-enquiry", "Asking", (1,), "asking", "")
        },
        tags={"asked-alone": "Asked when alone"},
    ),
)


def _text(sources_line: str, competency: str = "routine-enquiry", tag: str = "asked-alone") -> str:
    return textwrap.dedent(f"""\
        id: kitchen
        title: Kitchen
        summary: A talk.
        role: Worker
        agencies: other
        competencies: {competency}
        minutes: 3
        {sources_line}
        start: ask

        === choice: ask
        What do you do?

        * Ask when she is alone.
          -> end
          feedback: Safer to answer.
          scores: {competency} +2
          tags: {tag}

        * Move on.
          -> end
          feedback: The moment passes.
          scores: {competency} -1

        === ending: end
        outcome: Done
        The visit ends.
        """)


def _set() -> SourceSet:
    shipped = load_shipped_sources(ROOT / "content")
    return SourceSet(default=shipped.default, sources={**shipped.sources, DA.id: DA})


def test_shipped_source_holds_todays_content_unchanged():
    shipped = load_shipped_sources(ROOT / "content")
    assert shipped.default == "lcspr"
    source = shipped.sources["lcspr"]
    old = load_vocabulary(ROOT / "content")
    assert {
        k: (c.name, c.findings, c.briefing) for k, c in source.vocabulary.competencies.items()
    } == {k: (c.name, c.findings, c.briefing) for k, c in old.competencies.items()}
    assert dict(source.vocabulary.tags) == dict(old.tags)
    assert [f.number for f in source.findings] == [1, 2, 3, 4, 5, 6]
    for finding in source.findings:
        assert (ROOT / "content" / "pages" / f"{finding.page}.md").is_file()


def test_scenario_is_checked_against_the_sources_it_names():
    _, problems = check_text(_text("sources: da-review"), "k.scenario", _set())
    assert problems == []


def test_without_sources_the_default_is_used_and_other_words_are_unknown():
    _, problems = check_text(_text(""), "k.scenario", _set())
    codes = {p.code for p in problems}
    assert {"unknown-competency", "unknown-tag"} <= codes


def test_a_default_competency_is_unknown_to_a_scenario_naming_only_another_source():
    text = _text("sources: da-review", competency="triangulation", tag="asked-alone")
    _, problems = check_text(text, "k.scenario", _set())
    assert [p.code for p in problems if p.code == "unknown-competency"]


def test_several_sources_add_up():
    text = _text("sources: lcspr, da-review", competency="triangulation", tag="asked-alone")
    _, problems = check_text(text, "k.scenario", _set())
    assert problems == []


def test_an_unknown_source_is_named_on_its_line():
    _, problems = check_text(_text("sources: no-such"), "k.scenario", _set())
    unknown = [p for p in problems if p.code == "unknown-source"]
    assert len(unknown) == 1 and unknown[0].line == 8 and "no-such" in unknown[0].message


def test_competencies_remember_their_source_and_sources_survive_rewriting():
    vocab = _set().vocabulary_for(["da-review"])
    assert vocab.competencies["routine-enquiry"].source == "da-review"
    scenario, _ = check_text(_text("sources: da-review"), "k.scenario", _set())
    assert "sources: da-review" in to_text(scenario)
