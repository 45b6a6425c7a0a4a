"""Working days across 2024–2026 with the cuti bersama of each year, and an office's own closed
day: the calendar deadlines are counted with on the laptop and on the server (domain.workdays,
domain.deadlines). Expected dates are counted by hand from the SKB cuti bersama."""

from __future__ import annotations

from datetime import date

import pytest

from domain import deadlines
from domain.workdays import WorkCalendar


def test_weekends_and_independence_day_are_skipped() -> None:
    cal = WorkCalendar()
    # Thu 15 Aug 2024 + 5 working days: 16 (Fri), [17 Sat = Independence Day], 19, 20, 21, 22.
    assert cal.add_working_days(date(2024, 8, 15), 5) == date(2024, 8, 22)


@pytest.mark.parametrize(
    ("start", "days", "due"),
    [
        # Eid 2024: 8–9 Apr cuti bersama, 10–11 Apr Eid, 12 and 15 Apr cuti bersama.
        (date(2024, 4, 5), 1, date(2024, 4, 16)),
        # Christmas 2024: 25 Dec holiday, 26 Dec cuti bersama → 27, 30, 31.
        (date(2024, 12, 24), 3, date(2024, 12, 31)),
        # The case: 28 Mar 2025 cuti bersama (Nyepi), 31 Mar–1 Apr Eid, 2–4 and 7 Apr cuti
        # bersama → 8, 9, 10, 11, 14 Apr. The `holidays` floor of 0.50 gave 4 Apr (a cuti day).
        (date(2025, 3, 27), 5, date(2025, 4, 14)),
        # 18 Aug 2025: cuti bersama decreed late in the year (a later SKB).
        (date(2025, 8, 15), 1, date(2025, 8, 19)),
        # Christmas 2025: 25 Dec, 26 Dec cuti bersama → 24, 29, 30.
        (date(2025, 12, 23), 3, date(2025, 12, 30)),
        # Nyepi and Eid 2026: 18 Mar cuti, 19 Mar Nyepi, 20 Mar cuti, 23–24 Mar cuti → 25, 26, 27.
        (date(2026, 3, 17), 3, date(2026, 3, 27)),
        # Ascension 2026: 14 May holiday, 15 May cuti bersama → 18, 19, 20.
        (date(2026, 5, 13), 3, date(2026, 5, 20)),
        # Christmas 2026: 24 Dec cuti bersama, 25 Dec → 28.
        (date(2026, 12, 23), 1, date(2026, 12, 28)),
    ],
)
def test_deadlines_across_2024_to_2026_skip_cuti_bersama(start: date, days: int, due: date) -> None:
    assert WorkCalendar().add_working_days(start, days) == due


def test_an_office_closed_day_moves_its_deadlines() -> None:
    """A regional holiday on 14 Apr 2025 (the office's own closed day) → 15 Apr."""
    own = WorkCalendar(extra_closed_days=[date(2025, 4, 14)])
    assert own.add_working_days(date(2025, 3, 27), 5) == date(2025, 4, 15)
    assert not own.is_working_day(date(2025, 4, 14)) and WorkCalendar().is_working_day(date(2025, 4, 14))
    assert WorkCalendar(extra_closed_days=[date(2024, 8, 26)]).add_working_days(date(2024, 8, 23), 1) == date(
        2024, 8, 27
    )


def test_working_days_between_is_signed() -> None:
    cal = WorkCalendar()
    assert cal.working_days_between(date(2024, 8, 19), date(2024, 8, 23)) == 4
    assert cal.working_days_between(date(2024, 8, 23), date(2024, 8, 19)) == -4
    assert cal.add_working_days(date(2024, 8, 19), 0) == date(2024, 8, 19)
    with pytest.raises(ValueError):
        cal.add_working_days(date(2024, 8, 19), -1)


def test_sp4n_lapor_deadlines_in_working_days() -> None:
    cal = WorkCalendar()
    # Acknowledged within 3 working days: sent 27 Mar 2025 → 8, 9, 10 Apr.
    assert deadlines.ack_due(date(2025, 3, 27), cal) == date(2025, 4, 10)
    assert deadlines.ack_due(date(2026, 5, 13), cal) == date(2026, 5, 20)
    # Disputed up to the 10th working day after the answer: answered 5 Apr 2024 → 29 Apr 2024
    # (8–15 Apr are Eid and its cuti bersama); answered 13 May 2026 → 3 Jun 2026 (1 Jun: Pancasila).
    assert deadlines.dispute_until(date(2024, 4, 5), cal) == date(2024, 4, 29)
    until = deadlines.dispute_until(date(2026, 5, 13), cal)
    assert until == date(2026, 6, 3)
    assert deadlines.may_dispute(date(2026, 5, 13), until, cal)
    assert not deadlines.may_dispute(date(2026, 5, 13), date(2026, 6, 4), cal)
    assert not deadlines.may_close(date(2026, 5, 13), until, cal)
    assert deadlines.may_close(date(2026, 5, 13), date(2026, 6, 4), cal)
    # The office's own closed day lengthens its window.
    own = WorkCalendar(extra_closed_days=[date(2026, 6, 2)])
    assert deadlines.dispute_until(date(2026, 5, 13), own) == date(2026, 6, 4)


def test_holiday_names_are_indonesian_whatever_the_locale() -> None:
    assert WorkCalendar().holidays[date(2025, 4, 2)] == "Cuti Bersama Hari Raya Idul Fitri"
