"""Questionnaires from a spreadsheet (CSV or XLSX): one row per respondent, columns U1…U9 (or
"Unsur 1", or the element's name) and optional profile columns. Every row is checked first;
any bad row stops the import and every bad row is named with its line."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from desktop.core.errors import InputError
from desktop.core.i18n import tr
from desktop.core.vocab import AgeBand
from desktop.rules import skm
from desktop.services.sheets import fold, header_and_rows, map_header, validated_rows
from desktop.services.surveys import clean_response

HEADER_ALIASES: dict[str, tuple[str, ...]] = {
    **{
        f"u{e.number}": (
            f"u{e.number}",
            f"u {e.number}",
            f"unsur {e.number}",
            f"element {e.number}",
            fold(e.name),
        )
        for e in skm.ELEMENTS
    },
    "gender": ("jenis kelamin", "jk", "l p", "gender", "sex"),
    "age_band": ("usia", "umur", "age", "kelompok usia"),
    "education": ("pendidikan", "pendidikan terakhir", "education"),
    "occupation": ("pekerjaan", "pekerjaan utama", "occupation"),
    "service": ("layanan", "jenis layanan", "layanan yang diterima", "service"),
    "answered_on": ("tanggal", "tanggal survei", "tanggal pengisian", "date"),
}
AGE_BANDS = (
    (20, AgeBand.UNDER_20),
    (30, AgeBand.FROM_20),
    (40, AgeBand.FROM_30),
    (50, AgeBand.FROM_40),
    (60, AgeBand.FROM_50),
)


def age_band(value: str) -> str:
    """An age in years becomes its band; a band's name is kept for the validator."""
    text = value.strip()
    if text.isdigit():
        years = int(text)
        return next((band.value for limit, band in AGE_BANDS if years < limit), AgeBand.FROM_60.value)
    return text


def _check_row(values: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    scores = [values.pop(name, "") for name in skm.SCORE_FIELDS]
    if "age_band" in values:
        values["age_band"] = age_band(str(values["age_band"]))
    try:
        return clean_response(scores, values), []
    except InputError as exc:
        return {}, [exc.message]


def parse_responses(path: Path) -> list[dict[str, Any]]:
    """Checked questionnaire rows from the file, or `RowErrors` naming every bad line."""
    header, body = header_and_rows(path)
    mapping = map_header(header, HEADER_ALIASES)
    missing = [name for name in skm.SCORE_FIELDS if name not in mapping.values()]
    if missing:
        raise InputError(
            tr(
                "The file lacks the score column(s) {names}. The first row must name the nine "
                "elements, e.g. U1 … U9.",
                names=", ".join(name.upper() for name in missing),
            )
        )
    cleaned = validated_rows(path, body, mapping, _check_row)
    if not cleaned:
        raise InputError(tr("{name} has a header row but no questionnaires.", name=path.name))
    return cleaned
