"""Sync speed (issue 18): on PostgreSQL, change numbers come from a sequence (`record_seq`,
server_stub.sequence), so pushes of different units no longer wait for one counter row; it
continues the counter. An index on (entity, seq) for the records every unit sees (a pull reads
each way a record is visible as an index range).

Revision ID: s0015
Revises: s0014
"""

from alembic import op

revision = "s0015"
down_revision = "s0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index(op.f("ix_records_entity_seq"), "records", ["entity", "seq"])
    if op.get_bind().dialect.name == "postgresql":
        op.execute("CREATE SEQUENCE record_seq AS bigint MINVALUE 1")
        op.execute(
            "SELECT setval('record_seq', GREATEST("
            "(SELECT max(value) FROM counters WHERE name = 'seq'), (SELECT max(seq) FROM records), 0) + 1, false)"
        )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            "UPDATE counters SET value = (SELECT CASE WHEN is_called THEN last_value ELSE last_value - 1 END "
            "FROM record_seq) WHERE name = 'seq'"
        )
        op.execute("DROP SEQUENCE record_seq")
    op.drop_index(op.f("ix_records_entity_seq"), table_name="records")
