"""Alembic environment: migrations run on the connection the app hands over (see desktop.store.db)."""

from alembic import context

from desktop.models import Base
from desktop.store.search import is_search_table

config = context.config
connection = config.attributes.get("connection")
if connection is None:
    raise RuntimeError("desktop migrations run through desktop.store.db.migrate(), with a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=lambda name, type_, _parents: not (type_ == "table" and is_search_table(name)),
)
with context.begin_transaction():
    context.run_migrations()
