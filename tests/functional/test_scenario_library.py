"""The scenario library and learning content: minimums, plain English, originality, names,
links, and every ending reachable over HTTP."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from markupsafe import escape

from app.db import db
from app.engine import Answer, advance, check_text, load_vocabulary, paths_to_endings
from app.engine import start as engine_start
from app.engine.originality import fingerprinted_runs, read_fingerprint
from app.engine.scoring import profile
from app.engine.stats import learner_prose, stats
from app.services import library
from tests.conftest import ROOT

from .helpers import labels, step_number

SCENARIOS = sorted((ROOT / "scenarios").glob("*.scenario"))
EXERCISES = sorted((ROOT / "exercises").glob("*.exercise"))
PAGES = sorted((ROOT / "content" / "pages").glob("*.md"))
# Hashes of the review's eight-word runs (the text stays out of the repository): see
# scripts/review_fingerprint.py and tests/unit/engine/test_originality.py.
REVIEW = read_fingerprint(
    (ROOT / "tests" / "data" / "review-fingerprint.txt").read_text(encoding="utf-8")
)
VOCAB = load_vocabulary(ROOT / "content")


def _lines(name: str) -> list[str]:
    text = (ROOT / "content" / name).read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]


def _parsed(path: Path):
    scenario, problems = check_text(path.read_text(encoding="utf-8"), str(path), VOCAB)
    assert problems == [], problems
    return scenario


def test_six_scenarios_five_roles_every_competency():
    scenarios = [_parsed(p) for p in SCENARIOS]
    assert len(scenarios) >= 6
    assert len({s.role for s in scenarios}) >= 5
    covered = {c for s in scenarios for c in stats(s)["competencies"]}
    assert covered == set(VOCAB.competencies)


@pytest.mark.parametrize("path", SCENARIOS, ids=lambda p: p.stem)
def test_scenario_meets_the_minimums(path):
    scenario = _parsed(path)
    figures = stats(scenario)
    assert figures["nodes"] >= 15
    assert figures["choice_points"] >= 4
    assert figures["endings"] >= 3
    assert figures["reflection_prompts"] >= 2
    assert figures["reading_ease"] >= 50, figures["reading_ease"]
    assert scenario.content_note
    set_flags = {f for n in scenario.nodes.values() for o in n.options for f in o.sets}
    gated = {
        f
        for n in scenario.nodes.values()
        for o in n.options
        if o.condition
        for f in o.condition.flags
    }
    assert set_flags & gated, "no flag set by an option changes a later choice's options"
    tagged = [o for n in scenario.nodes.values() for o in n.options if o.tags]
    prompted = [o for n in scenario.nodes.values() for o in n.options if o.supervision]
    assert tagged and prompted
    assert any(e.tags or e.supervision for e in scenario.endings)
    assert len(paths_to_endings(scenario)) == figures["endings"]


@pytest.mark.parametrize("path", SCENARIOS + PAGES + EXERCISES, ids=lambda p: p.name)
def test_no_eight_word_run_shared_with_the_review(path):
    assert len(REVIEW) > 5000, "tests/data/review-fingerprint.txt looks truncated"
    text = path.read_text(encoding="utf-8")
    assert fingerprinted_runs(text, REVIEW, exceptions=_lines("cited-titles.txt")) == []


def test_no_real_name_from_the_review_appears():
    # Kept with the tests, outside the checked folders, so the list does not match itself.
    text = (ROOT / "tests" / "data" / "forbidden-names.txt").read_text(encoding="utf-8")
    names = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    pattern = re.compile(r"\b(" + "|".join(map(re.escape, names)) + r")\b")
    folders = [ROOT / "scenarios", ROOT / "content", ROOT / "app" / "templates", ROOT / "exercises"]
    hits = []
    for folder in folders:
        for path in folder.rglob("*"):
            if path.is_file():
                for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
                    if pattern.search(line):
                        hits.append(f"{path.relative_to(ROOT)}:{number}: {line.strip()}")
    assert hits == []


def test_glossary_explains_every_acronym_the_scenarios_use():
    glossary = (ROOT / "content" / "pages" / "glossary.md").read_text(encoding="utf-8")
    words = set()
    for path in SCENARIOS:
        for part in learner_prose(_parsed(path)):
            words |= set(re.findall(r"\b[A-Z][A-Z&]{1,}\b", part))
    from app.exercise import check_text as check_exercise
    from app.exercise.prose import participant_prose

    for path in EXERCISES:
        exercise, _ = check_exercise(path.read_text(encoding="utf-8"), str(path), VOCAB)
        for part in participant_prose(exercise):
            words |= set(re.findall(r"\b[A-Z][A-Z&]{1,}\b", part))
    missing = sorted(w for w in words if w not in glossary and w not in {"I", "OK", "TV"})
    assert missing == []


def test_every_link_from_scenarios_and_pages_resolves(auth, client):
    auth()
    links = set()
    for path in SCENARIOS + PAGES:
        links |= set(re.findall(r"\]\((/[^)\s#]*)", path.read_text(encoding="utf-8")))
    for comp in VOCAB.competencies.values():
        links.add(f"/guide/{comp.briefing}")
    assert links
    broken = [link for link in sorted(links) if client.get(link).status_code != 200]
    assert broken == []


def test_briefings_follow_the_seven_minute_shape(client):
    for n in range(1, 7):
        page = client.get(f"/guide/finding-{n}").text
        headings = re.findall(r'<h2 class="govuk-heading-m">(.*?)</h2>', page)
        assert headings[:5] == [
            "Background",
            "Why it matters",
            "What the review found",
            "What good looks like",
            "Questions to take to supervision",
        ]


def _endings():
    for path in SCENARIOS:
        scenario = _parsed(path)
        for ending, moves in sorted(paths_to_endings(scenario).items()):
            yield pytest.param(path, ending, moves, id=f"{path.stem}:{ending}")


@pytest.mark.parametrize(("path", "ending", "moves"), list(_endings()))
def test_a_path_to_every_ending_plays_over_http(auth, browser, client, path, ending, moves):
    vocab = library.vocabulary(str(ROOT / "content"))
    result = library.load_file(db.session, path, vocab)
    db.session.commit()
    auth()
    start = browser.submit(
        f"/scenarios/{result.slug}", {}, action=f"/scenarios/{result.slug}/start"
    )
    url = start.headers["Location"]
    scenario = _parsed(path)
    position = engine_start(scenario)
    for kind, index in moves:
        page = client.get(url)
        data = {
            "csrf_token": re.search(r'name="csrf_token"[^>]*value="([^"]+)"', page.text).group(1),
            "step": step_number(page.text),
        }
        if kind == "choose":  # the page shows options shuffled: check the words, not a place
            shown = labels(page.text)
            assert shown[str(index)] == str(escape(position.node.options[index].text)), shown
            data["option"] = str(index)
            given = Answer.choose(index)
        elif kind == "reflect":
            data["reflection"] = "What I would do differently next time."
            given = Answer.reflect(data["reflection"])
        else:
            given = Answer.continue_()
        position = advance(scenario, position, given)
        assert client.post(url, data=data).status_code == 302
    final = client.get(url, follow_redirects=True)
    assert final.request.path.endswith("/ending")
    outcome = _parsed(path).nodes[ending].outcome
    heading = re.search(r"<h1[^>]*>(.*?)</h1>", final.text, re.S).group(1)
    assert " ".join(heading.split()) == str(escape(" ".join(outcome.split())))
    assert "Your competency profile" in final.text
    for result in profile(scenario, position.path).values():
        assert f"{result.won} of {result.best}" in final.text


@pytest.mark.parametrize("path", EXERCISES, ids=lambda p: p.stem)
def test_exercise_meets_the_minimums_in_plain_english(path):
    from app.exercise import check_text as check_exercise
    from app.exercise.prose import reading_ease as exercise_reading_ease

    exercise, problems = check_exercise(path.read_text(encoding="utf-8"), str(path), VOCAB)
    assert problems == []
    assert len(exercise.seats) >= 7 and len(exercise.phases) >= 5
    assert exercise.content_note
    assert exercise_reading_ease(exercise) >= 50
    assert {f.seat for f in exercise.fragments} == {s.id for s in exercise.seats}
    assert {d.seat for d in exercise.decisions} == {s.id for s in exercise.seats}
    every_pair = {(p.id, s.id) for p in exercise.phases for s in exercise.seats}
    assert {(d.phase, d.seat) for d in exercise.decisions} == every_pair
    assert any(f.changes for f in exercise.fragments)
