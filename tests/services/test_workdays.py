from __future__ import annotations

from datetime import date

from domain.workdays import WorkCalendar


def test_weekends_and_independence_day_are_skipped() -> None:
    cal = WorkCalendar()
    # Thu 15 Aug 2024 + 5 working days: 16 (Fri), [17 Sat = Independence Day], 19, 20, 21, 22.
    assert cal.add_working_days(date(2024, 8, 15), 5) == date(2024, 8, 22)


def test_collective_leave_counts_as_a_holiday() -> None:
    cal = WorkCalendar()
    # Eid 2024: 8-9 Apr collective leave, 10-11 Apr Eid, 12 and 15 Apr collective leave.
    assert not cal.is_working_day(date(2024, 4, 8))
    assert not cal.is_working_day(date(2024, 4, 15))
    assert cal.add_working_days(date(2024, 4, 5), 1) == date(2024, 4, 16)


def test_extra_closed_days_of_the_office() -> None:
    cal = WorkCalendar(extra_closed_days=[date(2024, 8, 26)])
    assert cal.add_working_days(date(2024, 8, 23), 1) == date(2024, 8, 27)


def test_working_days_between_is_signed() -> None:
    cal = WorkCalendar()
    assert cal.working_days_between(date(2024, 8, 19), date(2024, 8, 23)) == 4
    assert cal.working_days_between(date(2024, 8, 23), date(2024, 8, 19)) == -4
    assert cal.add_working_days(date(2024, 8, 19), 0) == date(2024, 8, 19)
