"""Trust (issue 10): server-side sessions, sign-in throttling per account and source, notices,
one open attempt per learner and scenario version

Revision ID: 0004_trust
Revises: 0003_authoring
"""

import sqlalchemy as sa
from alembic import op

revision = "0004_trust"
down_revision = "0003_authoring"
branch_labels = None
depends_on = None

OPEN = "completed_at IS NULL"


def _drop_duplicate_open_attempts():
    """Before the unique index: of a learner's several open attempts at one version (parallel
    "Start" clicks), keep the one with the most answers and delete the extras that hold none."""
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT a.id, a.user_id, a.version_id, "
            "(SELECT count(*) FROM steps s WHERE s.attempt_id = a.id) AS n "
            "FROM attempts a WHERE a.completed_at IS NULL ORDER BY n DESC, a.id"
        )
    ).all()
    seen = set()
    for attempt_id, user_id, version_id, steps in rows:
        key = (user_id, version_id)
        if key in seen and steps == 0:
            bind.execute(
                sa.text("DELETE FROM reflection_drafts WHERE attempt_id = :a"), {"a": attempt_id}
            )
            bind.execute(sa.text("DELETE FROM attempts WHERE id = :a"), {"a": attempt_id})
        seen.add(key)


def upgrade():
    op.drop_table("login_throttle")
    op.create_table(
        "login_throttle",
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("source", sa.String(length=64), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(), nullable=True),
        sa.Column("next_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("email", "source", name=op.f("pk_login_throttle")),
    )
    op.create_index(
        op.f("ix_login_throttle_last_failure_at"), "login_throttle", ["last_failure_at"]
    )
    op.create_table(
        "user_sessions",
        sa.Column("id_hash", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["users.id"], name=op.f("fk_user_sessions_user_id_users")
        ),
        sa.PrimaryKeyConstraint("id_hash", name=op.f("pk_user_sessions")),
    )
    op.create_index(op.f("ix_user_sessions_user_id"), "user_sessions", ["user_id"])
    op.create_table(
        "notices",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("text", sa.String(length=500), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("read_at", sa.DateTime(), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], name=op.f("fk_notices_user_id_users")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notices")),
    )
    op.create_index(op.f("ix_notices_user_id"), "notices", ["user_id"])
    _drop_duplicate_open_attempts()
    op.create_index(
        "uq_attempts_one_open",
        "attempts",
        ["user_id", "version_id"],
        unique=True,
        sqlite_where=sa.text(OPEN),
        postgresql_where=sa.text(OPEN),
    )


def downgrade():
    op.drop_index("uq_attempts_one_open", table_name="attempts")
    op.drop_index(op.f("ix_notices_user_id"), table_name="notices")
    op.drop_table("notices")
    op.drop_index(op.f("ix_user_sessions_user_id"), table_name="user_sessions")
    op.drop_table("user_sessions")
    op.drop_index(op.f("ix_login_throttle_last_failure_at"), table_name="login_throttle")
    op.drop_table("login_throttle")
    op.create_table(
        "login_throttle",
        sa.Column("email", sa.String(length=320), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("last_failure_at", sa.DateTime(), nullable=True),
        sa.Column("locked_until", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("email", name=op.f("pk_login_throttle")),
    )
