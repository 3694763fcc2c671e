"""`python -m app.engine [--source REVIEW.txt | --fingerprint FILE] FILE ...`: check scenario
files without the web app. Prints problems with file and line, then each file's figures (nodes,
choices, endings, reflections, reading ease) and any 8-word run shared with the source text (or
found in its fingerprint, such as tests/data/review-fingerprint.txt).

The Flask commands `flask --app app scenarios check|stats` are the app's own way to do this.
"""

import argparse
import json
import sys
from pathlib import Path

from .originality import fingerprint, fingerprinted_runs, read_fingerprint
from .stats import stats
from .validator import check_text
from .vocabulary import load_vocabulary

ROOT = Path(__file__).resolve().parents[2]


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m app.engine")
    parser.add_argument("files", nargs="*", type=Path)
    parser.add_argument("--source", type=Path, help="text that must not be copied (the review)")
    parser.add_argument("--fingerprint", type=Path, help="hashes of the source's 8-word runs")
    args = parser.parse_args(argv)
    vocabulary = load_vocabulary(ROOT / "content")
    paths = args.files or sorted((ROOT / "scenarios").glob("*.scenario"))
    hashes = set()
    if args.source:
        hashes = fingerprint(args.source.read_text(encoding="utf-8"))
    elif args.fingerprint:
        hashes = read_fingerprint(args.fingerprint.read_text(encoding="utf-8"))
    titles = [
        t.strip()
        for t in (ROOT / "content" / "cited-titles.txt").read_text().splitlines()
        if t.strip() and not t.startswith("#")
    ]
    bad = 0
    for path in paths:
        text = path.read_text(encoding="utf-8")
        scenario, problems = check_text(text, str(path), vocabulary)
        for problem in problems:
            print(problem)
        bad += len(problems)
        print(json.dumps(stats(scenario)))
        for run in fingerprinted_runs(text, hashes, exceptions=titles) if hashes else []:
            print(f"{path}: shares 8 words with the source: '{run}'")
            bad += 1
    print(f"{len(paths)} file(s) checked, {bad} problem(s)")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
