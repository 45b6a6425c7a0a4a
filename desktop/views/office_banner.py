"""The office this laptop works for, at the top of the navigation: its logo and its name (the
short name, with the full official name under it), as on the office's letterhead. Before the
office is set up it shows the app's name."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop.models import Unit
from desktop.services.logo import logo_png
from desktop.views.look import ACCENT, icon

LOGO_SIDE = 44


class OfficeBanner(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("office-banner")
        self.logo = QLabel()
        self.logo.setFixedSize(LOGO_SIDE, LOGO_SIDE)
        self.logo.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.name = QLabel()
        self.name.setObjectName("office-name")
        self.name.setWordWrap(True)
        self.full_name = QLabel()
        self.full_name.setObjectName("office-full-name")
        self.full_name.setWordWrap(True)
        names = QVBoxLayout()
        names.setSpacing(0)
        names.addWidget(self.name)
        names.addWidget(self.full_name)
        names.addStretch(1)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 6, 6, 8)
        row.addWidget(self.logo, 0, Qt.AlignmentFlag.AlignTop)
        row.addLayout(names, 1)
        self.show_office(None)

    def show_office(self, unit: Unit | None) -> None:
        """The office's logo and names (None: no office yet, the app's name)."""
        pixmap = QPixmap()
        if unit is not None and unit.logo:
            pixmap.loadFromData(logo_png(unit.logo), "PNG")
        if pixmap.isNull():
            pixmap = icon("office", ACCENT).pixmap(LOGO_SIDE - 8, LOGO_SIDE - 8)
        else:
            ratio = self.devicePixelRatioF()
            pixmap = pixmap.scaled(
                int(LOGO_SIDE * ratio),
                int(LOGO_SIDE * ratio),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
            pixmap.setDevicePixelRatio(ratio)
        self.logo.setPixmap(pixmap)
        self.name.setText(unit.name if unit is not None else "Mufakat")
        full = unit.full_name if unit is not None and unit.full_name != unit.name else ""
        self.full_name.setText(full)
        self.full_name.setVisible(bool(full))
