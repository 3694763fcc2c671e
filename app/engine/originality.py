"""Originality without the source at hand: a fingerprint of a text is the set of hashes of its
runs of eight words (normalised as `stats.words` does), so a check can find copied runs while
the text itself stays out of the repository. `stats.shared_runs` does the same from the text."""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence

from .stats import masked_words, words

RUN = 8  # words in a run that counts as copied


def run_hash(run: Sequence[str]) -> str:
    """16 hex digits (8 bytes of BLAKE2b) for one run of words: short, and with ~10^4 runs in
    the review a false match is about one in 10^15 per run checked."""
    return hashlib.blake2b(" ".join(run).encode("utf-8"), digest_size=8).hexdigest()


def fingerprint(source: str, size: int = RUN) -> set[str]:
    """The hashes of every run of `size` words in `source`."""
    theirs = words(source)
    return {run_hash(theirs[i : i + size]) for i in range(len(theirs) - size + 1)}


def fingerprinted_runs(
    text: str, hashes: set[str], size: int = RUN, exceptions: Iterable[str] = ()
) -> list[str]:
    """Runs of `size` words in `text` whose hash is in `hashes`, ignoring cited titles."""
    ours = masked_words(text, exceptions)
    found = []
    for i in range(len(ours) - size + 1):
        run = ours[i : i + size]
        if "" not in run and run_hash(run) in hashes:
            found.append(" ".join(run))
    return found


def read_fingerprint(text: str) -> set[str]:
    """A fingerprint file: one hash a line; lines starting with # are comments."""
    return {ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")}


def write_fingerprint(hashes: set[str], header: str) -> str:
    """The file's text: comment lines, then the hashes sorted so regenerating gives no diff."""
    comments = "".join(f"# {line}\n" for line in header.splitlines())
    return comments + "".join(f"{h}\n" for h in sorted(hashes))
