"""The figures charts and tables show: whole percentages and medians from grouped counts."""

from __future__ import annotations

from collections.abc import Iterable


def percent(part: int, whole: int) -> int | None:
    return round(100 * part / whole) if whole else None


def median(histogram: Iterable[tuple[float, int]]) -> float | None:
    """The median of values given as (value, how many), e.g. minutes from a GROUP BY."""
    pairs = sorted((v, n) for v, n in histogram if n > 0)
    total = sum(n for _, n in pairs)
    if not total:
        return None
    middle = [(total - 1) // 2, total // 2]
    found, seen = [], 0
    for value, count in pairs:
        while middle and middle[0] < seen + count:
            found.append(value)
            middle.pop(0)
        seen += count
    return sum(found) / 2
