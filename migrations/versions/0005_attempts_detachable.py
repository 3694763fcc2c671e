"""Attempts can be detached from a person (user_id NULL): retention and erasure keep answers
for anonymous aggregates without a link to whoever gave them (issue 10).

Revision ID: 0005_attempts_detachable
Revises: 0004_trust
"""

import sqlalchemy as sa
from alembic import op

revision = "0005_attempts_detachable"
down_revision = "0004_trust"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.alter_column("user_id", existing_type=sa.Integer(), nullable=True)


def downgrade():
    # Detached attempts belong to nobody: they cannot go back, so they go.
    detached = "(SELECT id FROM attempts WHERE user_id IS NULL)"
    for table in ("attempt_scores", "reflection_drafts", "steps"):
        op.execute(f"DELETE FROM {table} WHERE attempt_id IN {detached}")  # noqa: S608
    op.execute("DELETE FROM attempts WHERE user_id IS NULL")
    with op.batch_alter_table("attempts", schema=None) as batch_op:
        batch_op.alter_column("user_id", existing_type=sa.Integer(), nullable=False)
