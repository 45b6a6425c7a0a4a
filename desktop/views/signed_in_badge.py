"""The person signed in, at the foot of the navigation: their name and jabatan, "Kunci" (lock the
window now, e.g. before leaving the desk) and "Keluar" (sign out)."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop.services.acting import ActingUser
from desktop.views.look import icon


class SignedInBadge(QWidget):
    lock_requested = Signal()
    sign_out_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("signed-in")
        self.name = QLabel()
        self.name.setObjectName("signed-in-name")
        self.name.setWordWrap(True)
        self.jabatan = QLabel()
        self.jabatan.setObjectName("signed-in-jabatan")
        self.jabatan.setWordWrap(True)
        self.lock_button = QPushButton(icon("lock"), self.tr("Lock"))
        self.lock_button.setToolTip(self.tr("Lock the window now (unlock with your PIN or password)"))
        self.lock_button.clicked.connect(self.lock_requested)
        self.sign_out_button = QPushButton(icon("log-out"), self.tr("Sign out"))
        self.sign_out_button.clicked.connect(self.sign_out_requested)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.lock_button)
        buttons.addWidget(self.sign_out_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(6, 6, 6, 6)
        column.setSpacing(2)
        column.addWidget(self.name)
        column.addWidget(self.jabatan)
        column.addLayout(buttons)
        self.show_user(None)

    def show_user(self, user: ActingUser | None) -> None:
        self.setVisible(user is not None)
        self.name.setText(user.name if user else "")
        self.jabatan.setText(user.jabatan if user else "")
        self.jabatan.setVisible(bool(user and user.jabatan))
        self.setToolTip(f"NIP {user.nip}" if user else "")
