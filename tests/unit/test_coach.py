"""The plain-English coach: reading ease, long sentences, terms not in the glossary, and the
option-bias figures of a choice, each with advice in plain words."""

from __future__ import annotations

from app.authoring.coach import advise, terms_from_glossary
from app.authoring.plain_words import PLAIN_WORDS
from app.engine import parse

GLOSSARY = terms_from_glossary(
    "# Glossary\n\n## Multi-agency safeguarding hub (MASH)\n\nText.\n\n## Strategy discussion\n\nText."
)

TEXT = """id: coach
title: Coach
start: ask

=== choice: ask
The MASH and the CAMHS worker call. Dana says the baby sleeps well and the house is calm and the
visitor from the nursery says the same thing about the way the family manages every single day.
What do you do?

* Calmly and openly explain to Dana why you need to see where the baby sleeps tonight.
  -> end
  scores: triangulation +2
* Leave it.
  -> end
  scores: triangulation -1

=== ending: end
outcome: Done
Done.
"""


def test_glossary_terms_include_each_heading_and_its_bracketed_short_form():
    assert {"multi-agency safeguarding hub", "mash", "strategy discussion"} <= GLOSSARY


def test_a_step_gets_reading_ease_long_sentences_and_unknown_terms():
    advice = advise(parse(TEXT)[0].nodes["ask"], GLOSSARY, PLAIN_WORDS)
    assert advice.reading_ease is not None and advice.reading_ease < 100
    [(words, sentence)] = advice.long_sentences
    assert words > 25 and sentence.startswith("Dana says the baby sleeps well")
    assert "CAMHS" in advice.terms and "MASH" not in advice.terms  # MASH is in the glossary
    assert "nursery" not in advice.terms  # short everyday words are never flagged


def test_a_choice_whose_best_option_gives_itself_away_is_explained():
    choice = advise(parse(TEXT)[0].nodes["ask"], GLOSSARY, PLAIN_WORDS).choice
    assert choice.best_words == 16 and choice.other_words == 2 and choice.ratio == 8.0
    assert choice.best_cues == ("calmly", "explain", "openly", "why") and choice.other_cues == ()
    assert "The best option is 8.0 times as long as the others" in choice.warnings[0]
    assert "Only the best option uses 'calmly', 'explain', 'openly', 'why'" in choice.warnings[1]


def test_a_fair_choice_and_a_short_step_have_nothing_to_say():
    fair = TEXT.replace(
        "Calmly and openly explain to Dana why you need to see where the baby sleeps tonight.",
        "See the cot.",
    ).replace("Leave it.", "Take her word.")
    advice = advise(parse(fair)[0].nodes["ask"], GLOSSARY, PLAIN_WORDS)
    assert advice.choice.warnings == () and advice.choice.ratio == 1.0
    short = advise(parse(TEXT)[0].nodes["end"], GLOSSARY, PLAIN_WORDS)
    assert short.reading_ease is None and short.notes == 0
