"""Regenerate or check tests/data/review-fingerprint.txt from the review's text.

    .venv/bin/python scripts/review_fingerprint.py PATH           # write the fingerprint
    .venv/bin/python scripts/review_fingerprint.py PATH --check   # exit 1 if it is stale

PATH is the review's text: a .txt file, or a folder whose *.txt files are read in name order.
The text itself is not in the repository; the fingerprint (hashes of its eight-word runs) is,
so the originality test runs on any clone. Run this when the review's text changes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from app.engine.originality import (  # noqa: E402 - after the path is set
    RUN,
    fingerprint,
    read_fingerprint,
    write_fingerprint,
)

TARGET = ROOT / "tests" / "data" / "review-fingerprint.txt"


def review_text(path: Path) -> tuple[str, list[str]]:
    """The text the originality test used to read: the files joined by newlines."""
    files = sorted(path.glob("*.txt")) if path.is_dir() else [path]
    if not files:
        raise SystemExit(f"no .txt file in {path}")
    return "\n".join(f.read_text(encoding="utf-8") for f in files), [f.name for f in files]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="scripts/review_fingerprint.py", description=__doc__)
    parser.add_argument("path", type=Path, help="the review's .txt file or its folder")
    parser.add_argument("--check", action="store_true", help="compare, do not write")
    parser.add_argument("--target", type=Path, default=TARGET, help="the fingerprint file")
    args = parser.parse_args(argv)
    text, names = review_text(args.path)
    hashes = fingerprint(text)
    if args.check:
        kept = read_fingerprint(args.target.read_text(encoding="utf-8"))
        if kept != hashes:
            print(
                f"{args.target} is stale: {len(hashes - kept)} run(s) missing, "
                f"{len(kept - hashes)} extra; regenerate it with "
                f"scripts/review_fingerprint.py {args.path}",
                file=sys.stderr,
            )
            return 1
        print(f"{args.target}: matches {', '.join(names)} ({len(hashes)} runs)")
        return 0
    header = (
        f"Fingerprint of the review's text ({', '.join(names)}): the BLAKE2b-64 hash of every\n"
        f"run of {RUN} words, normalised as app/engine/stats.py's words() does, one a line.\n"
        "Regenerate: .venv/bin/python scripts/review_fingerprint.py PATH-TO-THE-REVIEW"
    )
    args.target.write_text(write_fingerprint(hashes, header), encoding="utf-8")
    print(f"wrote {args.target}: {len(hashes)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
