"""New survey period: its name, first and last day, the number of service users (for the
minimum sample) and, optionally, the forum where its result is discussed."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QSpinBox,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.services.queries import list_forums
from desktop.services.surveys import create_period
from desktop.views.common import OK_CANCEL, InlineMessage, date_edit, office_today
from desktop.views.wheel import guard_wheel


class NewSurveyDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self.period_id: str | None = None
        self.setWindowTitle(self.tr("New survey period"))
        today = office_today(ws)
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. SKM Semester I 2026"))
        self.starts_on = date_edit(QDate(today.year(), 1 if today.month() <= 6 else 7, 1))
        first_half = today.month() <= 6  # this semester by default
        self.ends_on = date_edit(QDate(today.year(), 6, 30) if first_half else QDate(today.year(), 12, 31))
        self.service_users = QSpinBox()
        self.service_users.setRange(0, 10_000_000)
        self.service_users.setSpecialValueText(self.tr("not known"))
        self.service_users.setToolTip(
            self.tr("How many people used the service in the period (for the minimum sample)")
        )
        self.forum = QComboBox()
        self.forum.addItem(self.tr("(no forum)"), None)
        for forum in ws.read(list_forums, with_counts=False):
            self.forum.addItem(f"{forum.held_on.strftime('%d-%m-%Y')} {forum.title}", forum.id)
        self.message = InlineMessage(lines=2)  # its room kept: the buttons below stay put
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.title)
        form.addRow(self.tr("&First day"), self.starts_on)
        form.addRow(self.tr("&Last day"), self.ends_on)
        form.addRow(self.tr("&Service users in the period"), self.service_users)
        form.addRow(self.tr("Discussed at fo&rum"), self.forum)
        form.addRow(self.message)
        buttons = QDialogButtonBox(OK_CANCEL)
        buttons.accepted.connect(self.create_period)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        guard_wheel(self)  # the wheel scrolls; it changes a field only with the focus

    def create_period(self) -> None:
        unit_id = self._ws.ctx.home_unit_id
        if unit_id is None:
            self.message.error(self.tr("Choose this device's office in Settings first."))
            return
        try:
            self.period_id = self._ws.write(
                create_period,
                unit_id=unit_id,
                title=self.title.text(),
                starts_on=self.starts_on.date().toPython(),
                ends_on=self.ends_on.date().toPython(),
                service_users=self.service_users.value() or None,
                forum_id=self.forum.currentData(),
            )
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.accept()
