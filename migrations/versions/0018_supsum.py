"""Supervision pages: a finished attempt's path kept as a summary, so pages need not replay it

Revision ID: 0018_supsum
Revises: 0017_insagg
Create Date: 2026-12-01 07:20:00

Summaries of attempts finished before this migration are built lazily: the first supervision
page that needs one replays the attempt and stores it (app/services/attempt_summaries.py).

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0018_supsum'
down_revision = "0017_insagg"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('attempt_summaries',
    sa.Column('attempt_id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('format', sa.Integer(), nullable=False),
    sa.Column('body', sa.JSON(), nullable=False),
    sa.Column('built_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['attempt_id'], ['attempts.id'], name=op.f('fk_attempt_summaries_attempt_id_attempts')),
    sa.PrimaryKeyConstraint('attempt_id', name=op.f('pk_attempt_summaries'))
    )


def downgrade():
    op.drop_table('attempt_summaries')
