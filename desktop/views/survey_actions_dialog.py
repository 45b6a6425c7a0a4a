"""The rencana tindak lanjut (RTL) of a survey period: for each element to improve (the priority
ones are offered first), what the office will do, who answers for it, by when; later, what was
done (the realisation), its progress and the day it was completed."""

from __future__ import annotations

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.models import SurveyAction
from desktop.rules import skm
from desktop.services.survey_actions import actions_of, add_action, remove_action, update_action
from desktop.services.surveys import survey_result
from desktop.views.common import InlineMessage, date_edit, qdate, select_value
from desktop.views.wheel import guard_wheel

ID_ROLE = Qt.ItemDataRole.UserRole


class SurveyActionsDialog(QDialog):
    def __init__(self, ws: Workspace, period_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._period_id = period_id
        self._editing: str | None = None
        result = ws.read(survey_result, period_id)
        self._priority = {e.number for e in result.score.priority} if result.score else set()
        self.setWindowTitle(self.tr("Follow-up plan (RTL) — {period}").format(period=result.period.title))
        self.resize(900, 560)
        priority = ", ".join(f"U{e.number} {e.name}" for e in result.score.priority) if result.score else "-"
        heading = QLabel(
            self.tr("Elements to improve first (lowest NRR): {elements}").format(elements=priority)
        )
        heading.setWordWrap(True)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Element"),
                self.tr("Action"),
                self.tr("Person in charge"),
                self.tr("Due"),
                self.tr("Progress"),
                self.tr("Completed"),
            ]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        for column in (0, 2, 3, 4, 5):  # the person in charge, the dates: read whole
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.itemSelectionChanged.connect(self._selected)

        self.element = QComboBox()
        ordered = sorted(skm.ELEMENTS, key=lambda e: (e.number not in self._priority, e.number))
        for element in ordered:
            mark = self.tr(" (priority)") if element.number in self._priority else ""
            self.element.addItem(f"U{element.number} {element.name}{mark}", element.number)
        self.action = QLineEdit()
        self.action.setPlaceholderText(self.tr("What the office will do"))
        self.owner = QLineEdit()
        self.owner.setPlaceholderText(self.tr("Who answers for it"))
        self.due = date_edit(QDate.currentDate().addMonths(3))
        self.progress = QSpinBox()
        self.progress.setRange(0, 100)
        self.progress.setSuffix(" %")
        self.progress.valueChanged.connect(self._progress_changed)
        self.realisation = QLineEdit()
        self.realisation.setPlaceholderText(self.tr("What was done (needed at 100%)"))
        self.completed = date_edit(QDate.currentDate())
        self.message = InlineMessage(lines=2)  # its room kept: the buttons below stay put
        form = QFormLayout()
        form.addRow(self.tr("&Element"), self.element)
        form.addRow(self.tr("&Action"), self.action)
        form.addRow(self.tr("&Person in charge"), self.owner)
        form.addRow(self.tr("&Due"), self.due)
        form.addRow(self.tr("Pro&gress"), self.progress)
        form.addRow(self.tr("&Realisation"), self.realisation)
        form.addRow(self.tr("Co&mpleted on"), self.completed)

        self.add_button = QPushButton(self.tr("Add as &new"))
        self.add_button.clicked.connect(self.add)
        self.save_button = QPushButton(self.tr("&Save changes"))
        self.save_button.clicked.connect(self.save)
        self.remove_button = QPushButton(self.tr("Remo&ve"))
        self.remove_button.clicked.connect(self.remove)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        for button in (self.add_button, self.save_button, self.remove_button):
            buttons.addWidget(button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.table, 1)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addLayout(buttons)
        self._progress_changed(0)
        self.reload()
        guard_wheel(self)  # the wheel scrolls; it changes a field only with the focus

    # -- the list ------------------------------------------------------------------------------
    def reload(self, select: str | None = None) -> None:
        self.table.setRowCount(0)
        for row, item in enumerate(self._ws.read(actions_of, self._period_id)):
            self.table.insertRow(row)
            cells = [
                f"U{item.element}" + (self.tr(" (priority)") if item.element in self._priority else ""),
                item.action,
                item.owner,
                item.due_on.strftime("%d-%m-%Y") if item.due_on else "",
                f"{item.progress} %",
                item.completed_on.strftime("%d-%m-%Y") if item.completed_on else "",
            ]
            for column, value in enumerate(cells):
                cell = QTableWidgetItem(value)
                cell.setData(ID_ROLE, item.id)
                self.table.setItem(row, column, cell)
            if item.id == select:
                self.table.selectRow(row)
        self.table.resizeRowsToContents()
        self._set_editing(select)

    def selected_id(self) -> str | None:
        items = self.table.selectedItems()
        return str(items[0].data(ID_ROLE)) if items else None

    def _selected(self) -> None:
        action_id = self.selected_id()
        if action_id is None:
            self._set_editing(None)
            return
        item = next((a for a in self._ws.read(actions_of, self._period_id) if a.id == action_id), None)
        if item is not None:
            self._load(item)
        self._set_editing(action_id)

    def _load(self, item: SurveyAction) -> None:
        select_value(self.element, item.element)
        self.action.setText(item.action)
        self.owner.setText(item.owner)
        if item.due_on:
            self.due.setDate(qdate(item.due_on))
        self.progress.setValue(item.progress)
        self.realisation.setText(item.realisation)
        self.completed.setDate(qdate(item.completed_on) if item.completed_on else QDate.currentDate())

    def _set_editing(self, action_id: str | None) -> None:
        self._editing = action_id
        self.save_button.setEnabled(action_id is not None)
        self.remove_button.setEnabled(action_id is not None)

    def _progress_changed(self, value: int) -> None:
        self.completed.setEnabled(value >= 100)

    # -- actions -------------------------------------------------------------------------------
    def _values(self) -> dict[str, object]:
        progress = self.progress.value()
        return {
            "element": self.element.currentData(),
            "action": self.action.text(),
            "owner": self.owner.text(),
            "due_on": self.due.date().toPython(),
            "progress": progress,
            "realisation": self.realisation.text(),
            "completed_on": self.completed.date().toPython() if progress >= 100 else None,
        }

    def add(self) -> bool:
        try:
            action_id = self._ws.write(add_action, self._period_id, **self._values())
        except MufakatError as exc:
            self.message.error(exc.message)
            return False
        self.message.info(self.tr("Added."))
        self.reload(action_id)
        return True

    def save(self) -> bool:
        if self._editing is None:
            return False
        try:
            self._ws.write(update_action, self._editing, **self._values())
        except MufakatError as exc:
            self.message.error(exc.message)
            return False
        self.message.info(self.tr("Saved."))
        self.reload(self._editing)
        return True

    def remove(self) -> None:
        if self._editing is None:
            return
        try:
            self._ws.write(remove_action, self._editing)
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.message.info(self.tr("Removed."))
        self.reload()
