"""The office's logo as a field: a small preview, "Choose logo…" (any common image file; it is
re-encoded as a PNG of at most 200 KB) and "Remove logo". Used in Settings and the first run."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.core.errors import MufakatError
from desktop.services.logo import logo_from_file, logo_png
from desktop.views.look import icon

PREVIEW = 64
IMAGE_FILES = "*.png *.jpg *.jpeg *.gif *.bmp *.webp *.tif *.tiff"


class LogoField(QWidget):
    chosen = Signal(str)  # the new logo as stored (base64 PNG), or "" when removed
    refused = Signal(str)  # why a chosen file cannot be the logo

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preview = QLabel()
        self.preview.setFixedSize(PREVIEW, PREVIEW)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setWordWrap(True)
        self.preview.setStyleSheet("border: 1px solid #c0c0c0; background: white; color: #666;")
        self.choose_button = QPushButton(icon("logo"), self.tr("Choose &logo…"))
        self.choose_button.clicked.connect(self.choose)
        self.remove_button = QPushButton(self.tr("Remove logo"))
        self.remove_button.clicked.connect(lambda: self.chosen.emit(""))
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.preview)
        row.addWidget(self.choose_button)
        row.addWidget(self.remove_button)
        row.addStretch(1)
        self.show_logo("")

    def show_logo(self, logo: str) -> None:
        pixmap = QPixmap()
        if logo:
            pixmap.loadFromData(logo_png(logo), "PNG")
            pixmap = pixmap.scaled(
                PREVIEW, PREVIEW, Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        self.preview.setPixmap(pixmap)
        self.preview.setText("" if logo else self.tr("no logo"))
        self.remove_button.setEnabled(bool(logo) and self.isEnabled())

    def choose(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose the office's logo"),
            str(Path.home()),
            self.tr("Images ({patterns});;All files (*)").format(patterns=IMAGE_FILES),
        )
        if not name:
            return
        try:
            logo = logo_from_file(Path(name))
        except MufakatError as exc:
            self.refused.emit(exc.message)
            return
        self.chosen.emit(logo)
