"""A published draft's id on its version (Back after publishing finds the scenario), and a kind
for notices, so a learner is told about new supervision comments and actions the same way.

Revision ID: 0006_walk_notices
Revises: 0005_attempts_detachable
"""

import sqlalchemy as sa
from alembic import op

revision = "0006_walk_notices"
down_revision = "0005_attempts_detachable"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("scenario_versions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("from_draft_id", sa.Integer(), nullable=True))
        batch_op.create_index(
            batch_op.f("ix_scenario_versions_from_draft_id"), ["from_draft_id"], unique=False
        )
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("kind", sa.String(length=20), server_default="access", nullable=False)
        )


def downgrade():
    with op.batch_alter_table("notices", schema=None) as batch_op:
        batch_op.drop_column("kind")
    with op.batch_alter_table("scenario_versions", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_scenario_versions_from_draft_id"))
        batch_op.drop_column("from_draft_id")
