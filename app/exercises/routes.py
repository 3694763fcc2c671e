"""The exercises blueprint with every view module's routes registered on it."""

from . import debrief, facilitate, play, views  # noqa: F401 - each registers its routes
from .common import bp

__all__ = ["bp"]
