"""Reading an invitation list (CSV or XLSX, as offices keep them in Excel) into participant rows.

Headers may be Indonesian or English ("Nama", "Instansi", "Unsur", "L/P", …). Every row is
validated before anything is imported; any bad row stops the whole import, and every bad row
is reported with its line number, so the user fixes the file once.
"""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path
from typing import Any

from openpyxl import load_workbook
from openpyxl.utils.exceptions import InvalidFileException

from desktop.errors import EnvironmentProblem, InputError, RowErrors
from desktop.i18n import tr
from desktop.services import fields, participants

# Column names people use, folded to lower case without punctuation.
HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    "name": ("nama", "name", "nama lengkap", "nama peserta", "peserta"),
    "organization": (
        "instansi",
        "organisasi",
        "organization",
        "organisation",
        "lembaga",
        "asal instansi",
        "satker",
        "unit kerja",
        "asal",
    ),
    "category": ("unsur", "unsur masyarakat", "kategori", "category", "element"),
    "gender": ("jenis kelamin", "jk", "l p", "gender", "sex"),
    "vulnerable": ("kelompok rentan", "rentan", "vulnerable", "disabilitas"),
    "phone": ("telepon", "telp", "no hp", "hp", "nomor hp", "no telp", "phone", "wa", "no wa"),
    "email": ("email", "e mail", "surel", "alamat email"),
    "role": ("peran", "role", "jabatan dalam forum"),
}
MAX_ROWS = 5000


def _fold(text: str) -> str:
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text.lower()).split())


def _map_header(header: list[str]) -> dict[int, str]:
    lookup = {alias: name for name, aliases in HEADER_ALIASES.items() for alias in aliases}
    mapping: dict[int, str] = {}
    for index, cell in enumerate(header):
        name = lookup.get(_fold(cell or ""))
        if name and name not in mapping.values():
            mapping[index] = name
    if "name" not in mapping.values():
        raise InputError(
            tr(
                "The file has no name column. The first row must hold the column names, "
                "e.g. Nama, Instansi, Unsur, Jenis Kelamin."
            )
        )
    if "category" not in mapping.values():
        raise InputError(
            tr(
                "The file has no column for the element of the public (Unsur). Add one: "
                "every participant needs it."
            )
        )
    return mapping


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    try:
        content = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        content = raw.decode("cp1252", errors="replace")  # old Excel "CSV (Windows)"
    sample = content[:4096]
    try:
        dialect: type[csv.Dialect] | csv.Dialect = csv.Sniffer().sniff(sample, delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [row for row in csv.reader(io.StringIO(content), dialect)]


def _read_xlsx(path: Path) -> list[list[str]]:
    workbook = load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        return [
            ["" if cell is None else str(cell).strip() for cell in row]
            for row in sheet.iter_rows(values_only=True)
        ]
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
            tr("Cannot read {path}: {error}", path=path, error=exc.strerror or exc)
        ) from exc
    except (ValueError, KeyError, csv.Error, zipfile.BadZipFile, InvalidFileException) as exc:
        raise InputError(
            tr("{name} cannot be read as a spreadsheet ({error}).", name=path.name, error=exc)
        ) from exc


def parse_participants(path: Path) -> list[dict[str, Any]]:
    """Validated participant rows from the file, or `RowErrors` naming every bad line."""
    rows = read_rows(path)
    while rows and not any(cell.strip() for cell in rows[0]):
        rows.pop(0)
    if not rows:
        raise InputError(tr("{name} is empty.", name=path.name))
    mapping = _map_header(rows[0])
    if len(rows) - 1 > MAX_ROWS:
        raise InputError(tr("{name} has more than {limit} rows; split it.", name=path.name, limit=MAX_ROWS))
    cleaned: list[dict[str, Any]] = []
    problems: list[tuple[int, str]] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        values = {name: row[index] if index < len(row) else "" for index, name in mapping.items()}
        if not str(values.get("role", "")).strip():
            values.pop("role", None)
        row_problems = []
        for name in ("name", "category"):
            values.setdefault(name, "")
        for name, value in values.items():
            try:
                fields.clean(participants.RULES, {name: value})
            except InputError as exc:
                row_problems.append(exc.message)
        if row_problems:
            problems.append((line, " ".join(row_problems)))
        else:
            cleaned.append(fields.clean(participants.RULES, values))
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
    if not cleaned:
        raise InputError(tr("{name} has a header row but no participants.", name=path.name))
    return cleaned
