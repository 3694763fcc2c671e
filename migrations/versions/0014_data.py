"""Indexes for partnership scale (issue 12): the audit log by action and time, and the
accounts list in its display order.

Revision ID: 0014_data
Revises: 0013_insights
Create Date: 2026-12-01 04:00:00

"""

import sqlalchemy as sa
from alembic import op

revision = "0014_data"
down_revision = "0013_insights"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.create_index("ix_audit_events_action_at", ["action", "at"], unique=False)
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.create_index(
            "ix_users_listing", [sa.column("active").desc(), "display_name", "id"], unique=False
        )


def downgrade():
    with op.batch_alter_table("users", schema=None) as batch_op:
        batch_op.drop_index("ix_users_listing")
    with op.batch_alter_table("audit_events", schema=None) as batch_op:
        batch_op.drop_index("ix_audit_events_action_at")
