"""Every place in the scenarios that mentions a lawful basis (for example "explain the lawful
basis") leads the learner to the lawful-basis panel of the sharing-information guide."""

from __future__ import annotations

import re

from app.engine import check_text, load_vocabulary
from tests.conftest import ROOT

SCENARIOS = sorted((ROOT / "scenarios").glob("*.scenario"))
PANEL = "/guide/sharing-information#lawful-basis"
MENTION = re.compile(r"lawful basis", re.IGNORECASE)


def test_every_mention_of_a_lawful_basis_in_scenarios_links_to_the_panel():
    """A scene or ending that mentions a lawful basis links to the panel itself; an option whose
    words, feedback, "what you might say" or supervision prompt mention one links to it from its
    feedback or "what you might say" (an option's own words cannot hold a link)."""
    vocab = load_vocabulary(ROOT / "content")
    unlinked = []
    for path in SCENARIOS:
        scenario, problems = check_text(path.read_text(encoding="utf-8"), str(path), vocab)
        assert problems == [], problems
        for node in scenario.nodes.values():
            prompts = " ".join(p.text for p in node.supervision)
            if MENTION.search(node.text + node.outcome + prompts) and PANEL not in node.text:
                unlinked.append(f"{path.name}:{node.line} ({node.id})")
            for option in node.options:
                prompts = " ".join(p.text for p in option.supervision)
                words = " ".join((option.text, option.feedback, option.say, prompts))
                if MENTION.search(words) and PANEL not in option.feedback + option.say:
                    unlinked.append(f"{path.name}:{option.line} ({node.id}, option {option.index})")
    assert unlinked == []
