"""Learners play real scenarios to their endings in Chromium, with the keyboard only, and no page
on the way raises a JavaScript error. Every ending's path is played over HTTP by
tests/functional/test_scenario_library.py; here, per scenario, the endings chosen by the rule in
ending_sample.py (the best, the worst, and one through each feature met on the way)."""

from __future__ import annotations

from pathlib import Path

import pytest

from app.db import db
from app.engine import advance, check_text, load_vocabulary, paths_to_endings, start
from app.services import library
from tests.conftest import ROOT

from .conftest import sign_in
from .ending_sample import REFLECTION, answer_for, representative

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
    for move in moves:
        kind, index = move
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
            page.locator("textarea[name=reflection]").fill(REFLECTION)
            _press(page, "button", "Save and continue")
        else:
            _press(page, "button", "Continue")
        position = advance(scenario, position, answer_for(move))
    return position


def _endings():
    for path in SCENARIOS:
        scenario, _ = check_text(path.read_text(encoding="utf-8"), str(path), VOCAB)
        paths = paths_to_endings(scenario)
        for ending in representative(scenario, paths):
            yield pytest.param(path, scenario, paths[ending], id=f"{path.stem}:{ending}")


@pytest.mark.parametrize(("path", "scenario", "moves"), list(_endings()))
def test_representative_endings_play_in_the_browser(
    app, make_user, page, base_url, path, scenario, moves
):
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(f"{page.url}: {error}"))
    page.on(
        "console",
        lambda msg: errors.append(f"{page.url}: {msg.text}") if msg.type == "error" else None,
    )
    slug = _load(app, make_user, path)
    sign_in(page, base_url, "player@example.org")
    page.goto(f"{base_url}/scenarios/{slug}")
    _press(page, "button", "Start scenario")
    outcome = _play(page, scenario, moves).node.outcome
    assert "/ending" in page.url
    assert " ".join(page.locator("h1").inner_text().split()) == " ".join(outcome.split())
    assert page.get_by_text("Your competency profile").is_visible()
    assert errors == []
