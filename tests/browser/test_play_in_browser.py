"""Learners play real scenarios to their endings in Chromium, with the keyboard only."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db import db
from app.engine import Answer, advance, check_text, load_vocabulary, paths_to_endings, start
from app.services import library
from tests.conftest import ROOT

from .conftest import sign_in

pytestmark = pytest.mark.browser
SCENARIOS = sorted((ROOT / "scenarios").glob("*.scenario"))
VOCAB = load_vocabulary(ROOT / "content")


def _load(app, make_user, path: Path) -> str:
    result = library.load_file(db.session, path, library.vocabulary(app.config["CONTENT_DIR"]))
    db.session.commit()
    make_user("player@example.org")
    return result.slug


def _press(page, role: str, name: str) -> None:
    page.get_by_role(role, name=name).press("Enter")
    page.wait_for_load_state()


def _play(page, scenario, moves):
    """Play `moves`, choosing each option by its label: the page shows them shuffled."""
    position = start(scenario)
    for kind, index in moves:
        if kind == "choose":
            label = " ".join(position.node.options[index].text.split())
            # by its words; the value only tells apart two offered options worded the same
            page.get_by_label(label, exact=True).and_(page.locator(f"[value='{index}']")).focus()
            page.keyboard.press("Space")
            _press(page, "button", "Choose")
            assert "/feedback/" in page.url
            link = page.locator("a.govuk-button")
            link.press("Enter")
            page.wait_for_load_state()
        elif kind == "reflect":
            page.locator("textarea[name=reflection]").fill("I would ask the school and visit.")
            _press(page, "button", "Save and continue")
        else:
            _press(page, "button", "Continue")
        answer = {
            "choose": Answer.choose(index or 0),
            "reflect": Answer.reflect("I would ask the school and visit."),
        }.get(kind, Answer.continue_())
        position = advance(scenario, position, answer)
    return position


def _endings():
    for path in SCENARIOS:
        scenario, _ = check_text(path.read_text(encoding="utf-8"), str(path), VOCAB)
        for ending, moves in sorted(paths_to_endings(scenario).items()):
            yield pytest.param(path, scenario, moves, id=f"{path.stem}:{ending}")


@pytest.mark.parametrize(("path", "scenario", "moves"), list(_endings()))
def test_every_ending_plays_in_the_browser(app, make_user, page, base_url, path, scenario, moves):
    slug = _load(app, make_user, path)
    sign_in(page, base_url, "player@example.org")
    page.goto(f"{base_url}/scenarios/{slug}")
    _press(page, "button", "Start scenario")
    outcome = _play(page, scenario, moves).node.outcome
    assert "/ending" in page.url
    assert " ".join(page.locator("h1").inner_text().split()) == " ".join(outcome.split())
    assert page.get_by_text("Your competency profile").is_visible()
