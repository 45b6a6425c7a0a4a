"""Translation of the messages that services, the CLI and errors produce.

Widgets use Qt's own translation system (.ts files). Everything below the views speaks through
`tr()`: the source strings are English, and `locale/<lang>.po` catalogs (read directly with Babel,
no compile step) give the other languages. Indonesian is the default language.
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo
from decimal import ROUND_HALF_UP, Decimal
from functools import cache
from pathlib import Path

from babel.messages.pofile import read_po

DEFAULT_LANGUAGE = "id"
LANGUAGES = ("id", "en")
LOCALES = {"id": "id_ID", "en": "en_US"}  # Babel's names for the languages (dates, numbers)
_LOCALE_DIR = Path(__file__).parent.parent / "locale"
_state = {"language": DEFAULT_LANGUAGE}


@cache
def _catalog(language: str) -> dict[str, str]:
    path = _LOCALE_DIR / f"{language}.po"
    if not path.exists():
        return {}
    with path.open("rb") as fh:
        catalog = read_po(fh, locale=language)
    return {
        str(message.id): str(message.string)
        for message in catalog
        if message.id and message.string and not message.fuzzy
    }


def set_language(language: str) -> None:
    """Switch the language of messages made from now on ("id" or "en")."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}; choose one of {', '.join(LANGUAGES)}")
    _state["language"] = language


def language() -> str:
    return _state["language"]


def N_(message: str) -> str:
    """Mark a string for translation where it is defined; `tr()` translates it where it is shown."""
    return message


def translate_to(language: str, message: str) -> str:
    """`message` in `language`, whatever the current language is."""
    return _catalog(language).get(message, message)


def number(value: int | float | Decimal, places: int | None = None, *, language: str | None = None) -> str:
    """A number as the language writes it (Babel's `format_decimal`): "100.000" and "3,25" in
    Indonesian, "100,000" and "3.25" in English. `places`: the digits after the decimal sign,
    rounded half up ("12,50"); None: a Decimal's own ("3,250" stays so), at most three of a
    float's. `language`: the app's when None; the printed documents, always Indonesian, say "id"."""
    from babel.numbers import format_decimal  # babel's locale data loads on first use

    locale = LOCALES[language or _state["language"]]
    if places is None and isinstance(value, Decimal) and isinstance(value.as_tuple().exponent, int):
        places = max(0, -int(value.as_tuple().exponent))
    if places is None:
        return str(format_decimal(value, locale=locale))
    exact = value if isinstance(value, Decimal) else Decimal(str(value))
    rounded = exact.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    pattern = "#,##0." + "0" * places if places else "#,##0"
    return str(format_decimal(rounded, format=pattern, locale=locale))


TIME_OF_DAY = {"id": "HH.mm", "en": "HH:mm"}
DATE_AND_TIME = {"id": "dd-MM-yyyy HH.mm", "en": "dd-MM-yyyy HH:mm"}


def time_on(at: datetime, day: date, zone: tzinfo | None = None) -> str:
    """When something happened, in the office's time zone, said against `day` (a forum's): its
    time alone on that day ("09.12"), its date and time on any other ("23-08-2024 09.12")."""
    from babel.dates import format_datetime

    language = _state["language"]
    local = at.astimezone(zone)
    pattern = (TIME_OF_DAY if local.date() == day else DATE_AND_TIME)[language]
    return str(format_datetime(local, pattern, tzinfo=local.tzinfo, locale=LOCALES[language]))


def tr(message: str, /, **params: object) -> str:
    """Translate `message` into the current language and fill in its `{placeholders}`."""
    text = _catalog(_state["language"]).get(message, message)
    return text.format(**params) if params else text
