"""The SP4N-LAPOR! deadlines an escalation keeps (DOMAIN.md, seed 003), counted in working days:

- the office above acknowledges it within 3 working days of its sending;
- the sending office may dispute (*sanggah*) an answer up to and including the 10th working
  day after the day it was answered; an answer not disputed by then closes the escalation
  (*selesai*) from the next day on.

The laptop offers the dispute and closes what was not disputed; the server refuses a dispute
made after its window and a close made before it ends, with the same rule and the sending
office's calendar (its own closed days and the national ones).
"""

from __future__ import annotations

from datetime import date, datetime, tzinfo

from domain.workdays import WorkCalendar
from protocol.vocab import EscalationStatus

ACK_WORKING_DAYS = 3
DISPUTE_WORKING_DAYS = 10
# Waiting for the office above (an answer or a forward); counted as overdue after the due date.
WAITING = (EscalationStatus.SENT, EscalationStatus.ACKNOWLEDGED, EscalationStatus.DISPUTED)


def local_day(moment: datetime, zone: tzinfo | None) -> date:
    """The day a moment falls on in an office's time zone (None: this machine's)."""
    return moment.astimezone(zone).date()


def ack_due(sent_on: date, calendar: WorkCalendar) -> date:
    """The last day the office above should acknowledge an escalation sent on `sent_on`."""
    return calendar.add_working_days(sent_on, ACK_WORKING_DAYS)


def dispute_until(answered_on: date, calendar: WorkCalendar) -> date:
    """The last day an answer given on `answered_on` may be disputed."""
    return calendar.add_working_days(answered_on, DISPUTE_WORKING_DAYS)


def may_dispute(answered_on: date, on: date, calendar: WorkCalendar) -> bool:
    return on <= dispute_until(answered_on, calendar)


def may_close(answered_on: date, today: date, calendar: WorkCalendar) -> bool:
    """The dispute window is over: the answer stands and the escalation closes."""
    return today > dispute_until(answered_on, calendar)


def ack_late(status: EscalationStatus, due: date | None, today: date) -> bool:
    """Still not acknowledged after its acknowledgement was due."""
    return status == EscalationStatus.SENT and due is not None and today > due
