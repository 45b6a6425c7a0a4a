"""Settings → About (Tentang): which Mufakat this is, for a user telling support what they run."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QGroupBox, QHBoxLayout, QLabel, QVBoxLayout

from desktop import __version__
from desktop.resources import APP_ICON

ICON_SIZE = 48


class AboutBox(QGroupBox):
    def __init__(self) -> None:
        super().__init__()
        self.setTitle(self.tr("About"))
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
        text = QVBoxLayout()
        text.addWidget(self.version)
        text.addWidget(purpose)
        layout = QHBoxLayout(self)
        layout.addWidget(picture, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(text, 1)
