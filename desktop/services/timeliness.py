"""How fast a recommendation (a consultation input) was handled, in one rule for the follow-up
report and the register (PEKPPP: follow-up of the consultation's results and its speed; Perpres
76/2013: complaints handled within a time that is measured).

- Received: the day of the forum where it was raised; a recommendation that reached the office
  after its forum's berita acara was closed (recorded on a laptop offline at the close), the
  day it was recorded, if later — never a day before it existed.
- Target: a unit-scope recommendation's last follow-up due date; a policy one's answer due date
  from the office above (its last escalation).
- Completed: unit scope: when every action of it is done (100%), on the day the last one was
  done, or else when it was marked done, on that day; policy: answered, on the day of the
  answer. Closed: completed, or rejected on the day of the decision — nothing more is done
  about it.
- Progress: the lowest progress of its actions (it is done when every action is); a policy
  recommendation is 100% once answered, unmeasured before.
- Working days: from the day received to the day closed (still open: to the report's day),
  counted as `WorkCalendar.working_days_between` counts them (the day received not counted).
- The report shows the position on its day (*posisi per*): what was decided or completed after
  that day had not happened yet — the recommendation is still open there, and no duration runs
  past the report's day (a recommendation of a 2024 forum rejected in 2026 counted 547 working
  days in a report as of October 2024).
- Late: it has a target and was closed after it, or is still open after it.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.core.vocab import RecStatus, Scope
from desktop.services.report_data import RecLine
from domain.workdays import WorkCalendar


@dataclass(frozen=True)
class Timing:
    received: date
    target: date | None
    completed: date | None  # done or answered
    closed: date | None  # completed, or rejected: nothing more to do
    progress: int | None  # % done; None where nothing measures it yet
    working_days: int  # received → closed, or → the report's day while open
    late: bool
    late_days: int  # working days past the target (closed after it, or open on the report's day)

    @property
    def is_open(self) -> bool:
        return self.closed is None

    @property
    def rejected(self) -> bool:
        return self.closed is not None and self.completed is None


def _completed(rec: RecLine) -> date | None:
    if rec.scope == Scope.UNIT:
        days = [fu.completed_on for fu in rec.follow_ups]
        if days and all(d is not None for d in days):
            return max(d for d in days if d is not None)
        return rec.status_on if rec.status == RecStatus.DONE else None
    if rec.status != RecStatus.ANSWERED:
        return None
    answered = [e.answered_on for e in rec.escalations if e.answered_on is not None]
    return answered[-1] if answered else rec.status_on


def _target(rec: RecLine) -> date | None:
    if rec.scope == Scope.UNIT:
        dues = [fu.due_on for fu in rec.follow_ups if fu.due_on is not None]
        return max(dues) if dues else None
    return rec.escalations[-1].due_on if rec.escalations else None


def _progress(rec: RecLine, completed: date | None, as_of: date) -> int | None:
    """As recorded; unmeasured on a report's day before an action recorded done was done."""
    if completed is not None:
        return 100
    if rec.scope == Scope.UNIT and rec.follow_ups:
        if any(fu.completed_on is not None and fu.completed_on > as_of for fu in rec.follow_ups):
            return None
        return min(fu.progress for fu in rec.follow_ups)
    return None


def _by(day: date | None, as_of: date) -> date | None:
    """An event's day, if it had happened by the report's day."""
    return day if day is not None and day <= as_of else None


def timing_of(
    rec: RecLine, held_on: date, as_of: date, calendar: WorkCalendar, recorded_on: date | None = None
) -> Timing:
    """`recorded_on`: the day a late arrival was recorded (None for what the forum recorded)."""
    received = max(held_on, recorded_on) if recorded_on is not None else held_on
    completed = _by(_completed(rec), as_of)
    rejected = _by(rec.status_on, as_of) if rec.status == RecStatus.REJECTED else None
    closed = completed or rejected
    target = _target(rec)
    end = min(closed or as_of, as_of)
    late_until = closed if closed is not None else as_of
    late = target is not None and late_until > target and rejected is None
    return Timing(
        received=received,
        target=target,
        completed=completed,
        closed=closed,
        progress=_progress(rec, completed, as_of),
        working_days=max(calendar.working_days_between(received, end), 0) if end >= received else 0,
        late=late,
        late_days=calendar.working_days_between(target, late_until) if late and target else 0,
    )
