"""The office's own rules in Settings → Office: how it weighs its satisfaction index (IKM), whether
completing follow-up needs an attached file, how it
maps its participants' categories onto PEKPPP's five unsur, and the days it is closed besides
national holidays (regional holidays, late decrees). Each is a field or a record of the office:
synced to its laptops and audited. National closed days the server's administrator entered are
listed too, and cannot be removed here."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.core.vocab import Category, IkmMethod, PekpppUnsur, label
from desktop.models import Unit
from desktop.services.closed_days import add_closed_day, closed_days_of, remove_closed_day
from desktop.views.common import date_edit, office_today, select_value
from domain.unsur import PUBLIC_CATEGORIES, mapping_of

ID_ROLE = Qt.ItemDataRole.UserRole
Save = Callable[..., bool]  # saves office-level fields of the home unit; False when refused
Tell = Callable[[bool, str], None]  # (is it an error, what to say) above the form


class OfficeRules(QObject):
    """Not a widget of its own: the fields it makes are laid out in Settings → Office."""

    changed = Signal()  # a closed day was added or removed

    def __init__(self, ws: Workspace, save: Save, tell: Tell, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._save = save
        self._tell = tell
        # -- IKM method
        self.ikm_method = QComboBox()
        for method in IkmMethod:
            self.ikm_method.addItem(label(method), method.value)
        self.ikm_method.activated.connect(lambda: self._save(ikm_method=self.ikm_method.currentData()))
        # -- completing follow-up
        self.needs_file = QCheckBox(self.tr("Completing a follow-up needs an attached photo or file"))
        self.needs_file.setToolTip(
            self.tr("An action at 100 % or a recommendation marked done then needs a file as evidence, not only a text")
        )
        self.needs_file.clicked.connect(lambda checked: self._save(completion_needs_file=checked))
        # -- PEKPPP's five unsur
        self.mapping: dict[Category, QComboBox] = {}
        self.mapping_box = QWidget()
        grid = QGridLayout(self.mapping_box)
        grid.setContentsMargins(0, 0, 0, 0)
        for row, category in enumerate(PUBLIC_CATEGORIES):
            combo = QComboBox()
            combo.addItem(self.tr("(not counted)"), None)
            for unsur in PekpppUnsur:
                combo.addItem(label(unsur), unsur.value)
            combo.activated.connect(self._save_mapping)
            self.mapping[category] = combo
            grid.addWidget(QLabel(label(category)), row // 2, (row % 2) * 2)
            grid.addWidget(combo, row // 2, (row % 2) * 2 + 1)
        # -- closed days
        self.closed_days = QListWidget()
        self.closed_days.setMaximumHeight(self.closed_days.fontMetrics().lineSpacing() * 6 + 8)
        self.closed_day = date_edit(office_today(ws))
        self.closed_name = QLineEdit()
        self.closed_name.setPlaceholderText(self.tr("why, e.g. Hari jadi Kota Sorong (Perda)"))
        self.closed_name.returnPressed.connect(self.add_closed)
        self.add_button = QPushButton(self.tr("Add closed day"))
        self.add_button.clicked.connect(self.add_closed)
        self.remove_button = QPushButton(self.tr("Remove the selected day"))
        self.remove_button.clicked.connect(self.remove_selected)
        adding = QHBoxLayout()
        adding.addWidget(self.closed_day)
        adding.addWidget(self.closed_name, 1)
        adding.addWidget(self.add_button)
        self.closed_box = QWidget()
        closed_layout = QVBoxLayout(self.closed_box)
        closed_layout.setContentsMargins(0, 0, 0, 0)
        closed_layout.addWidget(self.closed_days)
        closed_layout.addLayout(adding)
        closed_layout.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignLeft)

    def widgets(self) -> list[QWidget]:
        """What is enabled only while this laptop works for an office."""
        return [self.ikm_method, self.needs_file, self.mapping_box, self.closed_box]

    def load(self, unit: Unit | None) -> None:
        select_value(self.ikm_method, unit.ikm_method.value if unit else IkmMethod.EXACT.value)
        self.needs_file.setChecked(bool(unit and unit.completion_needs_file))
        mapping = mapping_of(unit.unsur_mapping if unit else None)
        for category, combo in self.mapping.items():
            chosen = mapping.get(category)
            select_value(combo, chosen.value if chosen else None)
        self.closed_days.clear()
        for line in self._ws.read(closed_days_of, unit.id if unit else None):
            text = f"{line.day.strftime('%d-%m-%Y')}  {line.name}"
            if line.national:
                text += "  " + self.tr("(national, from the server's administrator)")
            item = QListWidgetItem(text)
            item.setData(ID_ROLE, line.id)
            if line.national:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            self.closed_days.addItem(item)

    def _save_mapping(self) -> None:
        self._save(unsur_mapping={c.value: combo.currentData() for c, combo in self.mapping.items()})

    def add_closed(self) -> None:
        unit_id = self._ws.ctx.home_unit_id
        if unit_id is None:
            return
        day = self.closed_day.date().toPython()
        try:
            self._ws.write(add_closed_day, unit_id, day=day, name=self.closed_name.text())
        except MufakatError as exc:
            self._tell(True, exc.message)
            return
        self._tell(False, self.tr("Closed day added: deadlines skip it."))
        self.closed_name.clear()
        self.closed_day.setDate(office_today(self._ws))
        self.changed.emit()

    def remove_selected(self) -> None:
        item = self.closed_days.currentItem()
        if item is None or not item.isSelected():
            self._tell(True, self.tr("Select one of this office's closed days first."))
            return
        try:
            self._ws.write(remove_closed_day, str(item.data(ID_ROLE)))
        except MufakatError as exc:
            self._tell(True, exc.message)
            return
        self._tell(False, self.tr("Closed day removed."))
        self.changed.emit()
