"""Authfix: a learning source's own supervision rules; a notice's link (testers)

Revision ID: 0016_authfix
Revises: 0015_editor
Create Date: 2026-12-01 07:05:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0016_authfix'
down_revision = '0015_editor'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('source_rules',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('source_id', sa.Integer(), nullable=False),
    sa.Column('key', sa.String(length=100), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('pattern', sa.String(length=20), nullable=False),
    sa.Column('tag', sa.String(length=100), nullable=False),
    sa.Column('scenarios', sa.Integer(), nullable=False),
    sa.Column('stage', sa.String(length=20), nullable=False),
    sa.Column('prompt', sa.Text(), nullable=False),
    sa.Column('attention', sa.String(length=300), nullable=False),
    sa.ForeignKeyConstraint(['source_id'], ['learning_sources.id'], name=op.f('fk_source_rules_source_id_learning_sources')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_source_rules')),
    sa.UniqueConstraint('source_id', 'key', name=op.f('uq_source_rules_source_id_key'))
    )
    with op.batch_alter_table('source_rules', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_source_rules_source_id'), ['source_id'], unique=False)
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.add_column(sa.Column('link', sa.String(length=300), server_default='', nullable=False))


def downgrade():
    with op.batch_alter_table('notices', schema=None) as batch_op:
        batch_op.drop_column('link')
    with op.batch_alter_table('source_rules', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_source_rules_source_id'))
    op.drop_table('source_rules')
