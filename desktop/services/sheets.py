"""Reading spreadsheets as offices keep them (CSV with "," or ";", with or without a BOM, or
XLSX) and validating them row by row: every bad row is reported with its line number and
nothing is imported while any row is bad, so the user fixes the file once."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

from defusedxml import DefusedXmlException

from desktop.core.errors import EnvironmentProblem, InputError, RowErrors
from desktop.core.i18n import tr
from desktop.core.os_words import os_reason

MAX_ROWS = 5000


def fold(text: str) -> str:
    """A header cell as compared: lower case, punctuation and extra spaces gone."""
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def map_header(header: list[str], aliases: Mapping[str, tuple[str, ...]]) -> dict[int, str]:
    """Column index → field name, for the header cells that name a known field."""
    lookup = {alias: name for name, names in aliases.items() for alias in names}
    mapping: dict[int, str] = {}
    for index, cell in enumerate(header):
        name = lookup.get(fold(cell or ""))
        if name and name not in mapping.values():
            mapping[index] = name
    return mapping


# A workbook whose sheets unpack to more than this is refused before it is parsed: 5,000
# rows of an invitation list or questionnaires are a few MB; a zip bomb is gigabytes.
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


def _decode(raw: bytes) -> str:
    """CSV bytes as text: UTF-16 with its BOM (Excel's "Unicode Text"), UTF-8 with or without
    a BOM, else the Windows code page of old Excel "CSV (Windows)"."""
    if raw.startswith(UTF16_BOMS):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252", errors="replace")


def _read_csv(path: Path) -> list[list[str]]:
    content = _decode(path.read_bytes())
    sample = content[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    rows = []
    for row in csv.reader(io.StringIO(content), dialect):
        rows.append(row)
        if len(rows) > MAX_ROWS + 1:
            break  # the header and one row too many: enough to say it is too long
    return rows


def _check_zip(path: Path) -> None:
    """Refuse a workbook that would unpack to far more than any list (a zip bomb), from the
    sizes its zip directory declares, before any of it is unpacked."""
    with zipfile.ZipFile(path) as archive:
        total = 0
        for member in archive.infolist():
            total += member.file_size
            if total > MAX_UNPACKED_BYTES:
                raise InputError(
                    tr(
                        "{name} would unpack to far more data than a list of {limit} rows holds; it was "
                        "not read. Save the list again from Excel, or split it.",
                        name=path.name,
                        limit=MAX_ROWS,
                    )
                )


def _read_xlsx(path: Path) -> list[list[str]]:
    from openpyxl import load_workbook  # loaded when a workbook is read (~0.25 s of start-up)
    from openpyxl.utils.exceptions import InvalidFileException

    _check_zip(path)
    try:
        workbook = load_workbook(path, read_only=True, data_only=True)
    except InvalidFileException as exc:
        raise ValueError(str(exc)) from exc
    try:
        sheet = workbook.worksheets[0]
        rows = []
        for row in sheet.iter_rows(values_only=True):  # read-only mode: one row at a time
            rows.append(["" if cell is None else str(cell).strip() for cell in row])
            if len(rows) > MAX_ROWS + 1:
                break
        return rows
    finally:
        workbook.close()


def read_rows(path: Path) -> list[list[str]]:
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".txt", ".xlsx", ".xlsm"):
        raise InputError(
            tr("{name} is neither CSV nor XLSX. Save the list from Excel as .xlsx or .csv.", name=path.name)
        )
    try:
        return _read_xlsx(path) if suffix in (".xlsx", ".xlsm") else _read_csv(path)
    except OSError as exc:
        raise EnvironmentProblem(
            tr("Cannot read {path}: {error}", path=path, error=os_reason(exc))
        ) from exc
    except (ValueError, KeyError, csv.Error, zipfile.BadZipFile, ElementTree.ParseError) as exc:
        if _caused_by_entities(exc):
            raise InputError(
                tr(
                    "{name} holds XML that a spreadsheet saved by Excel never has (entity declarations, "
                    "as in a file made to exhaust memory); it was not read.",
                    name=path.name,
                )
            ) from exc
        raise InputError(
            tr("{name} cannot be read as a spreadsheet ({error}).", name=path.name, error=exc)
        ) from exc


def _caused_by_entities(exc: BaseException) -> bool:
    """defusedxml refused entity declarations somewhere down the chain (openpyxl wraps it)."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, DefusedXmlException):
            return True
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return False


def header_and_rows(path: Path) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header row and the non-empty rows below it, with their line numbers."""
    rows = read_rows(path)
    while rows and not any(cell.strip() for cell in rows[0]):
        rows.pop(0)
    if not rows:
        raise InputError(tr("{name} is empty.", name=path.name))
    if len(rows) - 1 > MAX_ROWS:
        raise InputError(tr("{name} has more than {limit} rows; split it.", name=path.name, limit=MAX_ROWS))
    body = [(line, row) for line, row in enumerate(rows[1:], start=2) if any(cell.strip() for cell in row)]
    return rows[0], body


def validated_rows(
    path: Path,
    body: list[tuple[int, list[str]]],
    mapping: dict[int, str],
    check_row: Callable[[dict[str, Any]], tuple[dict[str, Any], list[str]]],
) -> list[dict[str, Any]]:
    """Every row through `check_row` (→ cleaned values, problems); all cleaned rows, or
    `RowErrors` naming every bad line."""
    cleaned: list[dict[str, Any]] = []
    problems: list[tuple[int, str]] = []
    for line, row in body:
        values = {name: row[index] if index < len(row) else "" for index, name in mapping.items()}
        clean, row_problems = check_row(values)
        if row_problems:
            problems.append((line, " ".join(row_problems)))
        else:
            cleaned.append(clean)
    if problems:
        detail = "; ".join(tr("line {line}: {problem}", line=line, problem=p) for line, p in problems[:20])
        more = len(problems) - 20
        raise RowErrors(
            tr(
                "{count} row(s) of {name} are wrong, so nothing was imported. {detail}",
                count=len(problems),
                name=path.name,
                detail=detail,
            )
            + (tr(" (and {more} more)", more=more) if more > 0 else ""),
            problems,
        )
    return cleaned
