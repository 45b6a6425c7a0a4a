"""Settings: the office (its office-level settings, fields of the unit record: synced and
audited), this device (operator, language, the data folder), and the server connection."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QGridLayout,
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

from desktop.app.user_session import UserSession
from desktop.app.workspace import Workspace
from desktop.core.config import LOCK_MINUTES_RANGE
from desktop.core.errors import MufakatError
from desktop.core.vocab import OfficeZone, label
from desktop.models import Unit
from desktop.services.acting import accounts_exist
from desktop.services.office import set_parent_office
from desktop.services.units import (
    all_units,
    chain_upward,
    create_unit,
    home_unit,
    set_home_unit,
    update_unit,
)
from desktop.sync.controller import SyncController
from desktop.sync.engine import is_enrolled
from desktop.sync.refusals import DEVICE_MOVED, UNKNOWN_TOKEN
from desktop.sync.trust import ca_path
from desktop.views.about_group import AboutGroup
from desktop.views.backup_group import BackupGroup
from desktop.views.common import AutosaveText, InlineMessage, select_value
from desktop.views.enroll_form import EnrollForm
from desktop.views.logo_field import LogoField
from desktop.views.look import icon, page_title
from desktop.views.move_group import MoveGroup
from desktop.views.office_rules import OfficeRules
from desktop.views.outbox_actions import export_unsent, import_unsent
from desktop.views.users_group import UsersGroup
from protocol.roles import Act

LINE_FIELDS = (
    "name",
    "full_name",
    "address",
    "city",
    "phone",
    "email",
    "website",
    "public_url",
    "head_title",
    "head_name",
    "head_nip",
)
DEADLINES = ("escalation_working_days", "follow_up_working_days")


class SettingsPage(QWidget):
    language_changed = Signal(str)
    office_changed = Signal()
    lock_minutes_changed = Signal(int)

    def __init__(
        self,
        ws: Workspace,
        sync: SyncController,
        may_switch_language: Callable[[], bool] = lambda: True,
        parent: QWidget | None = None,
        user_session: UserSession | None = None,
    ) -> None:
        """`may_switch_language`: asked before the window is rebuilt in another language (it
        saves or asks about what is typed and not saved; False: the user chose to stay)."""
        super().__init__(parent)
        self._ws = ws
        self._sync = sync
        self._may_switch_language = may_switch_language
        self._may: Callable[[Act], bool] = lambda _act: True  # the person signed in (apply_roles)
        labels = {
            "name": self.tr("Short name (in sentences)"),
            "full_name": self.tr("Full official name (in the letterhead)"),
            "address": self.tr("Address"),
            "city": self.tr("City or regency (where its documents are signed)"),
            "phone": self.tr("Phone"),
            "email": self.tr("E-mail"),
            "website": self.tr("Website"),
            "public_url": self.tr("Public address of the Mufakat server"),
            "head_title": self.tr("Title of the head"),
            "head_name": self.tr("Name of the head"),
            "head_nip": self.tr("NIP of the head"),
        }
        # -- the office
        self.unit_choice = QComboBox()
        self.unit_choice.activated.connect(self._choose_unit)
        self.unit_lines = {name: QLineEdit() for name in LINE_FIELDS}
        for name, edit in self.unit_lines.items():
            edit.editingFinished.connect(lambda name=name, edit=edit: self._save_unit_field(name, edit))
        self.unit_lines["full_name"].setPlaceholderText(
            self.tr("e.g. Kantor Pelayanan Perbendaharaan Negara Sorong")
        )
        self.parent_office = QComboBox()
        self.parent_office.setEditable(True)
        self.parent_office.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        parent_line = self.parent_office.lineEdit()
        assert parent_line is not None
        parent_line.setPlaceholderText(self.tr("the office above this one, e.g. Kanwil DJPb Papua Barat Daya"))
        parent_line.editingFinished.connect(self._save_parent)
        self.parent_office.activated.connect(self._save_parent)
        self.letterhead = AutosaveText(self._save_letterhead)
        self.letterhead.setTabChangesFocus(True)
        self.letterhead.setPlaceholderText(
            self.tr("One line each, above the office's name, e.g.\nKEMENTERIAN KEUANGAN REPUBLIK INDONESIA")
        )
        self.letterhead.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.logo = LogoField()
        self.logo.chosen.connect(lambda logo: self._save_unit_values(logo=logo))
        self.logo.refused.connect(self.office_message_error)
        self.time_zone = QComboBox()
        self.time_zone.addItem(self.tr("(not chosen: this laptop's own)"), None)
        for zone in OfficeZone:
            self.time_zone.addItem(label(zone), zone.value)
        self.time_zone.activated.connect(
            lambda: self._save_unit_values(time_zone=self.time_zone.currentData())
        )
        # The office's rules: its IKM method, its PEKPPP mapping, its closed days.
        self.rules = OfficeRules(ws, self._save_unit_values, self._tell_office, self)
        self.rules.changed.connect(self._closed_days_changed)
        self.deadlines = {name: self._days() for name in DEADLINES}
        for name, box in self.deadlines.items():
            box.editingFinished.connect(lambda name=name, box=box: self._save_unit_values(**{name: box.value()}))
        self.new_code = QLineEdit()
        self.new_code.setPlaceholderText(self.tr("code, e.g. KPPN-SORONG"))
        self.new_name = QLineEdit()
        self.new_name.setPlaceholderText(self.tr("name, e.g. KPPN Sorong"))
        self.new_button = QPushButton(self.tr("Add office"))
        self.new_button.clicked.connect(self._add_unit)
        office = QGroupBox(self.tr("Office"))
        office_form = QFormLayout(office)
        office_form.addRow(self.tr("This device works for"), self.unit_choice)
        for name in ("name", "full_name"):
            office_form.addRow(labels[name], self.unit_lines[name])
        office_form.addRow(self.tr("Parent office (escalations go there)"), self.parent_office)
        office_form.addRow(self.tr("Letterhead lines above the name"), self.letterhead)
        office_form.addRow(self.tr("Logo (in the letterhead)"), self.logo)
        for name in ("address", "city", "phone", "email", "website"):
            office_form.addRow(labels[name], self.unit_lines[name])
        self.unit_lines["public_url"].setPlaceholderText(
            self.tr("e.g. https://fkp.example.go.id (the report's QR code)")
        )
        office_form.addRow(labels["public_url"], self.unit_lines["public_url"])
        office_form.addRow(self.tr("Time zone"), self.time_zone)
        office_form.addRow(
            self.tr("Escalation answer due after (working days)"), self.deadlines["escalation_working_days"]
        )
        office_form.addRow(
            self.tr("Follow-up due after (working days)"), self.deadlines["follow_up_working_days"]
        )
        office_form.addRow(self.tr("Days the office is closed (besides national holidays)"), self.rules.closed_box)
        office_form.addRow(self.tr("Satisfaction index (IKM) method"), self.rules.ikm_method)
        office_form.addRow(self.tr("Evidence of completion"), self.rules.needs_file)
        office_form.addRow(
            self.tr("PEKPPP's five unsur: how participants are counted"), self.rules.mapping_box
        )
        for name in ("head_title", "head_name", "head_nip"):
            office_form.addRow(labels[name], self.unit_lines[name])
        self.templates_button = QPushButton(self.tr("Document te&mplates…"))
        self.templates_button.setToolTip(
            self.tr("The wording of the invitations and the implementation report, and the PEKPPP indicators")
        )
        self.templates_button.clicked.connect(self.open_templates)
        office_form.addRow(self.tr("Invitations and reports"), self.templates_button)
        self._add_row = QHBoxLayout()
        self._add_row.addWidget(self.new_code)
        self._add_row.addWidget(self.new_name)
        self._add_row.addWidget(self.new_button)
        office_form.addRow(self.tr("New office"), self._add_row)
        self._office_form = office_form
        self.office_message = InlineMessage()
        self._office_widgets: list[QWidget] = [
            *self.unit_lines.values(),
            self.parent_office,
            self.letterhead,
            self.logo,
            self.time_zone,
            *self.deadlines.values(),
            *self.rules.widgets(),
            self.templates_button,
        ]

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
        self.lock_minutes = QSpinBox()
        self.lock_minutes.setRange(LOCK_MINUTES_RANGE.start, LOCK_MINUTES_RANGE.stop - 1)
        self.lock_minutes.setSuffix(self.tr(" min"))
        self.lock_minutes.setValue(settings.lock_minutes)
        self.lock_minutes.setToolTip(
            self.tr("With no key pressed nor click for this long, the window locks (unlock with your PIN or password)")
        )
        self.lock_minutes.editingFinished.connect(self._save_lock_minutes)
        device = QGroupBox(self.tr("This device"))
        device_form = QFormLayout(device)
        device_form.addRow(self.tr("Operator name (in the history)"), self.operator)
        self._device_form = device_form
        device_form.addRow(self.tr("Language"), self.language)
        device_form.addRow(self.tr("Lock the window after (no key nor click)"), self.lock_minutes)
        self.device_message = InlineMessage()
        folder_row = QHBoxLayout()
        folder_row.addWidget(QLabel(str(ws.data_dir)), 1)
        open_folder = QPushButton(icon("folder"), self.tr("Open folder"))
        open_folder.clicked.connect(lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(ws.data_dir))))
        folder_row.addWidget(open_folder)
        device_form.addRow(self.tr("Data folder"), folder_row)

        # -- server
        self.enroll_form = EnrollForm(ws, sync)
        self.enroll_form.enrolled.connect(self._enrolled)
        self.server_url = self.enroll_form.server_url
        self.enroll_code = self.enroll_form.enroll_code
        self.enroll_button = self.enroll_form.enroll_button
        self.server_message = self.enroll_form.message
        self.server_state = QLabel()
        self.server_state.setWordWrap(True)
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
        server_layout = QVBoxLayout(server)
        server_layout.addWidget(self.server_state)
        server_layout.addWidget(self.enroll_form)
        server_layout.addLayout(outbox_row)
        sync.status_changed.connect(self._sync_status)  # a method: disconnected when the page goes

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(office)
        self.users = UsersGroup(ws, user_session or UserSession(ws))  # Pengguna: the office's people
        body_layout.addWidget(self.users)
        body_layout.addWidget(device)
        body_layout.addWidget(server)
        self.backups = BackupGroup(ws)  # backups of this laptop's database, and restoring one
        body_layout.addWidget(self.backups)
        self.move_laptop = MoveGroup(ws)  # "Pindahkan ke laptop baru"
        body_layout.addWidget(self.move_laptop)
        self.about = AboutGroup(ws, sync)  # the version, and a newer one the server announces
        body_layout.addWidget(self.about)
        body_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        # What was saved or refused shows above the scrolling form, in sight wherever the field is.
        head = QVBoxLayout()
        head.setContentsMargins(9, 0, 9, 0)
        head.addWidget(page_title(self.tr("Settings")))
        messages = QGridLayout()  # one at a time (`_tell`): both in the one line's room kept for it
        messages.addWidget(self.office_message, 0, 0)
        messages.addWidget(self.device_message, 0, 0)
        head.addLayout(messages)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(head)
        layout.addWidget(scroll, 1)
        self.reload()

    @staticmethod
    def _days() -> QSpinBox:
        box = QSpinBox()
        box.setRange(1, 250)
        return box

    def open_templates(self) -> QDialog | None:
        """The office's wording of its documents and its PEKPPP indicator table."""
        from desktop.views.templates_dialog import TemplatesDialog

        unit_id = self._ws.ctx.home_unit_id
        if unit_id is None:
            return None
        dialog = TemplatesDialog(self._ws, unit_id, parent=self)
        dialog.setModal(True)  # a form to finish (OK) or leave (Cancel)
        dialog.show()
        return dialog

    def reload(self) -> None:
        self.letterhead.flush()  # typed lines are saved before the fields are read again
        self.unit_choice.clear()
        self.unit_choice.addItem(self.tr("(not chosen)"), None)
        units = self._ws.read(all_units)
        for each in units:
            self.unit_choice.addItem(f"{each.name} ({each.code})", each.id)
        unit = self._ws.read(home_unit, self._ws.ctx.home_unit_id)
        select_value(self.unit_choice, unit.id if unit else None)
        for name, edit in self.unit_lines.items():
            edit.setText(getattr(unit, name) if unit else "")
            edit.setModified(False)
        self.letterhead.load(unit.letterhead if unit else "")
        self._show_parent(unit, units)
        select_value(self.time_zone, unit.time_zone.value if unit and unit.time_zone else None)
        for name, box in self.deadlines.items():
            box.setValue(getattr(unit, name) if unit else Unit.field_defaults()[name])
        self.rules.load(unit)
        for widget in self._office_widgets:
            widget.setEnabled(unit is not None and self._may(Act.OFFICE_SETTINGS))
        self.logo.show_logo(unit.logo if unit else "")
        self.users.reload()
        # Once the office has users the history names whoever signed in, not an operator typed here.
        self._device_form.setRowVisible(self.operator, not self._ws.read(accounts_exist, self._ws.ctx.home_unit_id))
        if not self.operator.hasFocus():  # the first-run page may have named the operator
            self.operator.setText(self._ws.settings.operator)
            self.operator.setPlaceholderText(self._ws.settings.actor)
        self._show_server()

    def apply_roles(self, may: Callable[[Act], bool]) -> None:
        """The office's settings change only for an administrator (the services refuse it anyway)."""
        self._may = may
        self.users.setVisible(may(Act.MANAGE_USERS))
        self.reload()

    def _sync_status(self, _status: object) -> None:
        self._show_server()

    def _show_server(self) -> None:
        """What depends on being on a server: the enrollment, and who decides the office."""
        enrolled = is_enrolled(self._ws)
        url = self._ws.store.device().server_url
        # The server no longer knows this laptop (restored from a backup): enroll it again.
        forgotten = self._sync.status().code == UNKNOWN_TOKEN
        if self._sync.status().code == DEVICE_MOVED:  # its data lives on a new laptop now
            self.server_state.setText(self._sync.status().message)
        elif forgotten:
            self.server_state.setText(
                self.tr(
                    "The server {url} no longer knows this laptop. Enroll it again with a new code "
                    "from the administrator; nothing on this laptop is lost."
                ).format(url=url)
            )
            if not self.server_url.text():
                self.server_url.setText(url)
        else:
            state = self.tr("Not enrolled: local only.")
            if enrolled:
                state = self.tr("Enrolled with {url}.").format(url=url)
            ca_file = ca_path(self._ws.data_dir)  # the copy it trusts, not the file once chosen
            if enrolled and ca_file is not None:  # the office's CA file it was enrolled with
                checked = self.tr("Its certificate is checked with the office's CA file {path}.")
                state += " " + checked.format(path=ca_file)
            self.server_state.setText(state)
        self.enroll_form.show_inputs(not enrolled or forgotten)
        self.import_outbox_button.setVisible(enrolled)
        # the server decides the unit once enrolled; an administrator, before
        self.unit_choice.setEnabled(not enrolled and self._may(Act.OFFICE_SETTINGS))
        self._office_form.setRowVisible(self._add_row, not enrolled)  # and makes the offices
        self.parent_office.setEnabled(
            self._ws.ctx.home_unit_id is not None and not enrolled and self._may(Act.OFFICE_SETTINGS)
        )
        self.parent_office.setToolTip(
            self.tr("Set on the server by its administrator.")
            if enrolled
            else self.tr("Policy recommendations are escalated to this office.")
        )

    def _show_parent(self, unit: Unit | None, units: list[Unit]) -> None:
        """The offices this one may be placed under (not itself, nor one below it)."""
        self.parent_office.blockSignals(True)
        self.parent_office.clear()
        below = {u.id for u in units if unit is not None and unit.id in self._chain_ids(u.id)}
        for each in units:
            if each.id not in below:
                self.parent_office.addItem(each.name, each.id)
        parent = next((u for u in units if unit is not None and u.id == unit.parent_id), None)
        self.parent_office.setCurrentIndex(self.parent_office.findData(parent.id) if parent else -1)
        self.parent_office.setEditText(parent.name if parent else "")
        self.parent_office.blockSignals(False)

    def _chain_ids(self, unit_id: str) -> set[str]:
        return {u.id for u in self._ws.read(chain_upward, unit_id)}

    # -- the office ----------------------------------------------------------------------------
    def _choose_unit(self) -> None:
        unit_id = self.unit_choice.currentData()
        if unit_id:
            self._ws.write(set_home_unit, unit_id)
            self.reload()
            self.office_changed.emit()

    def _save_unit_field(self, name: str, edit: QLineEdit) -> None:
        if edit.isModified() and self._save_unit_values(**{name: edit.text().strip()}):
            edit.setModified(False)

    def _save_unit_values(self, **changes: object) -> bool:
        """Save office-level settings of the home unit; a refusal is shown, nothing changes."""
        unit_id = self._ws.ctx.home_unit_id
        if unit_id is None:
            return False
        try:
            self._ws.write(update_unit, unit_id, **changes)
        except MufakatError as exc:
            self._tell(self.office_message, error=True, text=exc.message)
            return False
        self._tell(self.office_message, error=False, text=self.tr("Saved."))
        if {"name", "logo", "time_zone", "unsur_mapping"} & changes.keys():
            self.reload()
        self.office_changed.emit()
        return True

    def _save_letterhead(self, text: str) -> bool:
        return self._save_unit_values(letterhead=text)

    def _save_parent(self) -> None:
        unit_id = self._ws.ctx.home_unit_id
        if unit_id is None or not self.parent_office.isEnabled():
            return
        unit = self._ws.read(home_unit, unit_id)
        current = self._ws.read(home_unit, unit.parent_id) if unit and unit.parent_id else None
        wanted = " ".join(self.parent_office.currentText().split())
        if wanted == (current.name if current else ""):
            return
        try:
            self._ws.write(set_parent_office, unit_id, wanted)
        except MufakatError as exc:
            self._tell(self.office_message, error=True, text=exc.message)
            return
        said = (
            self.tr("Parent office: {name}.").format(name=wanted)
            if wanted
            else self.tr("No parent office: this office cannot escalate.")
        )
        self._tell(self.office_message, error=False, text=said)
        self.reload()
        self.office_changed.emit()

    def _tell_office(self, error: bool, text: str) -> None:
        self._tell(self.office_message, error=error, text=text)

    def _closed_days_changed(self) -> None:
        self.reload()
        self.office_changed.emit()

    def office_message_error(self, text: str) -> None:
        self._tell(self.office_message, error=True, text=text)

    def _tell(self, line: InlineMessage, *, error: bool, text: str) -> None:
        """One message at a time above the form: what was just saved or refused."""
        for other in (self.office_message, self.device_message):
            if other is not line:
                other.clear_message()
        if error:
            line.error(text)
        else:
            line.info(text)

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
            self._tell(self.office_message, error=True, text=exc.message)
            return
        self.new_code.clear()
        self.new_name.clear()
        self._tell(self.office_message, error=False, text=self.tr("Office added."))
        self.reload()
        self.office_changed.emit()

    # -- this device ---------------------------------------------------------------------------
    def _save_setting(self, **changes: object) -> bool:
        try:
            self._ws.change_settings(**changes)
        except MufakatError as exc:
            self._tell(self.device_message, error=True, text=exc.message)
            return False
        self._tell(self.device_message, error=False, text=self.tr("Saved."))
        return True

    def _save_lock_minutes(self) -> None:
        minutes = self.lock_minutes.value()
        if minutes != self._ws.settings.lock_minutes and self._save_setting(lock_minutes=minutes):
            self.lock_minutes_changed.emit(minutes)

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
        self.enroll_form.enroll()

    def _enrolled(self, _unit_code: str) -> None:
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
