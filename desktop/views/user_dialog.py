"""One person of the office: a new user (name, NIP, jabatan, roles, password typed twice), a user's
name, jabatan and roles corrected, or a password reset. What is typed goes to `submit` (the users
service); a refusal is said under the form and nothing is saved."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QWidget,
)

from desktop.core.errors import InputError, MufakatError
from desktop.views.common import OK_CANCEL, InlineMessage
from protocol.roles import StaffRole

# How each role is named on the screen (what it lets the person do, in a few words).
ROLE_LABELS = {
    StaffRole.OPERATOR: str(QT_TRANSLATE_NOOP("UserDialog", "Operator / facilitator (plans, signs in, captures)")),
    StaffRole.KEPALA: str(QT_TRANSLATE_NOOP("UserDialog", "Head of office — kepala (triage, escalate, answer, sign)")),
    StaffRole.ADMIN: str(QT_TRANSLATE_NOOP("UserDialog", "Administrator (users, the office's settings)")),
}
CONTEXT = "UserDialog"


def role_label(role: StaffRole) -> str:
    return QCoreApplication.translate(CONTEXT, ROLE_LABELS[role])


@dataclass(frozen=True)
class TypedUser:
    name: str
    nip: str
    jabatan: str
    roles: frozenset[StaffRole]
    password: str


class UserDialog(QDialog):
    NEW, EDIT, PASSWORD = "new", "edit", "password"

    def __init__(
        self,
        kind: str,
        submit: Callable[[TypedUser], object],
        *,
        user: TypedUser | None = None,
        fixed_roles: frozenset[StaffRole] = frozenset(),
        parent: QWidget | None = None,
    ) -> None:
        """`kind`: NEW, EDIT or PASSWORD; `user`: the one edited; `fixed_roles`: roles ticked and
        not to be taken away here (the first administrator)."""
        super().__init__(parent)
        self._kind = kind
        self._submit = submit
        titles = {
            self.NEW: self.tr("New user"),
            self.EDIT: self.tr("Change user"),
            self.PASSWORD: self.tr("Reset password"),
        }
        self.setWindowTitle(titles[kind])
        self.name = QLineEdit(user.name if user else "")
        self.name.setPlaceholderText(self.tr("full name, e.g. Rina Wulandari, S.E."))
        self.nip = QLineEdit(user.nip if user else "")
        self.nip.setPlaceholderText(self.tr("18 digits, e.g. 198705122010122001"))
        self.nip.setReadOnly(kind != self.NEW)  # the NIP names the person: a new NIP is a new user
        self.jabatan = QLineEdit(user.jabatan if user else "")
        self.jabatan.setPlaceholderText(self.tr("e.g. Kepala Seksi Bank"))
        self.roles: dict[StaffRole, QCheckBox] = {}
        role_row = QHBoxLayout()
        roles_box = QWidget(self)  # kept (hidden) when a password is reset: `typed` reads it
        roles_box.setVisible(kind != self.PASSWORD)
        role_column = QFormLayout(roles_box)
        role_column.setContentsMargins(0, 0, 0, 0)
        for role in StaffRole:
            box = QCheckBox(role_label(role))
            box.setChecked(role in (user.roles if user else frozenset()) or role in fixed_roles)
            box.setEnabled(role not in fixed_roles)
            self.roles[role] = box
            role_column.addRow(box)
        role_row.addWidget(roles_box)
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = InlineMessage(lines=2)
        form = QFormLayout(self)
        if kind != self.PASSWORD:
            form.addRow(self.tr("&Name"), self.name)
            form.addRow(self.tr("NI&P"), self.nip)
            form.addRow(self.tr("&Jabatan (position)"), self.jabatan)
            form.addRow(self.tr("Roles"), role_row)
        else:
            self.name.setReadOnly(True)
            self.name.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the keys go to the new password
            form.addRow(self.tr("Name"), self.name)
        if kind != self.EDIT:
            form.addRow(self.tr("Pass&word") if kind == self.NEW else self.tr("New pass&word"), self.password)
            form.addRow(self.tr("Password &again"), self.password_again)
        form.addRow(self.message)
        buttons = QDialogButtonBox(OK_CANCEL)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        first = self.password if kind == self.PASSWORD else self.name
        first.setFocus()

    def typed(self) -> TypedUser:
        return TypedUser(
            name=self.name.text(),
            nip=self.nip.text(),
            jabatan=self.jabatan.text(),
            roles=frozenset(role for role, box in self.roles.items() if box.isChecked()),
            password=self.password.text(),
        )

    def save(self) -> None:
        if self._kind != self.EDIT and self.password.text() != self.password_again.text():
            self.password_again.clear()
            self.message.error(self.tr("The two passwords differ: type the same password twice."))
            self.password_again.setFocus()
            return
        if self._kind != self.PASSWORD and not any(box.isChecked() for box in self.roles.values()):
            self.message.error(self.tr("Tick at least one role: what may this person do?"))
            return
        try:
            self._submit(self.typed())
        except InputError as exc:
            self.message.error(exc.message)
            fields = {"name": self.name, "nip": self.nip, "jabatan": self.jabatan, "password": self.password}
            if exc.field in fields:
                fields[exc.field].setFocus()
            return
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.accept()
