"""One "changed elsewhere" marker with what a user can do about it: use the value that lost (mine,
when it was typed on this laptop) again, keep the value in use, or dismiss the marker. Shown in
the triage board's detail pane and in "Perlu perhatian"; the choice syncs, so the other laptops
of the office stop showing the marker too."""

from __future__ import annotations

from collections.abc import Callable
from html import escape

from PySide6.QtCore import Signal
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.services.attention import ConflictItem
from desktop.services.conflicts import dismiss, keep_current, use_lost_value

MARKER_STYLE = "ConflictCard { background: #fff3cd; border: 1px solid #e6c65c; border-radius: 4px; }"


class ConflictCard(QFrame):
    """`resolved` after a choice went through; `refused(message)` when the record's rules
    refused it (nothing changed)."""

    resolved = Signal()
    refused = Signal(str)

    def __init__(self, ws: Workspace, item: ConflictItem, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self.item = item
        marker = item.marker
        self.setObjectName("ConflictCard")
        self.setStyleSheet(MARKER_STYLE)
        self.text = QLabel(self.describe())
        self.text.setWordWrap(True)
        self.text.setStyleSheet("color: #664d03;")
        self.use_lost = QPushButton(
            self.tr("Use &mine") if marker.lost_here else self.tr("Use the value that &lost")
        )
        self.use_lost.setToolTip(
            self.tr(
                "Apply the value that lost again, as a new change: it then replaces the one in use everywhere."
            )
        )
        self.keep = QPushButton(self.tr("&Keep this one"))
        self.keep.setToolTip(
            self.tr("Keep the value in use; the marker closes on every laptop of the office.")
        )
        self.dismiss = QPushButton(self.tr("&Dismiss"))
        self.dismiss.setToolTip(
            self.tr("Close the marker on every laptop of the office; nothing else changes.")
        )
        self.use_lost.clicked.connect(lambda: self._choose(use_lost_value))
        self.keep.clicked.connect(lambda: self._choose(keep_current))
        self.dismiss.clicked.connect(lambda: self._choose(dismiss))
        buttons = QHBoxLayout()
        for button in (self.use_lost, self.keep, self.dismiss):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.text)
        layout.addLayout(buttons)

    def describe(self) -> str:
        item, marker = self.item, self.item.marker
        mine, other = self.tr("typed on this laptop"), self.tr("typed on another laptop")
        lines = [
            "<b>"
            + escape(
                self.tr("Changed on another laptop at the same time: {fields}").format(fields=item.fields)
            )
            + "</b>",
            escape(self.tr("In use now: “{value}”").format(value=item.now))
            + (f" <i>({escape(mine)})</i>" if marker.kept_here else ""),
            escape(self.tr("Lost: “{value}”").format(value=item.lost))
            + f" <i>({escape(mine if marker.lost_here else other)})</i>",
        ]
        return "<br>".join(lines)

    def plain_text(self) -> str:
        """What the card says, without markup (the tests and screen readers read it)."""
        return QTextDocumentFragment.fromHtml(self.text.text()).toPlainText()

    def _choose(self, choice: Callable[..., None]) -> None:
        marker = self.item.marker
        try:
            self._ws.write(choice, marker.entity, marker.entity_id, marker.register, marker.loser_hlc)
        except MufakatError as exc:
            self.refused.emit(exc.message)
            return
        self.resolved.emit()
