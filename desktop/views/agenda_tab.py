"""The agenda: ordered items (drag to reorder, or Alt+Up/Down), and the current item with its
elapsed and planned time, for the facilitator to keep the forum on time."""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QKeyCombination, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.models import AgendaItem
from desktop.services.agenda import add_item, items_of, move_item, remove_item, start_item
from desktop.views.common import InlineMessage, attempt
from desktop.views.empty_state import EmptyState, ListOrEmpty
from desktop.views.look import icon, primary

ID_ROLE = Qt.ItemDataRole.UserRole


def _clock(seconds: float) -> str:
    minutes, secs = divmod(int(max(seconds, 0)), 60)
    return f"{minutes:02d}:{secs:02d}"


class AgendaTab(QWidget):
    def __init__(self, ws: Workspace, forum_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._forum_id = forum_id
        self._items: list[AgendaItem] = []
        self._read_only = False
        self.list = QListWidget()
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.model().rowsMoved.connect(self._dropped)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("Agenda item, e.g. Presentation of the service standard"))
        self.title.returnPressed.connect(self.add)
        self.presenter = QLineEdit()
        self.presenter.setPlaceholderText(self.tr("Presenter"))
        self.presenter.returnPressed.connect(self.add)
        self.minutes = QSpinBox()
        self.minutes.setRange(0, 600)
        self.minutes.setSuffix(self.tr(" min"))
        for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):  # Enter adds the item here too
            QShortcut(QKeySequence(key), self.minutes, self.add, context=Qt.ShortcutContext.WidgetShortcut)
        self.add_button = primary(QPushButton(self.tr("Add ite&m")), "new")
        self.add_button.clicked.connect(self.add)
        self.start_button = QPushButton(icon("make-current"), self.tr("Make &current"))
        self.start_button.clicked.connect(self.start_selected)
        self.remove_button = QPushButton(icon("delete"), self.tr("Remo&ve"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.current = QLabel()
        self.current.setStyleSheet("font-size: 15pt; padding: 6px;")
        self.current.setWordWrap(True)
        # The running item's time, said in words: a bare "12:34" reads as a time of day.
        self.timer = QLabel()
        self.timer.setAccessibleName(self.tr("Time on the running agenda item"))
        self.timer.hide()
        self.message = InlineMessage()
        self._tick = QTimer(self)
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_current)
        self._tick.start()
        QShortcut(
            QKeySequence(QKeyCombination(Qt.KeyboardModifier.AltModifier, Qt.Key.Key_Up)),
            self.list,
            lambda: self.move_selected(-1),
        )
        QShortcut(
            QKeySequence(QKeyCombination(Qt.KeyboardModifier.AltModifier, Qt.Key.Key_Down)),
            self.list,
            lambda: self.move_selected(1),
        )

        entry = QHBoxLayout()
        entry.addWidget(self.title, 3)
        entry.addWidget(self.presenter, 2)
        entry.addWidget(self.minutes)
        entry.addWidget(self.add_button)
        actions = QHBoxLayout()
        actions.addWidget(self.start_button)
        actions.addWidget(self.remove_button)
        actions.addWidget(QLabel(self.tr("Drag items, or Alt+↑/↓, to reorder.")))
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.current)
        layout.addWidget(self.timer)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        layout.addLayout(actions)
        self.empty = EmptyState("no-agenda")
        self.empty.say(
            self.tr("No agenda items yet"),
            self.tr("Type the first item above (opening, presentation, discussion…) and press Enter."),
        )
        self.items = ListOrEmpty(self.list, self.empty)
        layout.addWidget(self.items, 1)
        self.reload()

    def reload(self) -> None:
        self._items = self._ws.read(items_of, self._forum_id)
        keep = self.list.currentRow()
        # Only the list's own signals are held back: the model's must reach the view, or the
        # view keeps showing (and selecting) the rows it had before.
        self.list.blockSignals(True)
        self.list.clear()
        for number, item in enumerate(self._items, start=1):
            text = f"{number}. {item.title}"
            if item.presenter:
                text += f" — {item.presenter}"
            if item.planned_minutes:
                text += " " + self.tr("({minutes} min)").format(minutes=item.planned_minutes)
            entry = QListWidgetItem(text)
            entry.setData(ID_ROLE, item.id)
            if item.started_at is not None and item.ended_at is None:
                font = entry.font()
                font.setBold(True)
                entry.setFont(font)
            self.list.addItem(entry)
        self.list.blockSignals(False)
        self.items.show_empty(not self._items)
        if self._items:
            self.list.setCurrentRow(min(max(keep, 0), len(self._items) - 1))
        self._show_current()

    def _running(self) -> AgendaItem | None:
        return next((i for i in self._items if i.started_at is not None and i.ended_at is None), None)

    def _show_current(self) -> None:
        item = self._running()
        if item is None or item.started_at is None:
            self.current.setText(self.tr("No agenda item is running. Select one and press “Make current”."))
            self.current.setStyleSheet("font-size: 15pt; padding: 6px;")
            self.timer.hide()
            return
        started = item.started_at if item.started_at.tzinfo else item.started_at.replace(tzinfo=UTC)
        elapsed = (datetime.now(UTC) - started).total_seconds()
        planned = item.planned_minutes * 60
        over = planned and elapsed > planned
        self.current.setText(self.tr("Now: {title}").format(title=item.title))
        if planned:
            timer = self.tr("Time on this item: {elapsed} of {planned} (minutes:seconds)").format(
                elapsed=_clock(elapsed), planned=_clock(planned)
            )
        else:
            timer = self.tr("Time on this item: {elapsed} (minutes:seconds)").format(elapsed=_clock(elapsed))
        self.timer.setText(timer)
        self.timer.setAccessibleDescription(timer)
        self.timer.show()
        colour = " color: #b00020;" if over else " color: #1b5e20;"
        self.current.setStyleSheet("font-size: 15pt; padding: 6px 6px 0 6px;" + colour)
        self.timer.setStyleSheet("font-size: 13pt; padding: 0 6px 6px 6px;" + colour)

    def _selected_id(self) -> str | None:
        entry = self.list.currentItem()
        return str(entry.data(ID_ROLE)) if entry is not None else None

    def add(self) -> None:
        try:
            self._ws.write(
                add_item,
                self._forum_id,
                title=self.title.text(),
                presenter=self.presenter.text(),
                planned_minutes=self.minutes.value(),
            )
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.message.clear_message()
        self.title.clear()
        self.presenter.clear()
        self.minutes.setValue(0)
        self.reload()
        self.list.setCurrentRow(len(self._items) - 1)
        self.title.setFocus()

    def start_selected(self) -> None:
        item_id = self._selected_id()
        if item_id:
            attempt(self, self._ws, start_item, item_id)
            self.reload()

    def remove_selected(self) -> None:
        item_id = self._selected_id()
        if item_id:
            attempt(self, self._ws, remove_item, item_id)
            self.reload()

    def set_read_only(self, read_only: bool) -> None:
        """A closed forum: its agenda is shown as it was, and cannot change."""
        self._read_only = read_only
        editors = (self.title, self.presenter, self.minutes, self.add_button, self.start_button, self.remove_button)
        for widget in editors:
            widget.setEnabled(not read_only)
        self.list.setDragDropMode(
            QAbstractItemView.DragDropMode.NoDragDrop if read_only else QAbstractItemView.DragDropMode.InternalMove
        )

    def move_selected(self, step: int) -> None:
        if self._read_only:
            return
        row = self.list.currentRow()
        target = row + step
        if row < 0 or not 0 <= target < len(self._items):
            return
        self._ws.write(move_item, self._items[row].id, target)
        self.reload()
        self.list.setCurrentRow(target)

    def _dropped(self, _parent: object, start: int, _end: int, _dest: object, row: int) -> None:
        """A drag moved list row `start` to before `row`; store the new order."""
        target = row - 1 if row > start else row
        item_id = self._items[start].id
        QTimer.singleShot(0, lambda: self._store_move(item_id, target))

    def _store_move(self, item_id: str, target: int) -> None:
        attempt(self, self._ws, move_item, item_id, target)
        self.reload()
