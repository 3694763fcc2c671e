"""Words that depend on a number: the one pluralisation rule for the engine, the pure packages,
the services and (as the `plural` filter) every template."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """'1 problem', '3 problems', '0 problems'; `many` for words that do not just add an s
    ('1 reply', '2 replies')."""
    return f"{count} {word if count == 1 else many or word + 's'}"
