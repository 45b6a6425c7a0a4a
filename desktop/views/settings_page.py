"""Settings: this office (unit, letterhead, head who signs), this device (operator, language,
deadlines), the data folder, and the server connection (enrollment)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import MufakatError
from desktop.services.units import all_units, create_unit, home_unit, set_home_unit, update_unit
from desktop.sync.controller import SyncController
from desktop.sync.engine import is_enrolled
from desktop.sync.refusals import UNKNOWN_TOKEN
from desktop.views.common import InlineMessage, select_value
from desktop.views.outbox_actions import export_unsent, import_unsent
from desktop.workspace import Workspace

UNIT_FIELDS = (
    "name",
    "letterhead",
    "address",
    "city",
    "phone",
    "email",
    "website",
    "head_title",
    "head_name",
    "head_nip",
)


class SettingsPage(QWidget):
    language_changed = Signal(str)
    office_changed = Signal()

    def __init__(
        self,
        ws: Workspace,
        sync: SyncController,
        may_switch_language: Callable[[], bool] = lambda: True,
        parent: QWidget | None = None,
    ) -> None:
        """`may_switch_language`: asked before the window is rebuilt in another language (it
        saves or asks about what is typed and not saved; False: the user chose to stay)."""
        super().__init__(parent)
        self._ws = ws
        self._sync = sync
        self._may_switch_language = may_switch_language
        labels = {
            "name": self.tr("Office name"),
            "letterhead": self.tr("Letterhead (parent ministry, directorate…)"),
            "address": self.tr("Address"),
            "city": self.tr("City"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "website": self.tr("Website"),
            "head_title": self.tr("Title of the head"),
            "head_name": self.tr("Name of the head"),
            "head_nip": self.tr("NIP of the head"),
        }
        # -- this office
        self.unit_choice = QComboBox()
        self.unit_choice.activated.connect(self._choose_unit)
        self.unit_lines = {name: QLineEdit() for name in UNIT_FIELDS}
        for name, edit in self.unit_lines.items():
            edit.editingFinished.connect(lambda name=name, edit=edit: self._save_unit_field(name, edit))
        self.new_code = QLineEdit()
        self.new_code.setPlaceholderText(self.tr("code, e.g. KPPN-SORONG"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("name, e.g. KPPN Sorong"))
        self.new_button = QPushButton(self.tr("Add office"))
        self.new_button.clicked.connect(self._add_unit)
        office = QGroupBox(self.tr("This office"))
        office_form = QFormLayout(office)
        office_form.addRow(self.tr("This device works for"), self.unit_choice)
        for name in UNIT_FIELDS:
            office_form.addRow(labels[name], self.unit_lines[name])
        add_row = QHBoxLayout()
        add_row.addWidget(self.new_code)
        add_row.addWidget(self.new_name)
        add_row.addWidget(self.new_button)
        office_form.addRow(self.tr("New office"), add_row)
        self.office_message = InlineMessage()
        office_form.addRow(self.office_message)

        # -- this device
        settings = ws.settings
        self.operator = QLineEdit(settings.operator)
        self.operator.setPlaceholderText(settings.actor)
        self.operator.editingFinished.connect(
            lambda: self._save_setting(operator=self.operator.text().strip())
        )
        self.language = QComboBox()
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        select_value(self.language, settings.language)
        self.language.activated.connect(self._choose_language)
        self.escalation_days = self._days(settings.escalation_working_days)
        self.escalation_days.editingFinished.connect(
            lambda: self._save_setting(escalation_working_days=self.escalation_days.value())
        )
        self.follow_up_days = self._days(settings.follow_up_working_days)
        self.follow_up_days.editingFinished.connect(
            lambda: self._save_setting(follow_up_working_days=self.follow_up_days.value())
        )
        device = QGroupBox(self.tr("This device"))
        device_form = QFormLayout(device)
        device_form.addRow(self.tr("Operator name (in the history)"), self.operator)
        device_form.addRow(self.tr("Language"), self.language)
        device_form.addRow(self.tr("Escalation answer due after (working days)"), self.escalation_days)
        device_form.addRow(self.tr("Follow-up due after (working days)"), self.follow_up_days)
        self.device_message = InlineMessage()
        device_form.addRow(self.device_message)
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(str(ws.data_dir)), 1)
        open_folder = QPushButton(self.tr("Open folder"))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ws.data_dir))))
        folder_row.addWidget(open_folder)
        device_form.addRow(self.tr("Data folder"), folder_row)

        # -- server
        self.server_url = QLineEdit()
        self.server_url.setPlaceholderText("https://mufakat.example.go.id")
        self.enroll_code = QLineEdit()
        self.enroll_code.setPlaceholderText(self.tr("one-time code from the administrator"))
        self.enroll_button = QPushButton(self.tr("&Enroll this device"))
        self.enroll_button.clicked.connect(self.enroll)
        self.server_state = QLabel()
        self.server_state.setWordWrap(True)
        self.server_message = InlineMessage()
        # A revoked or broken laptop's unsent changes go to another laptop of the office.
        self.export_outbox_button = QPushButton(self.tr("E&xport unsent changes…"))
        self.export_outbox_button.clicked.connect(self._export_outbox)
        self.import_outbox_button = QPushButton(self.tr("I&mport changes of another laptop…"))
        self.import_outbox_button.clicked.connect(self._import_outbox)
        outbox_row = QHBoxLayout()
        outbox_row.addWidget(self.export_outbox_button)
        outbox_row.addWidget(self.import_outbox_button)
        outbox_row.addStretch(1)
        server = QGroupBox(self.tr("Server"))
        server_form = QFormLayout(server)
        server_form.addRow(self.server_state)
        server_form.addRow(self.tr("Server address"), self.server_url)
        server_form.addRow(self.tr("Enrollment code"), self.enroll_code)
        server_form.addRow(self.enroll_button)
        server_form.addRow(outbox_row)
        server_form.addRow(self.server_message)
        sync.status_changed.connect(lambda _status: self._show_server())

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(QLabel("<h2>" + self.tr("Settings") + "</h2>"))
        body_layout.addWidget(office)
        body_layout.addWidget(device)
        body_layout.addWidget(server)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.reload()

    @staticmethod
    def _days(value: int) -> QSpinBox:
        box = QSpinBox()
        box.setRange(1, 250)
        box.setValue(value)
        return box

    def reload(self) -> None:
        self.unit_choice.clear()
        self.unit_choice.addItem(self.tr("(not chosen)"), None)
        for each in self._ws.read(all_units):
            self.unit_choice.addItem(f"{each.name} ({each.code})", each.id)
        unit = self._ws.read(home_unit, self._ws.ctx.home_unit_id)
        select_value(self.unit_choice, unit.id if unit else None)
        for name, edit in self.unit_lines.items():
            edit.setText(getattr(unit, name) if unit else "")
            edit.setEnabled(unit is not None)
            edit.setModified(False)
        self._show_server()

    def _show_server(self) -> None:
        enrolled = is_enrolled(self._ws)
        url = self._ws.store.device().server_url
        # The server no longer knows this laptop (restored from a backup): enroll it again.
        forgotten = self._sync.status().code == UNKNOWN_TOKEN
        if forgotten:
            self.server_state.setText(
                self.tr(
                    "The server {url} no longer knows this laptop. Enroll it again with a new code "
                    "from the administrator; nothing on this laptop is lost."
                ).format(url=url)
            )
            if not self.server_url.text():
                self.server_url.setText(url)
        else:
            self.server_state.setText(
                self.tr("Enrolled with {url}.").format(url=url)
                if enrolled
                else self.tr("Not enrolled: local only.")
            )
        for widget in (self.server_url, self.enroll_code, self.enroll_button):
            widget.setVisible(not enrolled or forgotten)
        self.import_outbox_button.setVisible(enrolled)
        self.unit_choice.setEnabled(not enrolled)  # the server decides the unit once enrolled

    # -- this office ---------------------------------------------------------------------------
    def _choose_unit(self) -> None:
        unit_id = self.unit_choice.currentData()
        if unit_id:
            self._ws.write(set_home_unit, unit_id)
            self.reload()
            self.office_changed.emit()

    def _save_unit_field(self, name: str, edit: QLineEdit) -> None:
        unit_id = self._ws.ctx.home_unit_id
        if not edit.isModified() or unit_id is None:
            return
        try:
            self._ws.write(update_unit, unit_id, **{name: edit.text().strip()})
        except MufakatError as exc:
            self.office_message.error(exc.message)
            return
        edit.setModified(False)
        self.office_message.info(self.tr("Saved."))

    def _add_unit(self) -> None:
        try:
            unit_id = self._ws.write(
                create_unit,
                code=self.new_code.text(),
                name=self.new_name.text(),
                parent_id=self._ws.ctx.home_unit_id,
            )
            if self._ws.ctx.home_unit_id is None:
                self._ws.write(set_home_unit, unit_id)
        except MufakatError as exc:
            self.office_message.error(exc.message)
            return
        self.new_code.clear()
        self.new_name.clear()
        self.office_message.info(self.tr("Office added."))
        self.reload()
        self.office_changed.emit()

    # -- this device ---------------------------------------------------------------------------
    def _save_setting(self, **changes: object) -> bool:
        updated = replace(self._ws.settings, **changes)  # type: ignore[arg-type]
        try:
            updated.save(self._ws.data_dir)
        except MufakatError as exc:
            self.device_message.error(exc.message)
            return False
        self._ws.settings = updated
        self._ws.ctx.actor = updated.actor
        self._ws.ctx.escalation_working_days = updated.escalation_working_days
        self._ws.ctx.follow_up_working_days = updated.follow_up_working_days
        self.device_message.info(self.tr("Saved."))
        return True

    def _choose_language(self) -> None:
        language = str(self.language.currentData())
        if language == self._ws.settings.language:
            return
        if not self._may_switch_language():
            select_value(self.language, self._ws.settings.language)  # stays as it was
            return
        if self._save_setting(language=language):
            self.language_changed.emit(language)

    # -- server --------------------------------------------------------------------------------
    def enroll(self) -> None:
        url, code = self.server_url.text().strip(), self.enroll_code.text().strip()
        if not url or not code:
            self.server_message.error(self.tr("Fill in both the server address and the enrollment code."))
            return
        self.enroll_button.setEnabled(False)
        self.server_message.info(self.tr("Enrolling…"))
        self._sync.enroll(url, code, self._enrolled, self._enroll_failed)

    def _enrolled(self, unit_code: str) -> None:
        self.enroll_button.setEnabled(True)
        self.server_message.info(
            self.tr("Enrolled as {unit}. The first sync is running.").format(unit=unit_code)
        )
        self.reload()
        self.office_changed.emit()

    def _export_outbox(self) -> None:
        done, message = export_unsent(self, self._ws)
        if message:
            (self.server_message.info if done else self.server_message.error)(message)

    def _import_outbox(self) -> None:
        done, message = import_unsent(self, self._ws)
        if message:
            (self.server_message.info if done else self.server_message.error)(message)

    def _enroll_failed(self, exc: BaseException) -> None:
        self.enroll_button.setEnabled(True)
        if not isinstance(exc, MufakatError):
            raise exc
        self.server_message.error(exc.message)
