"""Settings → Tentang: the version running, and "Versi baru tersedia" with the download address
from the office's own server when it announces a newer one (learnt at each sync; never a dialog)."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop import __version__
from desktop.app.workspace import Workspace
from desktop.resources import APP_ICON
from desktop.sync.controller import SyncController
from desktop.sync.updates import is_newer

ICON_SIZE = 48


class AboutGroup(QGroupBox):
    def __init__(self, ws: Workspace, sync: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("About"), parent)
        self._ws = ws
        picture = QLabel()
        picture.setPixmap(
            QPixmap(str(APP_ICON)).scaled(
                ICON_SIZE,
                ICON_SIZE,
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        self.version = QLabel(self.tr("Mufakat version {version}").format(version=__version__))
        self.version.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        purpose = QLabel(self.tr("Public consultation forums (Forum Konsultasi Publik), offline first."))
        purpose.setWordWrap(True)
        self.update_line = QLabel()
        self.update_line.setWordWrap(True)
        self.update_line.setOpenExternalLinks(True)
        self.update_line.setStyleSheet("color: #1b5e20; font-weight: bold;")
        text = QVBoxLayout()
        text.addWidget(self.version)
        text.addWidget(purpose)
        text.addWidget(self.update_line)
        layout = QHBoxLayout(self)
        layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
        sync.status_changed.connect(self._sync_status)  # a method: disconnected when the page goes
        self.show_update()

    def _sync_status(self, _status: object) -> None:
        self.show_update()

    def show_update(self) -> None:
        device = self._ws.store.device()
        newer = is_newer(device.latest_app_version) and bool(device.download_url)
        self.update_line.setVisible(newer)
        if newer:
            url = html.escape(device.download_url, quote=True)
            self.update_line.setText(
                self.tr(
                    "New version available: {version}. Download it from your office's server: {link} "
                    "and install it over this one; the data stays."
                ).format(version=html.escape(device.latest_app_version), link=f'<a href="{url}">{url}</a>')
            )
