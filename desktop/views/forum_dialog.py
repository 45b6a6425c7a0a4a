"""New forum: the few fields needed to plan one; the rest is filled in its Details tab."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from desktop.errors import MufakatError
from desktop.services import forums
from desktop.services.forums import create_forum
from desktop.services.units import all_units
from desktop.views.common import OK_CANCEL, EnumCombo, InlineMessage, TimeField, date_edit, select_value
from desktop.views.wheel import guard_wheel
from desktop.vocab import ForumMode
from desktop.workspace import Workspace


class NewForumDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self.forum_id: str | None = None
        self.setWindowTitle(self.tr("New forum"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. Forum Konsultasi Publik on the service standard"))
        self.held_on = date_edit()
        self.starts_at = TimeField(forums.RULES["starts_at"], "09:00")
        self.ends_at = TimeField(forums.RULES["ends_at"], "12:00")
        self.venue = QLineEdit()
        self.mode = EnumCombo(ForumMode)
        self.unit = QComboBox()
        for unit in ws.read(all_units):
            self.unit.addItem(f"{unit.name} ({unit.code})", unit.id)
        select_value(self.unit, ws.ctx.home_unit_id)
        self.message = InlineMessage()
        for field in (self.starts_at, self.ends_at):
            field.problem.connect(self._show_problem)
        form = QFormLayout(self)
        form.addRow(self.tr("&Title"), self.title)
        form.addRow(self.tr("&Date"), self.held_on)
        form.addRow(self.tr("&Starts at"), self.starts_at)
        form.addRow(self.tr("&Ends at"), self.ends_at)
        form.addRow(self.tr("&Venue"), self.venue)
        form.addRow(self.tr("&Mode"), self.mode)
        form.addRow(self.tr("&Unit"), self.unit)
        form.addRow(self.message)
        buttons = QDialogButtonBox(OK_CANCEL)
        buttons.accepted.connect(self.create_forum)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        guard_wheel(self)  # the wheel scrolls; it changes a field only with the focus

    def _show_problem(self, text: str) -> None:
        if text:
            self.message.error(text)
        else:
            self.message.clear_message()

    def create_forum(self) -> None:
        if self.unit.currentData() is None:
            self.message.error(self.tr("There is no unit yet: set up this office in Settings first."))
            return
        try:
            self.forum_id = self._ws.write(
                create_forum,
                unit_id=self.unit.currentData(),
                title=self.title.text(),
                held_on=self.held_on.date().toPython(),
                starts_at=self.starts_at.text().strip() or None,
                ends_at=self.ends_at.text().strip() or None,
                venue=self.venue.text(),
                mode=self.mode.value(),
            )
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.accept()
