"""Insights at partnership scale: each finished attempt keeps its answers' total time

Revision ID: 0017_insagg
Revises: 0016_authfix
Create Date: 2026-12-01 07:20:00

attempts.seconds_total is the sum of the attempt's answers' seconds_spent, written when the
attempt finishes; the insights' time figures read it instead of summing a million answers.
The back-fill computes it for every finished attempt that has answers (the same rule as the
insights' old query: an attempt without answers has no time). steps gets a partial index of
the choices made (attempt, node, option), which the insights' choice counts read without
touching the answers' rows (an index-only scan on PostgreSQL).
"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0017_insagg'
down_revision = '0016_authfix'
branch_labels = None
depends_on = None

BACKFILL = (
    "UPDATE attempts SET seconds_total = "
    "(SELECT SUM(steps.seconds_spent) FROM steps WHERE steps.attempt_id = attempts.id) "
    "WHERE completed_at IS NOT NULL"
)


def upgrade():
    # A plain ADD/DROP COLUMN (SQLite 3.35+ has both): batch mode would copy the attempts table,
    # which other tables reference.
    op.add_column('attempts', sa.Column('seconds_total', sa.Integer(), nullable=True))
    op.execute(BACKFILL)
    op.create_index(
        'ix_steps_choices', 'steps', ['attempt_id', 'node_id', 'option_index'], unique=False,
        sqlite_where=sa.text("kind = 'choose'"), postgresql_where=sa.text("kind = 'choose'"),
    )


def downgrade():
    op.drop_index('ix_steps_choices', table_name='steps')
    op.drop_column('attempts', 'seconds_total')
