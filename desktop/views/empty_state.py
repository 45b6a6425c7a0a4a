"""What a list says while it has nothing to show: what is missing and what to do next ("Belum
ada forum. Buat forum baru atau coba forum contoh."), with the actions that do it, in place of
an empty grid a new user cannot read anything from."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import QAbstractButton, QHBoxLayout, QLabel, QStackedWidget, QVBoxLayout, QWidget

from desktop.views.look import MUTED, icon

ICON_SIDE = 48


class EmptyState(QWidget):
    def __init__(self, icon_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("empty-state")
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground, True)
        picture = QLabel()
        picture.setPixmap(icon(icon_name, MUTED).pixmap(QSize(ICON_SIDE, ICON_SIDE)))
        picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title = QLabel()
        self.title.setObjectName("empty-title")
        self.title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setObjectName("empty-text")
        self.text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text.setWordWrap(True)
        self.buttons = QHBoxLayout()  # centred: the buttons go between two stretches
        self.buttons.addStretch(1)
        self.buttons.addStretch(1)
        column = QVBoxLayout()
        column.addStretch(1)
        column.addWidget(picture)
        column.addWidget(self.title)
        column.addWidget(self.text)
        column.addLayout(self.buttons)
        column.addStretch(2)
        row = QHBoxLayout(self)
        row.addStretch(1)
        row.addLayout(column, 4)
        row.addStretch(1)

    def say(self, title: str, text: str = "") -> None:
        self.title.setText(title)
        self.text.setText(text)
        self.text.setVisible(bool(text))

    def add_action(self, button: QAbstractButton) -> None:
        self.buttons.insertWidget(self.buttons.count() - 1, button)


class ListOrEmpty(QStackedWidget):
    """A list, or what to do while it is empty, in the same place."""

    def __init__(self, view: QWidget, empty: EmptyState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.view = view
        self.empty = empty
        self.addWidget(view)
        self.addWidget(empty)

    def show_empty(self, empty: bool) -> None:
        self.setCurrentWidget(self.empty if empty else self.view)
