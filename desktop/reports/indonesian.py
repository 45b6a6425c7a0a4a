"""Dates, times and counts written the way Indonesian official documents write them."""

from __future__ import annotations

import re
from datetime import date, time

from babel.dates import format_date
from num2words import num2words

LOCALE = "id"


def words(number: int) -> str:
    """A whole number in Indonesian words: 2024 → "dua ribu dua puluh empat"."""
    return str(num2words(number, lang=LOCALE))


def day_name(day: date) -> str:
    return str(format_date(day, "EEEE", locale=LOCALE))


def long_date(day: date) -> str:
    """21 Agustus 2024"""
    return str(format_date(day, "d MMMM y", locale=LOCALE))


def date_in_words(day: date) -> str:
    """hari Rabu tanggal dua puluh satu bulan Agustus tahun dua ribu dua puluh empat"""
    month = format_date(day, "MMMM", locale=LOCALE)
    return f"hari {day_name(day)} tanggal {words(day.day)} bulan {month} tahun {words(day.year)}"


def clock(value: time) -> str:
    """09.00: Indonesian writes the time with a dot."""
    return value.strftime("%H.%M")


def count_with_words(number: int) -> str:
    """1 (satu): the way counts are written in letters."""
    return f"{number} ({words(number)})"


def nip(value: str) -> str:
    """A civil servant's NIP in its four groups, 8-6-1-3: "19750515 200003 1 001" (birth date,
    appointment month, sex, serial), however it was typed; anything but 18 digits as typed."""
    digits = "".join(value.split())
    if len(digits) != 18 or not digits.isdigit():
        return value.strip()
    return f"{digits[:8]} {digits[8:14]} {digits[14]} {digits[15:]}"


_WORD = re.compile(r"[^\W\d_]+")


def in_sentence(label: str) -> str:
    """A label written inside a sentence: lower case, but acronyms stay as they are
    ("LSM/organisasi masyarakat" → "LSM/organisasi masyarakat", "Media massa" → "media massa")."""
    return _WORD.sub(lambda m: m.group() if len(m.group()) > 1 and m.group().isupper() else m.group().lower(), label)
