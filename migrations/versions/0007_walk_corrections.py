"""Supervisors' comments and session records can be corrected or withdrawn (the old text goes
to the audit log).

Revision ID: 0007_walk_corrections
Revises: 0006_walk_notices
"""

import sqlalchemy as sa
from alembic import op

revision = "0007_walk_corrections"
down_revision = "0006_walk_notices"
branch_labels = None
depends_on = None


def upgrade():
    with op.batch_alter_table("reflection_comments", schema=None) as batch_op:
        batch_op.add_column(sa.Column("corrected_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_reflection_comments_withdrawn_by_id_users"),
            "users",
            ["withdrawn_by_id"],
            ["id"],
        )
    with op.batch_alter_table("supervision_sessions", schema=None) as batch_op:
        batch_op.add_column(sa.Column("corrected_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("withdrawn_by_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_supervision_sessions_withdrawn_by_id_users"),
            "users",
            ["withdrawn_by_id"],
            ["id"],
        )


def downgrade():
    with op.batch_alter_table("supervision_sessions", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_supervision_sessions_withdrawn_by_id_users"), type_="foreignkey"
        )
        batch_op.drop_column("withdrawn_by_id")
        batch_op.drop_column("withdrawn_at")
        batch_op.drop_column("corrected_at")
    with op.batch_alter_table("reflection_comments", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_reflection_comments_withdrawn_by_id_users"), type_="foreignkey"
        )
        batch_op.drop_column("withdrawn_by_id")
        batch_op.drop_column("withdrawn_at")
        batch_op.drop_column("corrected_at")
