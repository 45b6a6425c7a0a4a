"""Exporting the data: complete, deterministic JSON (same data, same bytes) and CSV for spreadsheets.

JSON holds every synced table, rows sorted by id, keys sorted, so two databases can be compared
by comparing their exports. Device-local tables (outbox, device state) are not data and are left
out. `--forum` narrows it to one forum, its children, its unit and what was recorded about them.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import N_, tr
from desktop.models import (
    SYNCED_MODELS,
    AgendaItem,
    AuditEvent,
    Escalation,
    FollowUp,
    Forum,
    Participant,
    Recommendation,
    Synced,
    Unit,
)
from desktop.services.cell_safety import csv_cell
from desktop.services.journal import jsonable
from desktop.services.lookup import load
from protocol.users import without_secrets

EXPORT_FORMAT = "mufakat-export"
EXPORT_VERSION = 1


def _row(row: Synced) -> dict[str, Any]:
    """A row as exported: every column, but never a secret (a user's password hash: an export
    leaves the office's laptops)."""
    values = {column.key: jsonable(getattr(row, column.key)) for column in row.__table__.columns}
    return without_secrets(row.__tablename__, values)


def _rows(
    session: Session, model: type[Synced], forum_id: str | None, ids: dict[str, set[str]]
) -> list[Synced]:
    query = select(model)
    if forum_id is not None:
        if model is Unit:
            query = query.where(Unit.id.in_(ids["units"]))
        elif model is Forum:
            query = query.where(Forum.id == forum_id)
        elif model in (Participant, AgendaItem, Recommendation):
            query = query.where(model.forum_id == forum_id)
        elif model is FollowUp:
            query = query.where(FollowUp.recommendation_id.in_(ids["recommendations"]))
        elif model is Escalation:
            query = query.where(Escalation.recommendation_id.in_(ids["recommendations"]))
        elif model is AuditEvent:
            query = query.where(AuditEvent.entity_id.in_(set().union(*ids.values())))
    return list(session.scalars(query.order_by(model.id)))


def collect(session: Session, forum_id: str | None = None) -> dict[str, list[dict[str, Any]]]:
    """Every synced table's rows as plain dicts, in dependency order, rows sorted by id."""
    ids: dict[str, set[str]] = {}
    if forum_id is not None:
        forum = load(session, Forum, forum_id, N_("Forum"))
        ids["units"] = {forum.unit_id}
    tables: dict[str, list[dict[str, Any]]] = {}
    for model in SYNCED_MODELS:
        rows = _rows(session, model, forum_id, ids)
        tables[model.__tablename__] = [_row(r) for r in rows]
        ids.setdefault(model.__tablename__, set()).update(r.id for r in rows)
    return tables


def export_json(session: Session, forum_id: str | None = None) -> str:
    document = {"format": EXPORT_FORMAT, "version": EXPORT_VERSION, "tables": collect(session, forum_id)}
    return json.dumps(document, ensure_ascii=False, sort_keys=True, indent=1) + "\n"


CSV_TABLES = {m.__tablename__ for m in SYNCED_MODELS}


def _table(session: Session, forum_id: str | None, table: str) -> tuple[list[str], list[list[Any]]]:
    """The header and rows of one table as spreadsheet cells (JSON-valued cells as JSON text)."""
    if table not in CSV_TABLES:
        raise InputError(
            tr(
                "Unknown table {table!r}. Choose one of: {choices}.",
                table=table,
                choices=", ".join(sorted(CSV_TABLES)),
            )
        )
    rows = collect(session, forum_id)[table]
    model = next(m for m in SYNCED_MODELS if m.__tablename__ == table)
    header = ["id", "unit_id", *model.data_fields(), "created_at", "updated_at", "deleted", "clocks"]
    cells = [
        [
            json.dumps(row[k], ensure_ascii=False, sort_keys=True)
            if isinstance(row[k], dict | list)
            else ("" if row[k] is None else row[k])
            for k in header
        ]
        for row in rows
    ]
    return header, cells


BOM = "\ufeff"  # Excel reads a CSV as UTF-8 only when it starts with one


def csv_delimiter(language: str) -> str:
    """The list separator of the user's Excel: ";" in Indonesian (whose decimal separator is the
    comma), "," in English."""
    return ";" if language == "id" else ","


def export_csv(
    session: Session, forum_id: str | None = None, table: str = "recommendations", delimiter: str = ","
) -> str:
    """One table as CSV for a spreadsheet: a UTF-8 byte order mark, `delimiter` between cells
    (`csv_delimiter`), a header row; JSON-valued cells as JSON text; text a spreadsheet would run
    as a formula is neutralised."""
    header, cells = _table(session, forum_id, table)
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(header)
    for row in cells:
        writer.writerow(csv_cell(value) for value in row)
    return out.getvalue()


def export_xlsx(session: Session, forum_id: str | None = None, table: str = "recommendations") -> bytes:
    """One table as an Excel workbook; every text cell is stored as text, never as a formula."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    header, cells = _table(session, forum_id, table)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(table[:31])
    sheet.append(header)
    for row in cells:
        line = []
        for value in row:
            cell = WriteOnlyCell(sheet, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # openpyxl makes "=…" a formula ("f") otherwise
            line.append(cell)
        sheet.append(line)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
