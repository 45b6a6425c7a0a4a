"""Alembic environment of the server; migrations run through server_stub.store.migrate()."""

from alembic import context

from server_stub.models import Base

connection = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("server migrations run through server_stub.store.migrate(), with a connection")
context.configure(
    connection=connection, target_metadata=Base.metadata, render_as_batch=True, compare_type=True
)
with context.begin_transaction():
    context.run_migrations()
