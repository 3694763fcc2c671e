"""Supervision records, actions, comments (issue 4)

Revision ID: 0002_supervision
Revises: e927891e3d73
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0002_supervision"
down_revision = "e927891e3d73"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
