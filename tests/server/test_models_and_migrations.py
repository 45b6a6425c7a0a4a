"""The server's tables as its models declare them are the tables its migrations make, on SQLite
and on PostgreSQL (a model changed without its migration would work in the tests' fresh
databases and fail on an office's upgraded one)."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine

from server_stub.models import Base
from server_stub.store import ServerStore
from tests.server.serving import server_db  # noqa: F401 - fixture


def test_the_models_are_what_the_migrations_make(server_db: str) -> None:  # noqa: F811 - the fixture
    store = ServerStore(server_db)
    store.migrate()
    store.close()
    engine = create_engine(server_db)
    try:
        with engine.connect() as conn:
            context = MigrationContext.configure(conn, opts={"compare_type": True})
            diff = compare_metadata(context, Base.metadata)
    finally:
        engine.dispose()
    assert diff == []
