"""One office table (desktop.services.office_tables) as the files an Indonesian office opens in
Excel: XLSX with typed cells (dates as dates, numbers as numbers, times in the office's zone), a
bold frozen header row with filters (the recaps' sheet, `recap_xlsx`), and CSV with a byte order
mark, the user's list separator and the same words: Ya/Tidak, labels, dates as 21-08-2024 and
times as 09.05 in the zone the heading names. Text a spreadsheet would run is neutralised."""

from __future__ import annotations

import csv
import io
from datetime import date, datetime, time
from enum import StrEnum
from typing import Any

from openpyxl import Workbook

from desktop.reports.recap_xlsx import Column, _bytes, _label, _Sheet
from desktop.services.cell_safety import csv_cell
from desktop.services.export import BOM
from desktop.services.office_tables import OfficeTable


def office_xlsx(table: OfficeTable) -> bytes:
    book = Workbook(write_only=True)
    pairs = zip(table.headers, table.fields, strict=True)
    columns = [Column(header, field.width, field.wrap) for header, field in pairs]
    sheet = _Sheet(book, table.title[:31], columns, len(table.rows), table.zone)
    for row in table.rows:
        sheet.row([_to_the_second(value) for value in row])
    return _bytes(book)


def _to_the_second(value: Any) -> Any:
    """Excel keeps milliseconds at best; a stored moment is shown to the minute anyway."""
    return value.replace(microsecond=0) if isinstance(value, datetime) else value


def _csv_text(value: Any, table: OfficeTable) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "Ya" if value else "Tidak"
    if isinstance(value, StrEnum):
        return _label(value)
    if isinstance(value, datetime):
        return value.astimezone(table.zone).strftime("%d-%m-%Y %H.%M")
    if isinstance(value, date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, time):
        return value.strftime("%H.%M")
    return str(value)


def office_csv(table: OfficeTable, delimiter: str) -> str:
    """`delimiter`: the user's Excel list separator (`export.csv_delimiter`)."""
    out = io.StringIO()
    out.write(BOM)
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\r\n")
    writer.writerow(table.headers)
    for row in table.rows:
        writer.writerow(csv_cell(_csv_text(value, table)) for value in row)
    return out.getvalue()
