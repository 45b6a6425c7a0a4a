"""Everything one running Mufakat needs, wired once: data folder, settings, store, context.

The CLI and the desktop app both start here; tests build one per temporary folder.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import Session

from desktop.config import Settings
from desktop.db import Store
from desktop.hlc import HybridClock
from desktop.i18n import set_language
from desktop.models import Synced
from desktop.services.context import Context
from desktop.services.workdays import WorkCalendar

T = TypeVar("T")
# What one write changed: (table name, record id) of every synced record it created or changed.
Changes = frozenset[tuple[str, str]]


@dataclass
class Workspace:
    data_dir: Path
    settings: Settings
    store: Store
    ctx: Context

    @classmethod
    def open(cls, data_dir: Path, settings: Settings | None = None) -> Workspace:
        if settings is None:
            settings = Settings.load(data_dir) if data_dir.is_dir() else Settings()
        set_language(settings.language)
        store = Store.open(data_dir)
        device = store.device()
        clock = HybridClock(device.device_id)
        last = store.last_stamp(device.device_id)
        if last is not None:
            clock.advance_to(last)
        ctx = Context(
            actor=settings.actor,
            device_id=device.device_id,
            clock=clock,
            calendar=WorkCalendar(),
            escalation_working_days=settings.escalation_working_days,
            follow_up_working_days=settings.follow_up_working_days,
            home_unit_id=device.home_unit_id,
        )
        return cls(data_dir=data_dir, settings=settings, store=store, ctx=ctx)

    listeners: list[Callable[[], None]] = field(default_factory=list)
    # Told which records each write changed (screens that follow them live, e.g. the projector).
    change_listeners: list[Callable[[Changes], None]] = field(default_factory=list)

    def write(self, action: Callable[..., T], /, *args: object, **kwargs: object) -> T:
        """Run one service call as one transaction (all or nothing), then tell the listeners
        (the app's sync controller) that there is something new to push, and the change
        listeners which records changed."""
        touched: set[tuple[str, str]] = set()
        with self.store.write() as session:
            if self.change_listeners:
                event.listen(session, "before_flush", _collector(touched))
            result = action(session, self.ctx, *args, **kwargs)
        for listener in self.listeners:
            listener()
        if touched:
            changes = frozenset(touched)
            for change_listener in list(self.change_listeners):
                change_listener(changes)
        return result

    def read(self, query: Callable[..., T], /, *args: object, **kwargs: object) -> T:
        with self.store.read() as session:
            return query(session, *args, **kwargs)

    def close(self) -> None:
        self.store.close()


def _collector(touched: set[tuple[str, str]]) -> Callable[..., None]:
    """A before-flush hook noting every synced row about to be written (each flush of the
    transaction, the last one at commit)."""

    def collect(session: Session, _context: Any, _instances: Any) -> None:
        for row in (*session.new, *session.dirty):
            if isinstance(row, Synced):
                touched.add((row.__tablename__, row.id))

    return collect
