"""Working days in Indonesia: weekends, national holidays, collective leave (cuti bersama) and the
days an office is closed besides.

Deadlines for escalations and follow-up are counted in working days (DOMAIN.md, SP4N-LAPOR!).
National holidays and cuti bersama come from the `holidays` package (its "public" and
"government" categories: 0.99 is the first with those of 2024, 2025 and 2026). Days it does not
know are closed days of their own: an office's regional holidays and late decrees (entered in
its Settings), and national cuti bersama decreed after the package was released (entered once
by the server's administrator for every unit). The laptop and the server count with the same
calendar.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, timedelta
from functools import cache


@cache
def national_holidays() -> Mapping[date, str]:
    """Indonesia's holidays and cuti bersama, loaded when a deadline is first counted (the
    package's country tables take a tenth of a second: not at start-up), once per process."""
    import holidays

    # In Indonesian, whatever this machine's locale ("Cuti Bersama Hari Raya Idul Fitri").
    found: Mapping[date, str] = holidays.country_holidays(
        "ID", categories=("public", "government"), language="id"
    )
    return found


class WorkCalendar:
    def __init__(self, extra_closed_days: Iterable[date] = ()) -> None:
        self._extra = frozenset(extra_closed_days)
        self._known: dict[date, bool] = {}  # asking the holidays package is slow: each day once

    @property
    def closed_days(self) -> frozenset[date]:
        """The days closed besides the package's holidays."""
        return self._extra

    @property
    def holidays(self) -> Mapping[date, str]:
        return national_holidays()

    def is_working_day(self, day: date) -> bool:
        known = self._known.get(day)
        if known is None:
            known = self._known[day] = (
                day.weekday() < 5 and day not in self._extra and day not in self.holidays
            )
        return known

    def add_working_days(self, start: date, days: int) -> date:
        """The date `days` working days after `start` (start itself is not counted)."""
        if days < 0:
            raise ValueError("days must be zero or more")
        current = start
        remaining = days
        while remaining:
            current += timedelta(days=1)
            if self.is_working_day(current):
                remaining -= 1
        return current

    def working_days_between(self, start: date, end: date) -> int:
        """Working days after `start` up to and including `end` (negative when end is earlier)."""
        if end < start:
            return -self.working_days_between(end, start)
        return sum(
            1 for n in range(1, (end - start).days + 1) if self.is_working_day(start + timedelta(days=n))
        )
