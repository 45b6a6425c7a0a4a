"""The time zone an office reads its times in, and its printed name: the unit's own (WIB, WITA
or WIT), or, while the office has chosen none, this laptop's (named as one of the three when it
is one of their offsets, else by its offset from UTC). Every printed time carries the name."""

from __future__ import annotations

from datetime import date, datetime, timedelta, tzinfo

from desktop.vocab import OfficeZone


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
    offset = datetime.now().astimezone().utcoffset() or timedelta(0)
    known = OfficeZone.of_offset(offset)
    if known is not None:
        return known.value
    minutes = int(offset.total_seconds()) // 60
    sign = "+" if minutes >= 0 else "-"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"
