"""A line that says what was just done and offers to take it back ("Dihapus: forum “…” ·
Urungkan · Ulangi"), for screens whose actions are undoable but that have no undo buttons of
their own (the forum list, the triage board). Ctrl+Z and Ctrl+Y do the same (`UndoKeys`). What it
says fades after a few seconds (`common.NOTICE_MS`); its buttons stay while there is something to
undo or redo."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.views import common
from desktop.views.look import icon
from desktop.views.undo import UndoKeys


class UndoBar(QWidget):
    def __init__(self, stack: QUndoStack, keys: UndoKeys, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.undo_button = QPushButton(icon("undo"), self.tr("Undo (Ctrl+Z)"))
        self.undo_button.clicked.connect(keys.undo)
        self.redo_button = QPushButton(icon("redo"), self.tr("Redo (Ctrl+Y)"))
        self.redo_button.clicked.connect(keys.redo)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.text, 1)
        row.addWidget(self.undo_button)
        row.addWidget(self.redo_button)
        # What the stack can do is followed from its signals (bound methods: a stack being
        # destroyed still signals, and a slot must not ask it anything then).
        self._can = {"undo": False, "redo": False}
        self._fade = QTimer(self)
        self._fade.setSingleShot(True)
        self._fade.timeout.connect(lambda: self.text.setText(""))
        stack.canUndoChanged.connect(self._undo_changed)
        stack.canRedoChanged.connect(self._redo_changed)
        self.hide()

    def say(self, text: str) -> None:
        """What was just done (or undone); the bar shows while there is something to take back."""
        self.text.setText(text)
        self._fade.start(common.NOTICE_MS)
        self._show()

    def _undo_changed(self, can: bool) -> None:
        self._can["undo"] = can
        self._show()

    def _redo_changed(self, can: bool) -> None:
        self._can["redo"] = can
        self._show()

    def _show(self) -> None:
        self.undo_button.setEnabled(self._can["undo"])
        self.redo_button.setEnabled(self._can["redo"])
        self.setVisible(self._can["undo"] or self._can["redo"])
