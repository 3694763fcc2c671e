"""The originality check without the review at hand: the fingerprint kept in tests/data finds a
run copied from the review, ignores cited titles, and matches the review's text when it is here."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from app.engine.originality import (
    fingerprint,
    fingerprinted_runs,
    read_fingerprint,
    write_fingerprint,
)
from app.engine.stats import shared_runs

ROOT = Path(__file__).resolve().parents[3]
KEPT = ROOT / "tests" / "data" / "review-fingerprint.txt"
SCRIPT = ROOT / "scripts" / "review_fingerprint.py"
# Eight words from the review, here only to prove the fingerprint recognises them.
FROM_THE_REVIEW = "data protection legislation should not be seen as"


def test_a_run_copied_from_the_review_is_found_by_the_kept_fingerprint():
    hashes = read_fingerprint(KEPT.read_text(encoding="utf-8"))
    text = f"Kettle on, biscuits out: **{FROM_THE_REVIEW.upper()}**; nobody minded."
    assert fingerprinted_runs(text, hashes) == [FROM_THE_REVIEW]
    assert fingerprinted_runs("Remember that data protection law lets you share.", hashes) == []


def test_the_fingerprint_finds_what_the_text_finds_and_skips_cited_titles():
    source = "Working Together to Safeguard Children sets out the duties of every agency here."
    text = "Read Working Together to Safeguard Children sets out the duties of every agency."
    hashes = fingerprint(source)
    assert fingerprinted_runs(text, hashes) == shared_runs(text, source) != []
    title = ["Working Together to Safeguard Children"]
    assert fingerprinted_runs(text, hashes, exceptions=title) == []


def test_the_fingerprint_file_round_trips_and_is_sorted():
    hashes = fingerprint("one two three four five six seven eight nine ten")
    written = write_fingerprint(hashes, "a comment\nanother")
    assert read_fingerprint(written) == hashes == set(written.splitlines()[2:])
    assert written.splitlines()[2:] == sorted(hashes)


def _check(path: Path, target: Path) -> subprocess.CompletedProcess:
    command = [sys.executable, str(SCRIPT), str(path), "--check", "--target", str(target)]
    return subprocess.run(command, capture_output=True, text=True, timeout=60, check=False)


def test_the_script_writes_a_fingerprint_and_notices_when_it_is_stale(tmp_path):
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "review.txt").write_text("Some words of a review, long enough to make runs of eight.")
    target = tmp_path / "fingerprint.txt"
    write = [sys.executable, str(SCRIPT), str(seed), "--target", str(target)]
    subprocess.run(write, capture_output=True, timeout=60, check=True)
    assert _check(seed, target).returncode == 0
    (seed / "review.txt").write_text("Other words of a review, long enough to make runs of eight.")
    stale = _check(seed, target)
    assert stale.returncode == 1
    assert "is stale" in stale.stderr


REVIEW = os.environ.get("REVIEW_TEXT")


@pytest.mark.skipif(
    not REVIEW,
    reason="REVIEW_TEXT (the review's text, kept outside the repository) is not set; "
    "set it to check tests/data/review-fingerprint.txt against the text",
)
def test_the_kept_fingerprint_matches_the_review_text():
    result = _check(Path(REVIEW), KEPT)
    assert result.returncode == 0, result.stderr
