"""Each insights table as (header, rows) of plain values: the page draws it and the CSV download
sends it, so the two can never disagree. Suppressed groups say so in every cell of figures."""

from __future__ import annotations

from datetime import date

from ..services.insights import MIN_LEARNERS, EndingTable, Row
from ..services.insights_choices import ChoiceShares, ThemeRow

HIDDEN = f"suppressed (fewer than {MIN_LEARNERS} learners)"


def _minutes(value: float | None) -> str:
    return "" if value is None else f"{value:g}"


def row_table(rows: list[Row]) -> tuple[list[str], list[list]]:
    header = ["Activity", "Group", "Learners", "Starts", "Completions", "Completion rate (%)",
              "Median time (minutes)"]  # fmt: skip
    out = []
    for r in rows:
        if r.suppressed:
            out.append([r.activity, r.group, f"fewer than {MIN_LEARNERS}"] + [HIDDEN] * 4)
        else:
            out.append([r.activity, r.group, r.learners, r.starts, r.completions,
                        "" if r.rate is None else r.rate, _minutes(r.median_minutes)])  # fmt: skip
    return header, out


def ending_table(ends: EndingTable) -> tuple[list[str], list[list]]:
    header = ["Group", "Learners who finished"] + [f"{e} (%)" for e in ends.endings]
    out = []
    for group, learners, shares in ends.rows:
        if learners < MIN_LEARNERS:
            out.append([group, f"fewer than {MIN_LEARNERS}"] + [HIDDEN] * len(ends.endings))
        else:
            out.append([group, learners] + ["" if s is None else s for s in shares])
    return header, out


def choice_table(shares: ChoiceShares) -> tuple[list[str], list[list]]:
    header = ["Choice", "Question", "Option", "Answers", "Share of answers (%)"]
    out = []
    for o in shares.options:
        if o.share is None:
            out.append([o.node_id, o.question, o.option, HIDDEN, HIDDEN])
        else:
            out.append([o.node_id, o.question, o.option, o.answers, o.share])
    return header, out


def misconception_table(rows: list[ThemeRow], pivot: date | None) -> tuple[list[str], list]:
    names = [f"before {pivot:%Y-%m-%d}", f"from {pivot:%Y-%m-%d}"] if pivot else ["in the range"]
    header = ["Finding or competency", "Agency"]
    for name in names:
        header += [f"Agency: weak answers {name} (%)", f"Partnership: weak answers {name} (%)"]
    out = []
    for r in rows:
        line = [r.theme.label, r.group]
        for mine, whole in zip(r.periods, r.partnership, strict=True):
            line += [HIDDEN if mine.rate is None else mine.rate,
                     HIDDEN if whole.rate is None else whole.rate]  # fmt: skip
        out.append(line)
    return header, out
