"""A photo shown large: scaled to the window, in a window of its own (Escape closes it)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImageReader, QKeySequence, QPixmap, QResizeEvent, QShortcut
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class AttachmentViewer(QWidget):
    def __init__(self, path: Path, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setWindowTitle(title)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        reader = QImageReader(str(path))
        reader.setDecideFormatFromContent(True)
        reader.setAutoTransform(True)
        self.pixmap = QPixmap.fromImage(reader.read())
        self.picture = QLabel()
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.picture.setMinimumSize(200, 150)
        caption = QLabel(title)
        caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.picture, 1)
        layout.addWidget(caption)
        QShortcut(QKeySequence(Qt.Key.Key_Escape), self, self.close)
        screen = (parent or self).screen().availableGeometry()
        self.resize(int(screen.width() * 0.8), int(screen.height() * 0.8))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.picture.setPixmap(
            self.pixmap.scaled(
                self.picture.size(), Qt.AspectRatioMode.KeepAspectRatio, Qt.TransformationMode.SmoothTransformation
            )
        )
