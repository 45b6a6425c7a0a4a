"""Reading an invitation list (CSV or XLSX, as offices keep them in Excel) into participant rows.

Headers may be Indonesian or English ("Nama", "Instansi", "Unsur", "L/P", …). Every row is
validated before anything is imported; any bad row stops the whole import, and every bad row
is reported with its line number, so the user fixes the file once.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.errors import InputError
from desktop.core.i18n import tr
from desktop.services import fields, participants
from desktop.services.sheets import header_and_rows, map_header, validated_rows

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


def _map_header(header: list[str]) -> dict[int, str]:
    mapping = map_header(header, HEADER_ALIASES)
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


def _check_row(values: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    if not str(values.get("role", "")).strip():
        values.pop("role", None)
    for name in ("name", "category"):
        values.setdefault(name, "")
    problems = []
    for name, value in values.items():
        try:
            fields.clean(participants.RULES, {name: value})
        except InputError as exc:
            problems.append(exc.message)
    return ({} if problems else fields.clean(participants.RULES, values)), problems


def parse_participants(path: Path) -> list[dict[str, Any]]:
    """Validated participant rows from the file, or `RowErrors` naming every bad line."""
    header, body = header_and_rows(path)
    cleaned = validated_rows(path, body, _map_header(header), _check_row)
    if not cleaned:
        raise InputError(tr("{name} has a header row but no participants.", name=path.name))
    return cleaned
