"""The web pages' words: English in the templates and the code, Indonesian from this package's
catalog (`locale/id.po`, Babel's format, like the desktop's), read once and compiled in memory.
Indonesian by default; `?lang=en` (kept in a cookie) for English."""

from __future__ import annotations

import gettext
from datetime import date, datetime
from functools import cache
from io import BytesIO
from pathlib import Path

from babel.dates import format_date, format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal
from babel.support import Translations

LANGUAGES = ("id", "en")
DEFAULT = "id"
CATALOG = Path(__file__).parent / "locale" / "id.po"


@cache
def translations(lang: str) -> gettext.NullTranslations:
    if lang != "id":
        return gettext.NullTranslations()
    with CATALOG.open("rb") as source:
        catalog = read_po(source, locale="id")
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return Translations(fp=compiled)


def language(asked: str | None) -> str:
    return asked if asked in LANGUAGES else DEFAULT


def day(value: date | str | None, lang: str) -> str:
    """A date as people there write it: "21 Agustus 2024"."""
    if value is None or value == "":
        return "–"
    if isinstance(value, str):
        value = date.fromisoformat(value[:10])
    return format_date(value, format="long", locale=lang)


def moment(value: datetime | None, lang: str) -> str:
    if value is None:
        return "–"
    return format_datetime(value, format="d MMM y HH:mm", locale=lang) + " UTC"


def number(value: float | int, lang: str, places: int = 0) -> str:
    return format_decimal(
        round(value, places), format="#,##0" + ("." + "0" * places if places else ""), locale=lang
    )
