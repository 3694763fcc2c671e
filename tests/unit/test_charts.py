"""The pure chart module: medians from grouped counts, and bars that write their values."""

from __future__ import annotations

from app.charts import Bar, bar_chart, median, percent


def test_median_of_grouped_counts():
    assert median([(3, 1), (1, 1), (2, 1)]) == 2
    assert median([(1, 2), (10, 2)]) == 5.5
    assert median([(4, 0)]) is None
    assert median([(7, 1000), (1, 1)]) == 7


def test_percent_rounds_and_copes_with_nothing():
    assert percent(5, 8) == 62 and percent(1, 3) == 33 and percent(0, 0) is None


def test_a_bar_chart_writes_each_value_and_says_why_a_bar_is_missing():
    svg = bar_chart(
        "Completion <rate>",
        [Bar("Recovery & health", (80.0,), ("80% of 10",)), Bar("School", (None,))],
    )
    assert svg.startswith("<svg") and 'role="img"' in svg
    assert "Completion &lt;rate&gt;" in svg and "Recovery &amp; health" in svg
    assert "80% of 10" in svg and "fewer than 5 learners" in svg
    assert svg.count("<rect") == 1  # the suppressed group draws no bar


def test_two_series_get_a_legend_and_a_pattern_not_only_a_colour():
    svg = bar_chart("Before and after", [Bar("Police", (40.0, 20.0))], ("Before", "After"))
    assert "Before" in svg and "After" in svg and "stroke-dasharray" in svg
