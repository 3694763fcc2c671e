"""Fixtures for the functional tests beyond the shared ones in tests/conftest.py."""

from .insights_world import partnership  # noqa: F401 - the insights tests' partnership
from .supervision_world import world  # noqa: F401 - the supervision tests' organisation
