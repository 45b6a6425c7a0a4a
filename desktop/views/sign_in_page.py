"""The door of a laptop whose office has users: sign in with the NIP (or the name) and the
password; after a password sign-in, a PIN for quick unlock on this laptop may be set; a locked
window opens again with the signed-in person's PIN or password (after five wrong PINs, only the
password). Everything works offline: the office's users come to its laptops by sync."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app.user_session import UserSession
from desktop.core.errors import MufakatError
from desktop.store.pins import MAX_MISSES, PinCheck
from desktop.views.common import InlineMessage
from desktop.views.look import primary

FORM_WIDTH = 460


def _secret_line(placeholder: str) -> QLineEdit:
    line = QLineEdit()
    line.setEchoMode(QLineEdit.EchoMode.Password)
    line.setPlaceholderText(placeholder)
    return line


class SignInPage(QWidget):
    signed_in = Signal()  # someone signed in with the password (and set a PIN, or not)
    unlocked = Signal()  # the locked window opens again for the person signed in
    signed_out = Signal()  # the person signed in left from the lock screen

    def __init__(self, session: UserSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._session = session
        self._pin_then = self.signed_in  # what setting (or skipping) the PIN completes
        self.title = QLabel()
        self.title.setObjectName("sign-in-title")
        self.subtitle = QLabel()
        self.subtitle.setWordWrap(True)
        self.message = InlineMessage(lines=2)

        # -- sign in with the password
        self.identity = QLineEdit()
        self.identity.setPlaceholderText(self.tr("NIP (18 digits) or full name"))
        self.password = _secret_line(self.tr("password"))
        self.sign_in_button = primary(QPushButton(self.tr("&Sign in")), "log-in")
        self.sign_in_button.clicked.connect(self.sign_in)
        for line in (self.identity, self.password):
            line.returnPressed.connect(self.sign_in)
        sign_in = QWidget()
        sign_in_form = QFormLayout(sign_in)
        sign_in_form.addRow(self.tr("NIP or name"), self.identity)
        sign_in_form.addRow(self.tr("Password"), self.password)
        sign_in_form.addRow("", self.sign_in_button)

        # -- a PIN for this laptop, after a password sign-in
        self.new_pin = _secret_line(self.tr("4 to 8 digits"))
        self.new_pin_again = _secret_line(self.tr("the same digits again"))
        self.set_pin_button = primary(QPushButton(self.tr("Set &PIN")), "accept")
        self.set_pin_button.clicked.connect(self.set_pin)
        self.new_pin_again.returnPressed.connect(self.set_pin)
        self.skip_pin_button = QPushButton(self.tr("&Not now"))
        self.skip_pin_button.clicked.connect(self._done_signing_in)
        set_pin = QWidget()
        pin_form = QFormLayout(set_pin)
        pin_form.addRow(self.tr("PIN"), self.new_pin)
        pin_form.addRow(self.tr("PIN again"), self.new_pin_again)
        pin_buttons = QHBoxLayout()
        pin_buttons.addWidget(self.set_pin_button)
        pin_buttons.addWidget(self.skip_pin_button)
        pin_buttons.addStretch(1)
        pin_form.addRow("", pin_buttons)

        # -- unlock: the PIN, or the password
        self.pin = _secret_line(self.tr("PIN"))
        self.pin.returnPressed.connect(self.unlock_with_pin)
        self.unlock_button = primary(QPushButton(self.tr("&Unlock")), "log-in")
        self.unlock_button.clicked.connect(self.unlock)
        self.unlock_password = _secret_line(self.tr("password"))
        self.unlock_password.returnPressed.connect(self.unlock_with_password)
        self.use_password_button = QPushButton(self.tr("Use the pass&word"))
        self.use_password_button.clicked.connect(lambda: self._show_unlock(password=True))
        self.sign_out_button = QPushButton(self.tr("Sign &out"))
        self.sign_out_button.setToolTip(self.tr("Another person wants to work on this laptop"))
        self.sign_out_button.clicked.connect(self.signed_out)
        unlock = QWidget()
        unlock_form = QFormLayout(unlock)
        self._pin_label = QLabel(self.tr("PIN"))
        self._password_label = QLabel(self.tr("Password"))
        unlock_form.addRow(self._pin_label, self.pin)
        unlock_form.addRow(self._password_label, self.unlock_password)
        unlock_buttons = QHBoxLayout()
        unlock_buttons.addWidget(self.unlock_button)
        unlock_buttons.addWidget(self.use_password_button)
        unlock_buttons.addStretch(1)
        unlock_buttons.addWidget(self.sign_out_button)
        unlock_form.addRow("", unlock_buttons)

        self.steps = QStackedWidget()
        for step in (sign_in, set_pin, unlock):
            self.steps.addWidget(step)
        self._sign_in_step, self._pin_step, self._unlock_step = sign_in, set_pin, unlock

        card = QFrame()
        card.setObjectName("sign-in-card")
        card.setFrameShape(QFrame.Shape.StyledPanel)
        card.setFixedWidth(FORM_WIDTH)
        column = QVBoxLayout(card)
        column.addWidget(self.title)
        column.addWidget(self.subtitle)
        column.addWidget(self.steps)
        column.addWidget(self.message)
        centred = QVBoxLayout(self)
        centred.addStretch(1)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(card)
        row.addStretch(1)
        centred.addLayout(row)
        centred.addStretch(2)
        self.show_sign_in()

    # -- what the page shows -----------------------------------------------------------------
    def _heading(self, title: str, subtitle: str) -> None:
        self.title.setText(f"<h2>{title}</h2>")
        self.subtitle.setText(subtitle)

    def show_sign_in(self) -> None:
        office = self._session.office_name()
        self._heading(
            self.tr("Sign in"),
            self.tr("{office}: sign in with your NIP or name and your password.").format(office=office),
        )
        self.identity.clear()
        self.password.clear()
        self.message.clear_message()
        self._show_step(self._sign_in_step)
        self.setFocusProxy(self.identity)

    def _show_step(self, step: QWidget) -> None:
        """One step on the card, the card as tall as that step (not as the tallest)."""
        for each in (self._sign_in_step, self._pin_step, self._unlock_step):
            policy = QSizePolicy.Policy.Preferred if each is step else QSizePolicy.Policy.Ignored
            each.setSizePolicy(policy, policy)
        self.steps.setCurrentWidget(step)
        self.steps.updateGeometry()

    def show_lock(self) -> None:
        """The window locked itself (or was locked): the person signed in unlocks it."""
        self.message.clear_message()
        self._show_unlock(password=not self._session.has_pin())

    def _show_unlock(self, password: bool) -> None:
        person = self._session.current
        name = person.name if person is not None else ""
        self._heading(
            self.tr("Locked"),
            self.tr("{name} is signed in. What was typed is kept; unlock to go on.").format(name=name),
        )
        self.pin.clear()
        self.unlock_password.clear()
        for widget in (self._pin_label, self.pin, self.use_password_button):
            widget.setVisible(not password)
        for widget in (self._password_label, self.unlock_password):
            widget.setVisible(password)
        self._show_step(self._unlock_step)
        focus = self.unlock_password if password else self.pin
        self.setFocusProxy(focus)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_set_pin(self) -> None:
        person = self._session.current
        hint = self.tr(
            "A PIN unlocks this laptop quickly after it locked itself. It stays on this laptop "
            "(it is never sent anywhere); after {n} wrong PINs the password is needed."
        ).format(n=MAX_MISSES)
        self._heading(
            self.tr("Welcome, {name}").format(name=person.name if person else ""),
            self.tr("Set a PIN for this laptop?") + " " + hint,
        )
        self.new_pin.clear()
        self.new_pin_again.clear()
        self._show_step(self._pin_step)
        self.setFocusProxy(self.new_pin)
        self.new_pin.setFocus(Qt.FocusReason.OtherFocusReason)

    # -- actions -------------------------------------------------------------------------------
    def sign_in(self) -> None:
        if not self.identity.text().strip():
            self.message.error(self.tr("Type your NIP or your name."), self.identity)
            self.identity.setFocus()
            return
        try:
            self._session.sign_in(self.identity.text(), self.password.text())
        except MufakatError as exc:
            self.password.clear()
            self.message.error(exc.message)
            self.password.setFocus()
            return
        self.password.clear()
        self.message.clear_message()
        self._pin_then = self.signed_in
        if self._session.has_pin():
            self._done_signing_in()
        else:
            self._show_set_pin()

    def set_pin(self) -> None:
        if self.new_pin.text() != self.new_pin_again.text():
            self.new_pin_again.clear()
            self.message.error(self.tr("The two PINs differ: type the same digits twice."), self.new_pin_again)
            self.new_pin_again.setFocus()
            return
        try:
            self._session.set_pin(self.new_pin.text())
        except MufakatError as exc:
            self.message.error(exc.message, self.new_pin)
            self.new_pin.setFocus()
            return
        self._done_signing_in()

    def _done_signing_in(self) -> None:
        self.new_pin.clear()
        self.new_pin_again.clear()
        self.message.clear_message()
        self._pin_then.emit()

    def unlock(self) -> None:
        if self.unlock_password.isVisible():
            self.unlock_with_password()
        else:
            self.unlock_with_pin()

    def unlock_with_pin(self) -> None:
        result = self._session.unlock_with_pin(self.pin.text())
        self.pin.clear()
        if result is PinCheck.OK:
            self.message.clear_message()
            self.unlocked.emit()
        elif result is PinCheck.WRONG:
            left = self._session.pin_tries_left()
            self.message.error(self.tr("Wrong PIN. {n} tries left before the password is needed.").format(n=left))
        else:
            self._show_unlock(password=True)
            self.message.error(self.tr("Too many wrong PINs: unlock with your password (then set a new PIN)."))

    def unlock_with_password(self) -> None:
        try:
            self._session.unlock_with_password(self.unlock_password.text())
        except MufakatError as exc:
            self.unlock_password.clear()
            self.message.error(exc.message)
            return
        self.unlock_password.clear()
        self.message.clear_message()
        self._pin_then = self.unlocked
        if self._session.has_pin():
            self.unlocked.emit()
        else:
            self._show_set_pin()
