"""Attempts stay on the scenario version they started with; new attempts take the newest."""

from __future__ import annotations

from app.db import db
from app.services import library
from tests.conftest import FIXTURES

from .helpers import answer, start


def _load_changed(app, tmp_path):
    changed = tmp_path / "short-visit.scenario"
    changed.write_text(
        (FIXTURES / "short-visit.scenario").read_text().replace("A week passes.", "Two weeks pass.")
    )
    result = library.load_file(db.session, changed, library.vocabulary(app.config["CONTENT_DIR"]))
    db.session.commit()
    assert result.status == "added"


def test_attempt_keeps_its_version_and_new_attempts_take_the_newest(
    app, auth, browser, client, load_fixture, tmp_path
):
    load_fixture()
    auth()
    url = start(browser)
    answer(client, url)
    answer(client, url, option_text="Visit her at home.")
    _load_changed(app, tmp_path)
    assert "A week passes." in client.get(url).text  # still version 1
    answer(client, url)
    answer(client, url, reflection="Still on the first version.")
    answer(client, url, option_text="Share what you saw at the visit.")
    ending = client.get(url, follow_redirects=True)
    assert "You saw the whole picture" in ending.text
    assert "version 1" in client.get("/my-learning").text
    second = start(browser)
    assert second != url
    answer(client, second)
    answer(client, second, option_text="Visit her at home.")
    assert "Two weeks pass." in client.get(second).text
    assert "version 2" in client.get("/my-learning").text
    assert client.get(url + "/ending").status_code == 200  # the old attempt can be reviewed
