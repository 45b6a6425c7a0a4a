"""How long a recommendation took, on a report's day (PEKPPP 8–9, 27–28): every duration ends at
the event that closed it or, still open, at the report's day — never beyond it, never from a day
before the recommendation existed. Weekdays of August 2024 with no holiday between them."""

from __future__ import annotations

from datetime import date

from desktop.core.vocab import FollowUpStatus, RecStatus, Scope
from desktop.services.report_data import FollowUpLine, RecLine
from desktop.services.timeliness import timing_of
from domain.workdays import WorkCalendar

HELD = date(2024, 8, 21)  # Wednesday
CALENDAR = WorkCalendar()


def line(status: RecStatus, status_on: date | None, *follow_ups: FollowUpLine) -> RecLine:
    return RecLine(
        number=1,
        text="Perkuat customer service",
        scope=Scope.UNIT,
        status=status,
        status_reason="",
        outcome=None,
        votes=3,
        raised_by="",
        raised_by_category=None,
        follow_ups=follow_ups,
        escalations=(),
        status_on=status_on,
    )


def test_a_decision_after_the_reports_day_is_not_known_there() -> None:
    rejected = line(RecStatus.REJECTED, date(2026, 11, 30))
    on_the_day = timing_of(rejected, HELD, date(2024, 8, 28), CALENDAR)
    assert (on_the_day.closed, on_the_day.rejected, on_the_day.working_days) == (None, False, 5)
    later = timing_of(rejected, HELD, date(2026, 11, 30), CALENDAR)
    assert later.closed == date(2026, 11, 30) and later.rejected


def test_an_action_done_after_the_reports_day_is_still_open_there() -> None:
    done = FollowUpLine(
        "Tambah petugas", "Kepala Seksi", date(2024, 8, 30), 100, FollowUpStatus.DONE, "SK", date(2024, 9, 2)
    )
    timing = timing_of(line(RecStatus.DONE, date(2024, 9, 2), done), HELD, date(2024, 8, 28), CALENDAR)
    assert timing.completed is None and timing.is_open and timing.working_days == 5
    assert timing.progress is None  # its 100% was recorded later; not a figure of 28 August
    assert not timing.late  # the target (30 August) is after the report's day
    after = timing_of(line(RecStatus.DONE, date(2024, 9, 2), done), HELD, date(2024, 9, 30), CALENDAR)
    assert (after.completed, after.progress, after.working_days, after.late_days) == (
        date(2024, 9, 2),
        100,
        8,
        1,
    )


def test_a_late_arrival_is_received_the_day_it_was_recorded() -> None:
    proposed = line(RecStatus.PROPOSED, None)
    timing = timing_of(proposed, HELD, date(2024, 8, 28), CALENDAR, recorded_on=date(2024, 8, 26))
    assert (timing.received, timing.working_days) == (date(2024, 8, 26), 2)
    before = timing_of(proposed, HELD, date(2024, 8, 23), CALENDAR, recorded_on=date(2024, 8, 26))
    assert before.working_days == 0  # the report's day is before it existed
    # Recorded (offline, on a laptop with its clock wrong) before the forum: the forum's day.
    early = timing_of(proposed, HELD, date(2024, 8, 28), CALENDAR, recorded_on=date(2024, 8, 1))
    assert early.received == HELD and early.working_days == 5
