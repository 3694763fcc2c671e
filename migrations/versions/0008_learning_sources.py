"""Learning sources written in the browser: findings, competencies, tags, briefing pages

The shipped source stays in content/sources/ (read from files), so existing scenarios, attempts,
feedback links and profiles need no data change: a scenario without `sources:` uses it.

Revision ID: 0008_learning_sources
Revises: 0007_walk_corrections
"""

import sqlalchemy as sa
from alembic import op

revision = "0008_learning_sources"
down_revision = "0007_walk_corrections"
branch_labels = None
depends_on = None

CHILDREN = ("source_findings", "source_competencies", "source_tags", "source_pages")


def _child(name: str, *columns: sa.Column, unique: str) -> None:
    op.create_table(
        name,
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("source_id", sa.Integer(), nullable=False),
        *columns,
        sa.ForeignKeyConstraint(
            ["source_id"],
            ["learning_sources.id"],
            name=op.f(f"fk_{name}_source_id_learning_sources"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")),
        sa.UniqueConstraint("source_id", unique, name=op.f(f"uq_{name}_source_id_{unique}")),
    )
    with op.batch_alter_table(name, schema=None) as batch_op:
        batch_op.create_index(batch_op.f(f"ix_{name}_source_id"), ["source_id"], unique=False)


def upgrade():
    op.create_table(
        "learning_sources",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("summary", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_learning_sources")),
        sa.UniqueConstraint("slug", name=op.f("uq_learning_sources_slug")),
    )
    _child(
        "source_findings",
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("page", sa.String(length=100), nullable=False),
        unique="number",
    )
    _child(
        "source_competencies",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("name", sa.String(length=300), nullable=False),
        sa.Column("findings", sa.String(length=100), nullable=False),
        sa.Column("briefing", sa.String(length=100), nullable=False),
        sa.Column("good", sa.Text(), nullable=False),
        unique="key",
    )
    _child(
        "source_tags",
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("label", sa.String(length=300), nullable=False),
        unique="key",
    )
    _child(
        "source_pages",
        sa.Column("slug", sa.String(length=100), nullable=False),
        sa.Column("title", sa.String(length=300), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        unique="slug",
    )


def downgrade():
    for name in CHILDREN:
        with op.batch_alter_table(name, schema=None) as batch_op:
            batch_op.drop_index(batch_op.f(f"ix_{name}_source_id"))
        op.drop_table(name)
    op.drop_table("learning_sources")
