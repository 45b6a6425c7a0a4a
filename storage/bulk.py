"""Inserting many plain rows straight through the database driver (one executemany).

Through SQLAlchemy's Core executemany, building each row's parameters cost more than the
database's own work: a push of 1,000 new records on the server, a page of 1,000 pulled records
on a device. Values go through each column type's own bind processing and missing columns
take their Python-side defaults, so what is stored is exactly what SQLAlchemy would store
(JSON text, the dialect's date-time format, enum names)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from operator import itemgetter
from typing import Any

from sqlalchemy import Column, Table
from sqlalchemy.orm import Session

Processor = Callable[[Any], Any] | None
# Positional parameter markers of the drivers Mufakat runs on (sqlite3, psycopg).
MARKERS = {"qmark": "?", "format": "%s", "pyformat": "%s"}


def _default(column: Column[Any]) -> Callable[[], Any]:
    default: Any = column.default
    if default.is_callable:
        return lambda: default.arg(None)  # SQLAlchemy wraps callables to take a context
    return lambda: default.arg


def insert_rows(session: Session, table: Table, rows: Sequence[dict[str, Any]]) -> None:
    """Insert `rows`: dicts with the same keys, each a column of `table`; a column none of them
    has takes its Python-side default, if it has one."""
    if not rows:
        return
    connection = session.connection()
    dialect = connection.dialect
    names = list(rows[0])
    defaults = [
        (column.key, _default(column))
        for column in table.columns
        if column.key not in rows[0] and column.default is not None and not column.default.is_sequence
    ]
    columns = [*names, *(name for name, _ in defaults)]
    processors: list[Processor] = [
        table.c[name].type.dialect_impl(dialect).bind_processor(dialect) for name in columns
    ]
    quote = dialect.identifier_preparer.quote
    target = f"{quote(table.schema)}.{quote(table.name)}" if table.schema else quote(table.name)
    statement = (
        f"INSERT INTO {target} ({', '.join(quote(name) for name in columns)}) "
        f"VALUES ({', '.join([MARKERS[dialect.paramstyle]] * len(columns))})"
    )
    converted = [(i, process) for i, process in enumerate(processors) if process is not None]
    values_of = itemgetter(*names)
    parameters = []
    for row in rows:
        values = list(values_of(row)) if len(names) > 1 else [values_of(row)]
        values += [make() for _, make in defaults]
        for i, process in converted:
            if values[i] is not None:
                values[i] = process(values[i])
        parameters.append(tuple(values))
    connection.exec_driver_sql(statement, parameters)
