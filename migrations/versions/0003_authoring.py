"""Authoring drafts, approvals and settings (issue 5)

Revision ID: 0003_authoring
Revises: 0002_supervision
"""

import sqlalchemy as sa  # noqa: F401
from alembic import op  # noqa: F401

revision = "0003_authoring"
down_revision = "0002_supervision"
branch_labels = None
depends_on = None


def upgrade():
    pass


def downgrade():
    pass
