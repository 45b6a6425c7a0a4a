"""A one-line label that takes the room its layout gives it: a text too long for that room is
cut with "…" and shown whole in its tooltip. For the status bar, where a long message (a
certificate, an unreachable server) must neither push the window past the screen nor be cut off
without a way to read it."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MIN_CHARS = 12  # the least it shrinks to: enough to see what kind of message it is


class ElidedLabel(QLabel):
    def __init__(self, text: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._full = ""
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self._full = text
        self._fit()
        self.updateGeometry()  # its size hint is the whole text's

    def text(self) -> str:
        """The whole text, whatever part of it fits."""
        return self._full

    def shown(self) -> str:
        """What is painted: the text, or its beginning and "…"."""
        return super().text()

    def sizeHint(self) -> QSize:
        margins = self.contentsMargins()
        width = self.fontMetrics().horizontalAdvance(self._full) + margins.left() + margins.right()
        return QSize(width, super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:
        return QSize(self.fontMetrics().averageCharWidth() * MIN_CHARS, super().minimumSizeHint().height())

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        room = self.contentsRect().width()
        shown = self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(room, 0))
        super().setText(shown)
        self.setToolTip(self._full if shown != self._full else "")
