"""Editing one person on the attendance list: a misspelt name, the organisation, the element
of the public they represent. Saved on OK; what changed is kept for undo."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QFormLayout, QLineEdit, QWidget

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.core.vocab import Category, Gender
from desktop.models import Participant
from desktop.services.participants import update_participant
from desktop.views.common import OK_CANCEL, EnumCombo, InlineMessage
from desktop.views.wheel import guard_wheel

EDITED = ("name", "organization", "category", "gender", "vulnerable", "phone", "email")


class ParticipantDialog(QDialog):
    def __init__(self, ws: Workspace, person: Participant, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._id = person.id
        self.before: dict[str, Any] = {name: getattr(person, name) for name in EDITED}
        self.after: dict[str, Any] = {}
        self.setWindowTitle(self.tr("Edit participant"))
        self.name = QLineEdit(person.name)
        self.organization = QLineEdit(person.organization)
        self.category = EnumCombo(Category)
        self.category.set_value(person.category)
        self.gender = EnumCombo(Gender, blank="—")
        self.gender.set_value(person.gender)
        self.vulnerable = QCheckBox(self.tr("Vulnerable group"))
        self.vulnerable.setChecked(person.vulnerable)
        self.phone = QLineEdit(person.phone)
        self.email = QLineEdit(person.email)
        self.message = InlineMessage(lines=2)  # its room kept: the buttons below stay put
        form = QFormLayout(self)
        form.addRow(self.tr("&Name"), self.name)
        form.addRow(self.tr("&Organisation"), self.organization)
        form.addRow(self.tr("&Element of the public"), self.category)
        form.addRow(self.tr("&Gender"), self.gender)
        form.addRow("", self.vulnerable)
        form.addRow(self.tr("&Phone"), self.phone)
        form.addRow(self.tr("E-&mail"), self.email)
        form.addRow(self.message)
        buttons = QDialogButtonBox(OK_CANCEL)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.setMinimumWidth(480)
        guard_wheel(self)  # the wheel scrolls; it changes a field only with the focus

    def typed(self) -> dict[str, Any]:
        return {
            "name": self.name.text().strip(),
            "organization": self.organization.text().strip(),
            "category": self.category.value(),
            "gender": self.gender.value(),
            "vulnerable": self.vulnerable.isChecked(),
            "phone": self.phone.text().strip(),
            "email": self.email.text().strip(),
        }

    def save(self) -> None:
        changes = {name: value for name, value in self.typed().items() if value != self.before[name]}
        if changes:
            try:
                self._ws.write(update_participant, self._id, **changes)
            except MufakatError as exc:
                self.message.error(exc.message)
                return
        self.after = changes
        self.before = {name: self.before[name] for name in changes}
        self.accept()
