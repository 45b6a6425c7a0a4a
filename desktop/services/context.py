"""Who is acting, on which device, with which clock and deadlines: passed to every service."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from desktop.hlc import HybridClock
from desktop.services.workdays import WorkCalendar


@dataclass
class Context:
    actor: str
    device_id: str
    clock: HybridClock
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    escalation_working_days: int = 5
    follow_up_working_days: int = 20
    home_unit_id: str | None = None

    def now(self) -> datetime:
        """The time, as the clock reads it: corrected by the offset to the server measured at
        the last sync (a laptop whose clock is wrong still dates its records right)."""
        return self.clock.wall()

    def today(self) -> date:
        return self.now().astimezone().date()
