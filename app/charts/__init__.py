"""Server-drawn SVG charts for the insights pages: pure (no Flask, no database), so a chart is
a function of its numbers. Every chart has a table twin on its page with the same numbers, and
each bar writes its value in words beside it: colour is never the only cue.

Presentation attributes, not `style`, so the drawing works under the Content Security Policy.
"""

from .bars import Bar, bar_chart
from .numbers import median, percent

__all__ = ["Bar", "bar_chart", "median", "percent"]
