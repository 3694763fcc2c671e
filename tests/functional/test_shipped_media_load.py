"""`flask scenarios load` also loads the images and audio in scenarios/media/<scenario-id>/,
each with its words (alt text, or a title and transcript) in a .txt file beside it."""

from __future__ import annotations

import shutil

from app.db import db
from app.services import media
from tests.conftest import FIXTURES
from tests.media_samples import SVG_WITH_SCRIPT, ogg, png


def test_shipped_media_is_loaded_checked_and_unchanged_the_second_time(app, runner, tmp_path):
    shutil.copy(FIXTURES / "short-visit.scenario", tmp_path)
    folder = tmp_path / "media" / "short-visit"
    folder.mkdir(parents=True)
    (folder / "boots.png").write_bytes(png())
    (folder / "boots.txt").write_text("Muddy boots by the door\n")
    (folder / "voicemail.ogg").write_bytes(ogg())
    (folder / "voicemail.txt").write_text("The voicemail\n\nHello, it's Dana. Call me back.\n")
    (folder / "drawing.png").write_bytes(SVG_WITH_SCRIPT)
    (folder / "drawing.txt").write_text("A drawing\n")
    app.config["SCENARIO_DIR"] = str(tmp_path)
    first = runner.invoke(args=["scenarios", "load"])
    assert "media     boots: added" in first.output
    assert "media     voicemail: added" in first.output
    assert "media     drawing: not loaded: SVG images are not accepted" in first.output
    assert first.exit_code == 1  # a file that could not be loaded is a failure
    shown = media.shown(db.session, "voicemail")
    assert (shown.kind, shown.alt, shown.transcript) == (
        "audio",
        "The voicemail",
        "Hello, it's Dana. Call me back.",
    )
    (folder / "drawing.png").unlink()
    again = runner.invoke(args=["scenarios", "load"])
    assert "media     boots: unchanged" in again.output and again.exit_code == 0
