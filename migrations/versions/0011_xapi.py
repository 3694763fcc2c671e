"""xAPI statement queue, CPD record entries and certificates of completion (issue 13)

Revision ID: 0011_xapi
Revises: 0010_lti
Create Date: 2026-12-01 03:45:00

"""
from alembic import op
import sqlalchemy as sa


revision = '0011_xapi'
down_revision = '0010_lti'
branch_labels = None
depends_on = None


def upgrade():
    op.create_table('xapi_statements',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=True),
    sa.Column('source', sa.String(length=60), nullable=False),
    sa.Column('statement', sa.JSON(), nullable=False),
    sa.Column('with_text', sa.Boolean(), nullable=False),
    sa.Column('happened_at', sa.DateTime(), nullable=False),
    sa.Column('queued_at', sa.DateTime(), nullable=False),
    sa.Column('sent_at', sa.DateTime(), nullable=True),
    sa.Column('tries', sa.Integer(), nullable=False),
    sa.Column('next_try_at', sa.DateTime(), nullable=True),
    sa.Column('last_error', sa.String(length=300), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_xapi_statements_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_xapi_statements'))
    )
    with op.batch_alter_table('xapi_statements', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_xapi_statements_user_id'), ['user_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_xapi_statements_happened_at'), ['happened_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_xapi_statements_sent_at'), ['sent_at'], unique=False)

    op.create_table('cpd_entries',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('ref_id', sa.Integer(), nullable=False),
    sa.Column('relevance', sa.Text(), nullable=False),
    sa.Column('learnt', sa.Text(), nullable=False),
    sa.Column('impact', sa.Text(), nullable=False),
    sa.Column('peer', sa.Text(), nullable=False),
    sa.Column('themes', sa.String(length=200), nullable=False),
    sa.Column('updated_at', sa.DateTime(), nullable=False),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_cpd_entries_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_cpd_entries')),
    sa.UniqueConstraint('user_id', 'kind', 'ref_id', name=op.f('uq_cpd_entries_user_id_kind_ref_id'))
    )
    with op.batch_alter_table('cpd_entries', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_cpd_entries_user_id'), ['user_id'], unique=False)

    op.create_table('certificates',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('user_id', sa.Integer(), nullable=False),
    sa.Column('kind', sa.String(length=20), nullable=False),
    sa.Column('ref_id', sa.Integer(), nullable=False),
    sa.Column('token', sa.String(length=64), nullable=False),
    sa.Column('holder', sa.String(length=200), nullable=False),
    sa.Column('activity', sa.String(length=300), nullable=False),
    sa.Column('completed_on', sa.Date(), nullable=False),
    sa.Column('issued_at', sa.DateTime(), nullable=False),
    sa.Column('revoked_at', sa.DateTime(), nullable=True),
    sa.ForeignKeyConstraint(['user_id'], ['users.id'], name=op.f('fk_certificates_user_id_users')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_certificates')),
    sa.UniqueConstraint('token', name=op.f('uq_certificates_token')),
    sa.UniqueConstraint('user_id', 'kind', 'ref_id', name=op.f('uq_certificates_user_id_kind_ref_id'))
    )
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_certificates_user_id'), ['user_id'], unique=False)


def downgrade():
    with op.batch_alter_table('certificates', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_certificates_user_id'))
    op.drop_table('certificates')
    with op.batch_alter_table('cpd_entries', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_cpd_entries_user_id'))
    op.drop_table('cpd_entries')
    with op.batch_alter_table('xapi_statements', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_xapi_statements_sent_at'))
        batch_op.drop_index(batch_op.f('ix_xapi_statements_happened_at'))
        batch_op.drop_index(batch_op.f('ix_xapi_statements_user_id'))
    op.drop_table('xapi_statements')
