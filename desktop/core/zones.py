"""The time zone an office reads its times in, and its printed name: the unit's own (WIB, WITA
or WIT), or, while the office has chosen none, this laptop's (named as one of the three when it
is one of their offsets, else by its offset from UTC). Every printed time carries the name, and
so does every time on the screen (`screen_time`)."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from desktop.core.i18n import LOCALES, language
from desktop.core.vocab import OfficeZone


def office_zone(zone: OfficeZone | None) -> tzinfo:
    if zone is not None:
        return zone.tzinfo()
    laptop = datetime.now().astimezone().tzinfo
    assert laptop is not None
    return laptop


def office_today(zone: OfficeZone | None) -> date:
    """Today where the office is: papers are dated by it (a laptop set to another zone, or
    working past midnight UTC, would date them a day off the dates printed beside)."""
    return datetime.now(office_zone(zone)).date()


def zone_name(zone: OfficeZone | None) -> str:
    """ "WIT": printed after a time ("pukul 09.00 WIT")."""
    if zone is not None:
        return zone.value
    return _offset_name(datetime.now().astimezone().utcoffset() or timedelta(0))


def _offset_name(offset: timedelta) -> str:
    known = OfficeZone.of_offset(offset)
    if known is not None:
        return known.value
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


SCREEN_TIME = {"id": "dd-MM-yyyy HH.mm", "en": "dd-MM-yyyy HH:mm"}
SCREEN_DAY_AND_TIME = {"id": "EEEE, dd-MM-yyyy HH.mm", "en": "EEEE, dd-MM-yyyy HH:mm"}


def screen_time(at: datetime, zone: tzinfo | None, *, weekday: bool = False) -> str:
    """A moment on the screen (the last backup, the last sync, a line of history), as the
    language writes it, in the office's time zone and named by it: "21-08-2024 10.15 WIT"
    ("Rabu, 21-08-2024 10.15 WIT" with its `weekday`). `zone`: the office's (the workspace's
    `ctx.zone`); None: this laptop's. A time without its zone is read in the wrong one: a
    backup "at 02.15" was 02.15 UTC, 11.15 in a WIT office."""
    from babel.dates import format_datetime  # babel's locale data loads on first use

    local = at.astimezone(zone)
    patterns = SCREEN_DAY_AND_TIME if weekday else SCREEN_TIME
    said = format_datetime(local, patterns[language()], tzinfo=local.tzinfo, locale=LOCALES[language()])
    return f"{said} {_offset_name(local.utcoffset() or timedelta(0))}"
