"""Editor: every save of a draft kept as a revision; versions given to named testers first

Revision ID: 0015_editor
Revises: 0014_data
Create Date: 2026-12-01 03:55:00

"""
from alembic import op
import sqlalchemy as sa


# revision identifiers, used by Alembic.
revision = '0015_editor'
down_revision = '0014_data'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('draft_revisions',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('draft_id', sa.Integer(), nullable=False),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('what', sa.String(length=200), nullable=False),
    sa.Column('saved_at', sa.DateTime(), nullable=False),
    sa.Column('saved_by_id', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['draft_id'], ['drafts.id'], name=op.f('fk_draft_revisions_draft_id_drafts')),
    sa.ForeignKeyConstraint(['saved_by_id'], ['users.id'], name=op.f('fk_draft_revisions_saved_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_draft_revisions'))
    )
    with op.batch_alter_table('draft_revisions', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_draft_revisions_draft_id'), ['draft_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_draft_revisions_saved_by_id'), ['saved_by_id'], unique=False)

    op.create_table('scenario_testers',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('scenario_id', sa.Integer(), nullable=False),
    sa.Column('version_id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('added_by_id', sa.Integer(), nullable=True),
    sa.Column('added_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['scenario_id'], ['scenarios.id'], name=op.f('fk_scenario_testers_scenario_id_scenarios')),
    sa.ForeignKeyConstraint(['version_id'], ['scenario_versions.id'], name=op.f('fk_scenario_testers_version_id_scenario_versions')),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_scenario_testers_user_id_users')),
    sa.ForeignKeyConstraint(['added_by_id'], ['users.id'], name=op.f('fk_scenario_testers_added_by_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_scenario_testers')),
    sa.UniqueConstraint('version_id', 'user_id', name=op.f('uq_scenario_testers_version_id_user_id'))
    )
    with op.batch_alter_table('scenario_testers', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_scenario_testers_scenario_id'), ['scenario_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_scenario_testers_version_id'), ['version_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_scenario_testers_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('scenario_testers', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_scenario_testers_user_id'))
        batch_op.drop_index(batch_op.f('ix_scenario_testers_version_id'))
        batch_op.drop_index(batch_op.f('ix_scenario_testers_scenario_id'))
    op.drop_table('scenario_testers')
    with op.batch_alter_table('draft_revisions', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_draft_revisions_saved_by_id'))
        batch_op.drop_index(batch_op.f('ix_draft_revisions_draft_id'))
    op.drop_table('draft_revisions')
