"""The library's choices cannot be gamed by picking the longest option or the one with a cue
word ("openly", "gently", ...). Definitions and bounds: app/engine/bias.py."""

from __future__ import annotations

from app.engine import check_text, load_vocabulary
from app.engine.bias import MAX_CUE_GAP, MAX_LENGTH_RATIO, bias, library_bias
from tests.conftest import ROOT

SCENARIOS = sorted((ROOT / "scenarios").glob("*.scenario"))
VOCAB = load_vocabulary(ROOT / "content")


def _parsed(path):
    scenario, problems = check_text(path.read_text(encoding="utf-8"), str(path), VOCAB)
    assert problems == [], problems
    return scenario


def test_no_scenario_makes_its_best_options_the_longest():
    too_long = {}
    for path in SCENARIOS:
        figures = bias(_parsed(path))
        assert figures["choices"] >= 4, path.stem
        if figures["length_ratio"] > MAX_LENGTH_RATIO:
            too_long[path.stem] = (
                figures["best"]["mean_words"],
                figures["others"]["mean_words"],
                figures["length_ratio"],
            )
    assert too_long == {}, f"best vs other options' mean words, and the ratio: {too_long}"


def test_cue_words_do_not_mark_the_best_options_across_the_library():
    figures = library_bias(_parsed(p) for p in SCENARIOS)
    best, others = figures["best"], figures["others"]
    assert best["options"] and others["options"]
    assert best["cue_share"] <= others["cue_share"] + MAX_CUE_GAP, (
        f"best options with a cue word {best['with_cue_words']}/{best['options']}, "
        f"others {others['with_cue_words']}/{others['options']}: {figures['cue_words_used']}"
    )
