"""Who is acting (the signed-in user, `desktop.services.acting`), on which device, with which
clock, and the office-level settings of the home unit the services need (its deadlines and time
zone): passed to every service."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, tzinfo
from typing import TYPE_CHECKING

from desktop.models.org import ESCALATION_WORKING_DAYS, FOLLOW_UP_WORKING_DAYS
from domain.workdays import WorkCalendar
from protocol.hlc import HybridClock

if TYPE_CHECKING:
    from desktop.services.acting import ActingUser


@dataclass
class Context:
    actor: str
    device_id: str
    clock: HybridClock
    calendar: WorkCalendar = field(default_factory=WorkCalendar)
    # From the home unit (`desktop.services.office.use_home_office` keeps them current).
    escalation_working_days: int = ESCALATION_WORKING_DAYS
    follow_up_working_days: int = FOLLOW_UP_WORKING_DAYS
    zone: tzinfo | None = None  # the office's time zone; None: the laptop's own
    home_unit_id: str | None = None
    # The signed-in user (desktop.services.acting); None: nobody, and `actor` is the name of the
    # Settings (a unit without users), kept in `settings_actor` while someone is signed in.
    user: ActingUser | None = None
    settings_actor: str = ""

    def now(self) -> datetime:
        """The time, as the clock reads it: corrected by the offset to the server measured at
        the last sync (a laptop whose clock is wrong still dates its records right)."""
        return self.clock.wall()

    def today(self) -> date:
        """Today where the office is (a laptop set to the wrong zone still gets the office's date)."""
        return self.now().astimezone(self.zone).date()
