"""The status bar's sync corner: state, pending changes, last sync, progress and "Sync now"."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.core.i18n import number
from desktop.core.zones import screen_time
from desktop.sync.address import unencrypted
from desktop.sync.clock_offset import NOTICEABLE_MS
from desktop.sync.controller import SyncController, SyncState, SyncStatus
from desktop.sync.refusals import DEVICE_MOVED, REVOKED
from desktop.views.elided_label import ElidedLabel
from desktop.views.look import icon
from desktop.views.outbox_actions import export_unsent


class SyncStatusBar(QWidget):
    attention_requested = Signal()  # the user clicked the count of what needs attention

    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        # A long reason (a certificate, an unreachable server) is cut to the room left, whole in
        # its tooltip: it never pushes the buttons off a 1366-pixel screen.
        self.state_label = ElidedLabel()
        self.pending_label = QLabel()
        # Attached files still to go up or come down; its tooltip says why the server refused one.
        self.files_label = QLabel()
        # Files added here and removed from the data folder by hand before they went: named, with
        # what to do (they are not counted as waiting: nothing will bring them).
        self.lost_label = QLabel()
        self.lost_label.setStyleSheet("color: #b00020;")
        self.last_label = QLabel()
        self.clock_label = QLabel()  # shown only when this laptop's clock is noticeably off
        self.clock_label.setToolTip(
            self.tr(
                "Mufakat dates changes by the server's clock. Set this laptop's date, time and time zone."
            )
        )
        # Shown while this laptop syncs over plain http:// (the administrator allowed it).
        self.plain_label = QLabel(self.tr("Not encrypted"))
        self.plain_label.setStyleSheet("color: #8a6d00;")
        self.plain_label.setToolTip(
            self.tr(
                "This laptop syncs over plain http://: what it sends can be read on the network. "
                "Ask the administrator for the server's https:// address."
            )
        )
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # moving bar: a sync's length is not known in advance
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.sync_button = QPushButton(icon("sync"), self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Send local changes and fetch new ones now (F9)"))
        self.sync_button.clicked.connect(controller.sync_now)
        # Shown where the revocation is shown: the laptop's unsent work has a way out.
        self.export_button = QPushButton(self.tr("Export unsent changes…"))
        self.export_button.clicked.connect(self._export)
        # What the server refused and values that lost elsewhere: a click opens "Perlu perhatian".
        self.attention_button = QPushButton()
        self.attention_button.setFlat(True)
        self.attention_button.setStyleSheet("color: #b00020; font-weight: bold;")
        self.attention_button.setToolTip(self.tr("Open the list of what needs your attention"))
        self.attention_button.clicked.connect(self.attention_requested)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        widgets = (
            self.state_label,
            self.plain_label,
            self.busy,
            self.pending_label,
            self.files_label,
            self.lost_label,
            self.last_label,
            self.clock_label,
        )
        for widget in (*widgets, self.attention_button, self.export_button, self.sync_button):
            layout.addWidget(widget, 1 if widget is self.state_label else 0)
        controller.status_changed.connect(self.show_status)
        self.show_status(controller.status())

    def state_text(self, status: SyncStatus) -> str:
        moved = status.moved
        texts = {
            SyncState.LOCAL_ONLY: self.tr("Local only: not connected to a server"),
            SyncState.OFFLINE: self.tr("Offline: will retry ({reason})"),
            SyncState.SYNCING: self.tr("Syncing… sent {pushed}, received {pulled}"),
            SyncState.UP_TO_DATE: self.tr("Up to date"),
            SyncState.ERROR: self.tr("Sync error: {reason}"),
        }
        return texts[status.state].format(
            reason=status.message,
            pushed=number(moved.pushed if moved else 0),
            pulled=number(moved.pulled if moved else 0),
        )

    def show_status(self, status: SyncStatus) -> None:
        self.state_label.setText(self.state_text(status))
        self.plain_label.setVisible(unencrypted(self._controller.workspace.store.device().server_url))
        colour = {SyncState.ERROR: "#b00020", SyncState.OFFLINE: "#8a6d00"}.get(status.state, "")
        self.state_label.setStyleSheet(f"color: {colour};" if colour else "")
        self.busy.setVisible(status.state == SyncState.SYNCING)
        self.pending_label.setText(self.tr("{n} change(s) not yet sent").format(n=number(status.pending)))
        self.files_label.setText(
            self.tr("{n} file(s) waiting").format(n=number(status.files_waiting)) if status.files_waiting else ""
        )
        self.files_label.setToolTip(status.files_refused)
        self.files_label.setStyleSheet("color: #b00020;" if status.files_refused else "")
        self.files_label.setVisible(status.files_waiting > 0)
        self.lost_label.setText(self.lost_text(status.files_lost))
        self.lost_label.setToolTip(self.lost_advice(status.files_lost))
        self.lost_label.setVisible(bool(status.files_lost))
        if status.last_sync_at is not None:
            when = screen_time(status.last_sync_at, self._controller.workspace.ctx.zone)
            self.last_label.setText(self.tr("last sync {when}").format(when=when))
        else:
            self.last_label.setText("")
        self.clock_label.setText(self.clock_text(status.clock_offset_ms))
        self.clock_label.setVisible(bool(self.clock_label.text()))
        self.attention_button.setText("⚠ " + self.tr("Needs attention: {n}").format(n=number(status.attention)))
        self.attention_button.setVisible(status.attention > 0)
        self.export_button.setVisible(status.code in (REVOKED, DEVICE_MOVED))
        self.sync_button.setVisible(status.state != SyncState.LOCAL_ONLY)
        self.sync_button.setEnabled(status.state != SyncState.SYNCING)

    def _export(self) -> None:
        done, message = export_unsent(self, self._controller.workspace)
        if message:
            self.state_label.setText(message)
            self.state_label.setStyleSheet("" if done else "color: #b00020;")

    def lost_text(self, names: tuple[str, ...]) -> str:
        if len(names) == 1:
            return "⚠ " + self.tr("File lost: “{name}”").format(name=names[0])
        return "⚠ " + self.tr("{n} files lost").format(n=number(len(names)))

    def lost_advice(self, names: tuple[str, ...]) -> str:
        listed = "\n".join(f"• {name}" for name in names[:10])
        return listed + "\n" + self.tr(
            "Removed from the data folder before they were sent, so no other laptop can receive "
            "them. Put the file back (add the same file again to its record), or remove its "
            "entry from the record."
        )

    def clock_text(self, offset_ms: int) -> str:
        """A short line when this laptop's clock is more than 2 minutes off the server's."""
        if abs(offset_ms) <= NOTICEABLE_MS:
            return ""
        minutes = round(abs(offset_ms) / 60_000)
        if minutes < 120:
            amount = self.tr("{n} min").format(n=minutes)
        elif minutes < 48 * 60:
            amount = self.tr("{n} h").format(n=round(minutes / 60))
        else:
            amount = self.tr("{n} days").format(n=round(minutes / (24 * 60)))
        # The offset is the server's clock minus this laptop's: positive, the laptop is behind.
        if offset_ms > 0:
            return self.tr("Clock {amount} behind").format(amount=amount)
        return self.tr("Clock {amount} ahead").format(amount=amount)
