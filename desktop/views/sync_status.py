"""The status bar's sync corner: state, pending changes, last sync, progress and "Sync now"."""

from __future__ import annotations

from PySide6.QtWidgets import QHBoxLayout, QLabel, QProgressBar, QPushButton, QWidget

from desktop.sync.controller import SyncController, SyncState, SyncStatus
from desktop.sync.refusals import REVOKED
from desktop.views.outbox_actions import export_unsent


class SyncStatusBar(QWidget):
    def __init__(self, controller: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._controller = controller
        self.state_label = QLabel()
        self.pending_label = QLabel()
        self.last_label = QLabel()
        self.busy = QProgressBar()
        self.busy.setRange(0, 0)  # moving bar: a sync's length is not known in advance
        self.busy.setMaximumWidth(120)
        self.busy.setTextVisible(False)
        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setToolTip(self.tr("Send local changes and fetch new ones now (F9)"))
        self.sync_button.clicked.connect(controller.sync_now)
        # Shown where the revocation is shown: the laptop's unsent work has a way out.
        self.export_button = QPushButton(self.tr("Export unsent changes…"))
        self.export_button.clicked.connect(self._export)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        widgets = (self.state_label, self.busy, self.pending_label, self.last_label, self.export_button)
        for widget in (*widgets, self.sync_button):
            layout.addWidget(widget)
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
            pushed=moved.pushed if moved else 0,
            pulled=moved.pulled if moved else 0,
        )

    def show_status(self, status: SyncStatus) -> None:
        self.state_label.setText(self.state_text(status))
        colour = {SyncState.ERROR: "#b00020", SyncState.OFFLINE: "#8a6d00"}.get(status.state, "")
        self.state_label.setStyleSheet(f"color: {colour};" if colour else "")
        self.busy.setVisible(status.state == SyncState.SYNCING)
        self.pending_label.setText(self.tr("{n} change(s) not yet sent").format(n=status.pending))
        if status.last_sync_at is not None:
            when = status.last_sync_at.astimezone().strftime("%d-%m-%Y %H:%M")
            self.last_label.setText(self.tr("last sync {when}").format(when=when))
        else:
            self.last_label.setText("")
        self.export_button.setVisible(status.code == REVOKED)
        self.sync_button.setVisible(status.state != SyncState.LOCAL_ONLY)
        self.sync_button.setEnabled(status.state != SyncState.SYNCING)

    def _export(self) -> None:
        done, message = export_unsent(self, self._controller.workspace)
        if message:
            self.state_label.setText(message)
            self.state_label.setStyleSheet("" if done else "color: #b00020;")
