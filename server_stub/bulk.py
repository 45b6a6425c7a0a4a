"""Inserting many plain rows straight through the database driver (one executemany).

A push of 500 new records also writes 500 remembered operations; through SQLAlchemy's Core
executemany, building each row's parameters cost more than the database's own work. Values go
through each column type's own bind processing, so what is stored is exactly what SQLAlchemy
would store (JSON text, the dialect's date-time format)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Table
from sqlalchemy.orm import Session

Processor = Callable[[Any], Any] | None
# Positional parameter markers of the drivers the server runs on (sqlite3, psycopg).
MARKERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows` (all with the same keys, every key a column of `table`)."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    names = list(rows[0])
    processors: list[Processor] = [
        table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in names
    ]
    quote = dialect.identifier_preparer.quote
    marker = MARKERS[dialect.paramstyle]
    statement = (
        f"INSERT INTO {quote(table.name)} ({', '.join(quote(name) for name in names)}) "
        f"VALUES ({', '.join([marker] * len(names))})"
    )
    converted = [(i, process) for i, process in enumerate(processors) if process is not None]
    values_of = itemgetter(*names)
    parameters = []
    for row in rows:
        values = list(values_of(row)) if len(names) > 1 else [values_of(row)]
        for i, process in converted:
            if values[i] is not None:
                values[i] = process(values[i])
        parameters.append(tuple(values))
    connection.exec_driver_sql(statement, parameters)
