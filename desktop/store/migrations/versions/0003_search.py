"""Fast triage lists: full-text index over recommendation texts (FTS5 trigram, kept by
triggers) and an index for paging newest first.

Revision ID: 0003
Revises: 0002
"""

from alembic import op

from desktop.store import search

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("recommendations") as batch_op:
        batch_op.create_index("ix_recommendations_created_at", ["created_at", "id"], unique=False)
        batch_op.drop_index("ix_recommendations_status")
        batch_op.create_index("ix_recommendations_status_scope", ["status", "scope", "deleted"], unique=False)
    op.execute(search.CREATE_TABLE)
    for statement in search.TRIGGERS:
        op.execute(statement)
    op.execute(f"INSERT INTO {search.FTS_TABLE}({search.FTS_TABLE}) VALUES ('rebuild')")


def downgrade() -> None:
    for statement in search.DROP:
        op.execute(statement)
    with op.batch_alter_table("recommendations") as batch_op:
        batch_op.drop_index("ix_recommendations_status_scope")
        batch_op.create_index("ix_recommendations_status", ["status"], unique=False)
        batch_op.drop_index("ix_recommendations_created_at")
