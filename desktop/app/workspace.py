"""Everything one running Mufakat needs, wired once: data folder, settings, store, context.

The CLI and the desktop app both start here; tests build one per temporary folder.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import event
from sqlalchemy.orm import Session

from desktop.core.config import Settings
from desktop.core.errors import MufakatError
from desktop.core.i18n import set_language
from desktop.models import Synced
from desktop.services import frozen
from desktop.services.acting import NotAllowed
from desktop.services.context import Context
from desktop.services.escalations import close_settled, settled
from desktop.services.office import adopt_deadlines
from desktop.services.units import use_home_office
from desktop.store.db import Store
from desktop.store.file_store import FileStore
from domain.workdays import WorkCalendar
from protocol.hlc import HybridClock

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
    def open(
        cls,
        data_dir: Path,
        settings: Settings | None = None,
        physical_ns: Callable[[], int] = time.time_ns,
    ) -> Workspace:
        """`physical_ns`: the machine's clock (a test gives a laptop a wrong one)."""
        if settings is None:
            settings = Settings.load(data_dir) if data_dir.is_dir() else Settings()
        set_language(settings.language)
        store = Store.open(data_dir)
        device = store.device()
        clock = HybridClock(device.device_id, physical_ns, device.clock_offset_ms)
        last = store.last_stamp(device.device_id)
        if last is not None:
            clock.advance_to(last)
        ctx = Context(
            actor=settings.actor,
            device_id=device.device_id,
            clock=clock,
            calendar=WorkCalendar(),
            home_unit_id=device.home_unit_id,
        )
        workspace = cls(data_dir=data_dir, settings=settings, store=store, ctx=ctx)
        workspace.settle_office()
        workspace.freeze_closed_forums()
        return workspace

    @property
    def files(self) -> FileStore:
        """The data folder's attached files (desktop.store.file_store)."""
        return FileStore.of(self.data_dir)

    listeners: list[Callable[[], None]] = field(default_factory=list)
    # Told which records each write changed (screens that follow them live, e.g. the projector).
    change_listeners: list[Callable[[Changes], None]] = field(default_factory=list)

    def settle_office(self) -> None:
        """The services follow the home unit's office-level settings; deadlines an older
        Mufakat kept in settings.json move into the home unit once there is one; answers not
        disputed in time close their escalations."""
        with self.store.read() as session:
            use_home_office(session, self.ctx)
        self.close_settled()
        legacy = self.settings.legacy_deadlines
        if legacy and self.ctx.home_unit_id and self._adopted(legacy):
            self.settings.legacy_deadlines = {}
            # Moved already: if the file cannot be written now, the next start moves nothing.
            with suppress(MufakatError):
                self.settings.save(self.data_dir)

    def _adopted(self, legacy: dict[str, int]) -> bool:
        """Move the old settings' deadlines into the home unit, if the office is open (no users)
        or its admin is signed in; otherwise they wait (the office's own settings stand)."""
        try:
            return bool(self.write(adopt_deadlines, legacy))
        except NotAllowed:
            return False

    def freeze_closed_forums(self) -> None:
        """Forums closed before this laptop's Mufakat froze their minutes are frozen once, at
        the first start after the upgrade (desktop.services.frozen)."""
        if self.read(frozen.has_pending):
            self.write(frozen.freeze_pending)

    def close_settled(self) -> int:
        """Close (selesai) this office's escalations whose answer was not disputed within its
        window (SP4N-LAPOR!); writes only when there is one. Returns how many."""
        with self.store.read() as session:
            due = bool(settled(session, self.ctx))
        return self.write(close_settled) if due else 0

    def change_settings(self, **changes: object) -> None:
        """Save this laptop's preferences (settings.json); refused values change nothing."""
        updated = replace(self.settings, **changes)  # type: ignore[arg-type]
        updated.save(self.data_dir)
        self.settings = updated
        if self.ctx.user is None:
            self.ctx.actor = updated.actor
        self.ctx.settings_actor = updated.actor  # the name again once the signed-in user signs out

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

    def reopen(self) -> None:
        """Open the data folder's database again (a restore put another copy in place): the
        same workspace, so what holds it (the sync controller, the window) reads the copy."""
        self.store.close()
        fresh = Workspace.open(self.data_dir, self.settings)
        self.store, self.ctx = fresh.store, fresh.ctx

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
