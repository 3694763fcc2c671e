"""The order a learner sees a choice's options in: shuffled for each attempt, stable within it.

Authors tend to write the best option first (and the review found it first at most choices), so
the player must not show file order. The order comes from a seed that names the attempt and the
node, never from the request: a reload, the back button, resuming next week and the path review
all show the same order. Options marked `keep-last: yes` ("Something else") stay at the end, in
file order among themselves.

Each option's place is a hash of the seed and its index in the file, so an option hidden by a
condition does not move the others.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable

from .model import Option


def attempt_seed(attempt_id: int, node_id: str) -> str:
    """The seed for one choice in one attempt."""
    return f"attempt:{attempt_id}:node:{node_id}"


def _rank(seed: str, option: Option) -> bytes:
    return hashlib.sha256(f"{seed}:option:{option.index}".encode()).digest()


def shown_order(options: Iterable[Option], seed: str | None) -> tuple[Option, ...]:
    """`options` as the learner sees them. With no seed (an author's preview) file order is kept,
    apart from options kept last."""
    options = list(options)
    movable = [o for o in options if not o.keep_last]
    if seed is not None:
        movable.sort(key=lambda o: _rank(seed, o))
    return tuple(movable + [o for o in options if o.keep_last])
