"""Settings → Users ("Pengguna"), for the office's administrator: the office's people with their
NIP, jabatan, roles and whether they are active; add one, change one's name, jabatan and roles,
reset a password, deactivate one (mutasi) handing their open follow-up to someone named. An
office with no users yet (a data folder from before accounts) offers to create the first
administrator here. Everything goes through the users service, which checks the role again."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.app.user_session import UserSession
from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.services import acting, users
from desktop.services.users import UserView
from desktop.views.common import OK_CANCEL, InlineMessage
from desktop.views.look import icon, primary
from desktop.views.user_dialog import TypedUser, UserDialog, role_label
from desktop.views.wheel import guard_wheel
from protocol.roles import StaffRole

COLUMNS = 5  # name, NIP, jabatan, roles, state


class UsersGroup(QGroupBox):
    changed = Signal()  # users added or changed (the window shows the person signed in again)

    def __init__(self, ws: Workspace, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Users"), parent)
        self._ws = ws
        self._session = session
        self._users: list[UserView] = []
        self.intro = QLabel()
        self.intro.setWordWrap(True)
        self.table = QTableWidget(0, COLUMNS)
        self.table.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("NIP"), self.tr("Jabatan"), self.tr("Roles"), self.tr("State")]
        )
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.table.setMinimumHeight(150)
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self.first_admin_button = primary(QPushButton(self.tr("Create the first &administrator…")), "users")
        self.first_admin_button.clicked.connect(self.create_first_admin)
        self.add_button = QPushButton(icon("new"), self.tr("Add &user…"))
        self.add_button.clicked.connect(self.add_user)
        self.edit_button = QPushButton(icon("edit"), self.tr("Chan&ge…"))
        self.edit_button.clicked.connect(self.edit_user)
        self.password_button = QPushButton(self.tr("Reset pass&word…"))
        self.password_button.clicked.connect(self.reset_password)
        self.deactivate_button = QPushButton(self.tr("&Deactivate (mutasi)…"))
        self.deactivate_button.clicked.connect(self.deactivate_user)
        self.reactivate_button = QPushButton(self.tr("Reacti&vate"))
        self.reactivate_button.clicked.connect(self.reactivate_user)
        buttons = QHBoxLayout()
        for button in (
            self.first_admin_button,
            self.add_button,
            self.edit_button,
            self.password_button,
            self.deactivate_button,
            self.reactivate_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.message = InlineMessage()
        column = QVBoxLayout(self)
        column.addWidget(self.intro)
        column.addWidget(self.table)
        column.addLayout(buttons)
        column.addWidget(self.message)

    # -- showing -----------------------------------------------------------------------------
    def reload(self) -> None:
        unit_id = self._ws.ctx.home_unit_id
        self._users = self._ws.read(users.list_users, unit_id) if unit_id else []
        chosen = self.selected()
        self.table.setRowCount(len(self._users))
        for row, user in enumerate(self._users):
            roles = ", ".join(role_label(role).split(" (")[0] for role in user.roles)
            state = self.tr("active") if user.active else self.tr("deactivated")
            for column, text in enumerate((user.name, user.nip, user.jabatan, roles, state)):
                self.table.setItem(row, column, QTableWidgetItem(text))
            if chosen is not None and user.id == chosen.id:
                self.table.selectRow(row)
        none_yet = unit_id is not None and not self._users
        self.intro.setText(
            self.tr(
                "This office has no users yet: the history names the operator of Settings. Create the "
                "first administrator (they add the others); from then on everyone signs in."
            )
            if none_yet
            else self.tr("The people of this office who sign in to Mufakat, on every laptop of the office.")
        )
        self.table.setVisible(not none_yet)
        self.first_admin_button.setVisible(none_yet)
        self.add_button.setVisible(not none_yet)
        self.setEnabled(unit_id is not None)
        self._update_buttons()

    def selected(self) -> UserView | None:
        rows = self.table.selectionModel().selectedRows()
        return self._users[rows[0].row()] if rows and rows[0].row() < len(self._users) else None

    def _update_buttons(self) -> None:
        chosen = self.selected()
        for button in (self.edit_button, self.password_button):
            button.setVisible(bool(self._users))
            button.setEnabled(chosen is not None)
        self.deactivate_button.setVisible(bool(self._users))
        self.deactivate_button.setEnabled(chosen is not None and chosen.active)
        self.reactivate_button.setVisible(chosen is not None and not chosen.active)

    def _done(self, said: str) -> None:
        self.reload()
        self.message.info(said)
        self.changed.emit()

    # -- actions -------------------------------------------------------------------------------
    def _run_dialog(self, dialog: QDialog) -> bool:
        dialog.setModal(True)
        return dialog.exec() == QDialog.DialogCode.Accepted

    def create_first_admin(self) -> None:
        """The office's first user, an administrator, signed in at once (what they do from now
        on names them)."""

        def submit(typed: TypedUser) -> None:
            made = self._ws.write(
                users.create_user,
                nip=typed.nip,
                name=typed.name,
                jabatan=typed.jabatan,
                roles=[role.value for role in typed.roles],
                password=typed.password,
            )
            with self._ws.store.read() as session:
                acting.sign_in(session, self._ws.ctx, made.nip, typed.password)

        # The operator named in Settings, who ran the forums until now, keeps running them.
        operator = TypedUser(self._ws.settings.operator, "", "", frozenset({StaffRole.OPERATOR}), "")
        dialog = UserDialog(
            UserDialog.NEW, submit, user=operator, fixed_roles=frozenset({StaffRole.ADMIN}), parent=self
        )
        dialog.setWindowTitle(self.tr("The first administrator"))
        if self._run_dialog(dialog):
            said = self.tr("{name} is the office's administrator and is signed in.")
            self._done(said.format(name=dialog.name.text().strip()))

    def add_user(self) -> None:
        def submit(typed: TypedUser) -> None:
            self._ws.write(
                users.create_user,
                nip=typed.nip,
                name=typed.name,
                jabatan=typed.jabatan,
                roles=[role.value for role in typed.roles],
                password=typed.password,
            )

        dialog = UserDialog(UserDialog.NEW, submit, parent=self)
        if self._run_dialog(dialog):
            self._done(self.tr("{name} added.").format(name=dialog.name.text().strip()))

    def _typed_of(self, user: UserView) -> TypedUser:
        return TypedUser(user.name, user.nip, user.jabatan, frozenset(user.roles), "")

    def edit_user(self) -> None:
        user = self.selected()
        if user is None:
            return

        def submit(typed: TypedUser) -> None:
            self._ws.write(
                users.update_user,
                user.id,
                name=typed.name,
                jabatan=typed.jabatan,
                roles=[role.value for role in typed.roles],
            )

        dialog = UserDialog(UserDialog.EDIT, submit, user=self._typed_of(user), parent=self)
        if self._run_dialog(dialog):
            self._done(self.tr("{name} saved.").format(name=dialog.name.text().strip()))

    def reset_password(self) -> None:
        user = self.selected()
        if user is None:
            return

        def submit(typed: TypedUser) -> None:
            self._ws.write(users.reset_password, user.id, typed.password)
            self._session.pins.forget(user.id)  # a PIN set under the old password goes with it

        dialog = UserDialog(UserDialog.PASSWORD, submit, user=self._typed_of(user), parent=self)
        if self._run_dialog(dialog):
            self._done(
                self.tr("{name}'s password was reset: tell them the new one; they sign in with it.").format(
                    name=user.name
                )
            )

    def deactivate_user(self) -> None:
        user = self.selected()
        if user is None or not user.active:
            return
        others = [u for u in self._users if u.active and u.id != user.id]
        dialog = HandOverDialog(user, others, self._deactivate, parent=self)
        if self._run_dialog(dialog):
            said = self.tr("{name} is deactivated; {n} open follow-up action(s) went to {successor}.")
            self._done(said.format(name=user.name, n=dialog.handed, successor=dialog.successor_name()))

    def _deactivate(self, user_id: str, successor_id: str) -> int:
        handed: int = self._ws.write(users.deactivate_user, user_id, successor_id)
        self._session.pins.forget(user_id)
        return handed

    def reactivate_user(self) -> None:
        user = self.selected()
        if user is None:
            return
        try:
            self._ws.write(users.reactivate_user, user.id)
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self._done(self.tr("{name} is active again.").format(name=user.name))


class HandOverDialog(QDialog):
    """Deactivate a user (mutasi): who takes over their open follow-up is chosen first."""

    def __init__(
        self,
        user: UserView,
        others: list[UserView],
        deactivate: Callable[[str, str], int],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._user = user
        self._deactivate = deactivate
        self.handed = 0
        self.setWindowTitle(self.tr("Deactivate {name}").format(name=user.name))
        said = QLabel(
            self.tr(
                "{name} can no longer sign in on any laptop of the office once it syncs; the history "
                "keeps their name. Their open follow-up actions go to:"
            ).format(name=user.name)
        )
        said.setWordWrap(True)
        self.successor = QComboBox()
        self.successor.addItem(self.tr("(choose who takes over)"), None)
        for other in others:
            self.successor.addItem(f"{other.name} — {other.jabatan}" if other.jabatan else other.name, other.id)
        self.message = InlineMessage(lines=2)
        form = QFormLayout(self)
        form.addRow(said)
        form.addRow(self.tr("&Hand over to"), self.successor)
        form.addRow(self.message)
        buttons = QDialogButtonBox(OK_CANCEL)
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Deactivate"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        guard_wheel(self)  # the wheel scrolls; it changes the choice only with the focus

    def successor_name(self) -> str:
        return self.successor.currentText().split(" — ")[0]

    def save(self) -> None:
        try:
            self.handed = self._deactivate(self._user.id, self.successor.currentData() or "")
        except MufakatError as exc:
            self.message.error(exc.message, self.successor)
            return
        self.accept()
