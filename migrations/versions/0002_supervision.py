"""Supervision records, actions, comments (issue 4)

Revision ID: 0002_supervision
Revises: e927891e3d73
"""

import sqlalchemy as sa
from alembic import op

revision = "0002_supervision"
down_revision = "e927891e3d73"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "supervision_sessions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("supervisor_id", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=False),
        sa.Column("notes", sa.Text(), nullable=False),
        sa.Column("covered", sa.JSON(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["users.id"], name=op.f("fk_supervision_sessions_learner_id_users")
        ),
        sa.ForeignKeyConstraint(
            ["supervisor_id"],
            ["users.id"],
            name=op.f("fk_supervision_sessions_supervisor_id_users"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_supervision_sessions")),
    )
    op.create_index(
        op.f("ix_supervision_sessions_learner_id"), "supervision_sessions", ["learner_id"]
    )
    op.create_index(
        op.f("ix_supervision_sessions_supervisor_id"), "supervision_sessions", ["supervisor_id"]
    )

    op.create_table(
        "agreed_actions",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("session_id", sa.Integer(), nullable=False),
        sa.Column("learner_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("done_at", sa.DateTime(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["session_id"],
            ["supervision_sessions.id"],
            name=op.f("fk_agreed_actions_session_id_supervision_sessions"),
        ),
        sa.ForeignKeyConstraint(
            ["learner_id"], ["users.id"], name=op.f("fk_agreed_actions_learner_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_agreed_actions")),
    )
    op.create_index(op.f("ix_agreed_actions_session_id"), "agreed_actions", ["session_id"])
    op.create_index(op.f("ix_agreed_actions_learner_id"), "agreed_actions", ["learner_id"])

    op.create_table(
        "reflection_comments",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("reflection_id", sa.Integer(), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["reflection_id"],
            ["reflections.id"],
            name=op.f("fk_reflection_comments_reflection_id_reflections"),
        ),
        sa.ForeignKeyConstraint(
            ["author_id"], ["users.id"], name=op.f("fk_reflection_comments_author_id_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_reflection_comments")),
    )
    op.create_index(
        op.f("ix_reflection_comments_reflection_id"), "reflection_comments", ["reflection_id"]
    )
    op.create_index(op.f("ix_reflection_comments_author_id"), "reflection_comments", ["author_id"])


def downgrade():
    op.drop_table("reflection_comments")
    op.drop_table("agreed_actions")
    op.drop_table("supervision_sessions")
