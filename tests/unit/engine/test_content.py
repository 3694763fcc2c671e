"""The real vocabulary in content/ and the real scenarios in scenarios/."""

import pytest

from app.engine import check_text, load_vocabulary, paths_to_endings

from .helpers import ROOT, play

SCENARIOS = sorted((ROOT / "scenarios").glob("*.scenario"))


def test_load_vocabulary_reads_the_content_folder(monkeypatch):
    monkeypatch.chdir(ROOT)
    vocab = load_vocabulary("content")
    assert set(vocab.competencies) == {
        "child-voice",
        "info-sharing",
        "triangulation",
        "curiosity",
        "family-network",
        "think-family",
    }
    assert vocab.competencies["triangulation"].key == "triangulation"
    assert vocab.competencies["triangulation"].name
    assert "relied-on-self-report" in vocab.tags
    assert "health" in vocab.agencies


def test_there_are_scenarios_to_check():
    assert SCENARIOS


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.name for p in SCENARIOS])
def test_every_scenario_checks_clean(path):
    vocab = load_vocabulary(ROOT / "content")
    scenario, problems = check_text(path.read_text(encoding="utf-8"), str(path), vocab)
    assert [str(p) for p in problems] == []
    assert scenario.endings


@pytest.mark.parametrize("path", SCENARIOS, ids=[p.name for p in SCENARIOS])
def test_every_ending_of_every_scenario_can_be_played_to(path):
    vocab = load_vocabulary(ROOT / "content")
    scenario, _ = check_text(path.read_text(encoding="utf-8"), str(path), vocab)
    paths = paths_to_endings(scenario)
    assert set(paths) == {n.id for n in scenario.endings}
    for ending, moves in paths.items():
        assert play(scenario, moves).node.id == ending
