"""Enrolling this laptop with the office's server (address, one-time code, and the office's CA
file when the server's certificate is issued by the office's own authority), in Settings and in
the first-run set-up. After enrolling, the user hears if the server's parent office is not
the one named on this laptop (queued escalations then go to the server's)."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QWidget,
)

from desktop.app.background import explain
from desktop.app.workspace import Workspace
from desktop.sync.client import CertificateProblem, HttpsOnly
from desktop.sync.controller import SyncController
from desktop.sync.network_errors import untrusted_in_form
from desktop.sync.rehome import ParentOffice, parent_notice, parent_office
from desktop.sync.trust import ca_path
from desktop.views.common import InlineMessage, app_title, placeholder_in_full
from desktop.views.look import icon

log = logging.getLogger("mufakat.enroll")


class EnrollForm(QWidget):
    enrolled = Signal(str)  # the unit's code on the server

    def __init__(self, ws: Workspace, sync: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._sync = sync
        self._before: ParentOffice | None = None
        self.server_url = QLineEdit()
        self.server_url.setPlaceholderText("https://mufakat.example.go.id")
        self.enroll_code = QLineEdit()
        self.enroll_code.setPlaceholderText(self.tr("one-time code from the administrator"))
        self.enroll_code.returnPressed.connect(self.enroll)
        # The office's certificate authority, when the server's certificate is not issued by one
        # this computer trusts already: a path typed or chosen.
        kept = ca_path(ws.data_dir)  # the copy in use (the file once chosen may be gone)
        self.ca_file = QLineEdit(str(kept) if kept is not None else "")
        self.ca_file.setPlaceholderText(self.tr("optional: the office's CA certificate (.pem)"))
        placeholder_in_full(self.ca_file)
        self.ca_file.returnPressed.connect(self.enroll)
        self.ca_button = QPushButton(icon("folder"), self.tr("C&hoose…"))
        self.ca_button.clicked.connect(self.choose_ca_file)
        self.ca_row = QWidget()
        ca_layout = QHBoxLayout(self.ca_row)
        ca_layout.setContentsMargins(0, 0, 0, 0)
        ca_layout.addWidget(self.ca_file, 1)
        ca_layout.addWidget(self.ca_button)
        self.enroll_button = QPushButton(icon("enroll"), self.tr("&Enroll this device"))
        self.enroll_button.clicked.connect(self.enroll)
        self.message = InlineMessage()
        self._form = form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Server address"), self.server_url)
        form.addRow(self.tr("Enrollment code"), self.enroll_code)
        self.ca_label = self.tr("Office CA file")
        form.addRow(self.ca_label, self.ca_row)
        form.addRow(self.enroll_button)
        form.addRow(self.message)

    def show_inputs(self, shown: bool) -> None:
        """The address, code and button (an enrolled laptop needs them no more); the message
        about the enrollment stays."""
        for widget in (self.server_url, self.enroll_code, self.ca_row, self.enroll_button):
            self._form.setRowVisible(widget, shown)

    def choose_ca_file(self) -> None:
        typed = self.ca_file.text().strip()
        start = str(Path(typed).parent) if typed else str(Path.home())
        name, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Office CA file"), start, self.tr("Certificates (*.pem *.crt *.cer);;All files (*)")
        )
        if name:
            self.ca_file.setText(name)

    def enroll(self) -> None:
        url, code = self.server_url.text().strip(), self.enroll_code.text().strip()
        if not url or not code:
            self.message.error(self.tr("Fill in both the server address and the enrollment code."))
            return
        self.enroll_button.setEnabled(False)
        self.message.info(self.tr("Enrolling…"))
        self._before = self._ws.read(parent_office)
        typed = self.ca_file.text().strip()
        self._sync.enroll(
            url, code, self._enrolled, self._failed, self, Path(typed).expanduser() if typed else None
        )

    def _enrolled(self, unit_code: str) -> None:
        self.enroll_button.setEnabled(True)
        self._ws.settle_office()
        notice = parent_notice(self._before, self._ws.read(parent_office))
        done = self.tr("Enrolled as {unit}. The first sync is running.").format(unit=unit_code)
        self.message.info(done + (f"\n{notice}" if notice else ""))
        self.enrolled.emit(unit_code)
        if notice:
            # The user asked for this and waits for it; what changed for their escalations must
            # not pass unseen. Shown once the first sync has started, not before.
            QTimer.singleShot(0, lambda: QMessageBox.information(self.window(), app_title(), notice))

    def _failed(self, exc: BaseException) -> None:
        self.enroll_button.setEnabled(True)
        if isinstance(exc, CertificateProblem) and exc.untrusted:  # the field the CA file goes in
            self.message.error(untrusted_in_form(exc, self.ca_label.replace("&", "")))
        else:
            self.message.error(explain(exc, log, self._ws.data_dir))
        if isinstance(exc, CertificateProblem):  # where the office's CA file goes
            self.ca_file.setFocus()
        elif isinstance(exc, HttpsOnly):
            self.server_url.setFocus()
