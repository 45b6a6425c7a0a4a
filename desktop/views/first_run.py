"""First run: a laptop with no office of its own, not on a server. In under a minute the user
names the office (short and full official name, the parent office escalations go to, the
letterhead lines, the logo, the time zone) and themself as its first administrator (name, NIP,
jabatan, a password typed twice), is signed in, and the app is ready. Or they try it with the
sample forum, or enroll the laptop with the office's server, which brings the office and its
users."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.orm import Session

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.core.vocab import OfficeZone, label
from desktop.services import acting, users
from desktop.services.context import Context
from desktop.services.demo import load_demo
from desktop.services.office import set_up_office
from desktop.services.passwords import check_new_password
from desktop.services.units import RULES as office_rules
from desktop.services.users import UserView
from desktop.sync.controller import SyncController
from desktop.views.common import InlineMessage, placeholder_in_full, select_value
from desktop.views.enroll_form import EnrollForm
from desktop.views.logo_field import LogoField
from desktop.views.look import icon, primary
from protocol.roles import StaffRole
from protocol.users import is_nip, normal_nip


class FirstRunPage(QWidget):
    done = Signal()  # the laptop has its office: the app is ready
    language_changed = Signal(str)
    take_in_requested = Signal(object)  # Path of a move file from an old laptop, confirmed

    def __init__(self, ws: Workspace, sync: SyncController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._logo = ""
        self.language = QComboBox()
        self.language.addItem("Bahasa Indonesia", "id")
        self.language.addItem("English", "en")
        select_value(self.language, ws.settings.language)
        self.language.activated.connect(self._choose_language)

        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("e.g. KPPN Sorong"))
        self.full_name = QLineEdit()
        self.full_name.setPlaceholderText(self.tr("e.g. Kantor Pelayanan Perbendaharaan Negara Sorong"))
        placeholder_in_full(self.full_name)
        self.city = QLineEdit()  # where its documents are signed: "Sorong, 21 Agustus 2024"
        self.city.setPlaceholderText(self.tr("e.g. Sorong"))
        self.parent_office = QLineEdit()
        self.parent_office.setPlaceholderText(self.tr("e.g. Kanwil DJPb Provinsi Papua Barat Daya"))
        self.letterhead = QPlainTextEdit()
        self.letterhead.setTabChangesFocus(True)
        self.letterhead.setPlaceholderText(
            self.tr("One line each, e.g.\nKEMENTERIAN KEUANGAN REPUBLIK INDONESIA\nDIREKTORAT JENDERAL PERBENDAHARAAN")
        )
        self.letterhead.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)
        self.logo = LogoField()
        self.logo.chosen.connect(self._logo_chosen)
        self.time_zone = QComboBox()
        for zone in OfficeZone:
            self.time_zone.addItem(label(zone), zone.value)
        guessed = OfficeZone.of_offset(datetime.now().astimezone().utcoffset()) or OfficeZone.WIB
        select_value(self.time_zone, guessed.value)
        # The first administrator (they add the others in Settings → Users).
        self.operator = QLineEdit(ws.settings.operator)
        self.operator.setPlaceholderText(self.tr("e.g. Rina Wulandari"))
        self.nip = QLineEdit()
        self.nip.setPlaceholderText(self.tr("18 digits, e.g. 198705122010122001"))
        self.jabatan = QLineEdit()
        self.jabatan.setPlaceholderText(self.tr("e.g. Kepala Subbagian Umum"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.password.setPlaceholderText(self.tr("at least 8 characters"))
        self.password_again = QLineEdit()
        self.password_again.setEchoMode(QLineEdit.EchoMode.Password)
        self.start_button = primary(QPushButton(self.tr("&Start using Mufakat")), "accept")
        self.start_button.setDefault(True)
        self.start_button.clicked.connect(self.start)
        for line in (
            self.name,
            self.full_name,
            self.city,
            self.parent_office,
            self.operator,
            self.nip,
            self.jabatan,
            self.password,
            self.password_again,
        ):
            line.returnPressed.connect(self.start)
        self.message = InlineMessage()
        self.logo.refused.connect(self.message.error)

        office = QGroupBox(self.tr("Your office"))
        form = QFormLayout(office)
        form.addRow(self.tr("Short name (in sentences)") + " *", self.name)
        form.addRow(self.tr("Full official name (in the letterhead)"), self.full_name)
        form.addRow(self.tr("City or regency (where its documents are signed)"), self.city)
        form.addRow(self.tr("Parent office (escalations go there)"), self.parent_office)
        form.addRow(self.tr("Letterhead lines above the name"), self.letterhead)
        form.addRow(self.tr("Logo (in the letterhead)"), self.logo)
        form.addRow(self.tr("Time zone"), self.time_zone)
        admin = QGroupBox(self.tr("You, the office's first administrator"))
        admin_form = QFormLayout(admin)
        admin_hint = QLabel(
            self.tr(
                "You add the others (the head of office, who triages and signs) in Settings → Users."
            )
        )
        admin_hint.setWordWrap(True)
        admin_form.addRow(admin_hint)
        admin_form.addRow(self.tr("Your name") + " *", self.operator)
        admin_form.addRow(self.tr("NIP") + " *", self.nip)
        admin_form.addRow(self.tr("Jabatan (position)"), self.jabatan)
        admin_form.addRow(self.tr("Password") + " *", self.password)
        admin_form.addRow(self.tr("Password again") + " *", self.password_again)
        start_row = QHBoxLayout()
        start_row.addWidget(self.message, 1)
        start_row.addWidget(self.start_button)

        self.demo_button = QPushButton(icon("sample"), self.tr("&Try with a sample forum"))
        self.demo_button.clicked.connect(self.try_demo)
        demo_text = QLabel(
            self.tr(
                "Loads a real forum (KPPN Sorong, 21 August 2024) to try every screen. "
                "Your own office can be set up later in Settings."
            )
        )
        demo_text.setWordWrap(True)
        demo = QGroupBox(self.tr("Just looking?"))
        demo_layout = QHBoxLayout(demo)
        demo_layout.addWidget(demo_text, 1)
        demo_layout.addWidget(self.demo_button)

        self.enroll_form = EnrollForm(ws, sync)
        self.enroll_form.enrolled.connect(lambda _code: self.done.emit())
        server = QGroupBox(self.tr("Is your office already on a Mufakat server?"))
        server_layout = QVBoxLayout(server)
        hint = QLabel(
            self.tr("Enroll this laptop with the code from the administrator: the office comes from the server.")
        )
        hint.setWordWrap(True)
        server_layout.addWidget(hint)
        server_layout.addWidget(self.enroll_form)

        # A new laptop replacing an old one takes in the old one's data ("Pindahkan ke laptop baru").
        self.take_in_button = QPushButton(self.tr("Take in data of an &old laptop…"))
        self.take_in_button.clicked.connect(self._take_in)
        moving = QGroupBox(self.tr("Replacing an old laptop?"))
        moving_layout = QHBoxLayout(moving)
        moving_text = QLabel(self.tr("Take in the file made on the old laptop with “Export for a new laptop”."))
        moving_text.setWordWrap(True)
        moving_layout.addWidget(moving_text, 1)
        moving_layout.addWidget(self.take_in_button)

        head = QHBoxLayout()
        head.addWidget(QLabel("<h1>" + self.tr("Welcome to Mufakat") + "</h1>"), 1)
        head.addWidget(QLabel(self.tr("Language")))
        head.addWidget(self.language)
        intro = QLabel(
            self.tr(
                "Set up this laptop's office: it takes a minute, and all of it can be changed later "
                "in Settings. Only the short name and you, its first administrator, are needed to start."
            )
        )
        intro.setWordWrap(True)
        # Two columns: one above the other, the four boxes are taller than a maximised window
        # on a 1366×768 laptop with a taskbar (the enroll button was half hidden).
        others = QVBoxLayout()
        others.addWidget(demo)
        others.addWidget(server)
        others.addWidget(moving)
        others.addStretch(1)
        mine = QVBoxLayout()
        mine.addWidget(office)
        mine.addWidget(admin)
        mine.addLayout(start_row)
        columns = QHBoxLayout()
        columns.addLayout(mine, 3)
        columns.addLayout(others, 2)
        body = QWidget()
        body.setMaximumWidth(1400)
        column = QVBoxLayout(body)
        column.addLayout(head)
        column.addWidget(intro)
        column.addLayout(columns)
        column.addStretch(1)
        holder = QWidget()
        centred = QHBoxLayout(holder)
        centred.addStretch(1)
        centred.addWidget(body, 8)
        centred.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.setFocusProxy(self.name)

    def _take_in(self) -> None:
        from desktop.views.move_group import ask_take_in

        chosen: Path | None = ask_take_in(self, self._ws)
        if chosen is not None:
            self.take_in_requested.emit(chosen)

    def _logo_chosen(self, logo: str) -> None:
        self._logo = logo
        self.logo.show_logo(logo)
        self.message.clear_message()

    def _choose_language(self) -> None:
        language = str(self.language.currentData())
        if language == self._ws.settings.language:
            return
        try:
            self._ws.change_settings(language=language)
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.language_changed.emit(language)

    def _admin_typed(self) -> bool:
        """The office's name and the first administrator's fields, checked before anything is
        written (in the order of the form)."""
        try:
            office_rules["name"](self.name.text())
        except MufakatError as exc:
            self.message.error(exc.message, self.name)
            self.name.setFocus()
            return False
        checks = (
            (
                self.operator,
                not self.operator.text().strip(),
                self.tr("Type your name: you are the office's first administrator."),
            ),
            (self.nip, not is_nip(normal_nip(self.nip.text())), self.tr("Type your NIP: 18 digits.")),
            (
                self.password_again,
                self.password.text() != self.password_again.text(),
                self.tr("The two passwords differ: type the same password twice."),
            ),
        )
        for field, wrong, said in checks:
            if wrong:
                if field is self.password_again:
                    field.clear()  # typed again whole
                self.message.error(said, field)
                field.setFocus()
                return False
        try:
            check_new_password(self.password.text())
        except MufakatError as exc:
            self.message.error(exc.message, self.password)
            self.password.setFocus()
            return False
        return True

    def start(self) -> None:
        """The office and its first administrator (one action: all of it or nothing), who is
        then signed in: the history names them from the first change on."""
        if not self._admin_typed():
            return
        office = {
            "name": self.name.text(),
            "full_name": self.full_name.text(),
            "city": self.city.text(),
            "parent": self.parent_office.text(),
            "letterhead": self.letterhead.toPlainText(),
            "logo": self._logo,
            "time_zone": self.time_zone.currentData(),
        }
        admin = {
            "nip": self.nip.text(),
            "name": self.operator.text(),
            "jabatan": self.jabatan.text(),
            # Whoever sets the office up runs its forums too; the head (kepala) is added in Settings.
            "roles": [StaffRole.ADMIN.value, StaffRole.OPERATOR.value],
            "password": self.password.text(),
        }
        ctx = self._ws.ctx
        before = (ctx.actor, ctx.home_unit_id)
        # The office's creation is recorded under the administrator's name (as signed in later).
        ctx.actor = f"{' '.join(self.operator.text().split())} (NIP {normal_nip(self.nip.text())})"[:120]
        try:
            made: UserView = self._ws.write(_office_and_admin, office, admin)
        except MufakatError as exc:
            ctx.actor, ctx.home_unit_id = before
            self.message.error(exc.message)
            return
        ctx.actor = before[0]
        with self._ws.store.read() as session:
            acting.sign_in(session, ctx, made.nip, self.password.text())
        self.password.clear()
        self.password_again.clear()
        self._finish()

    def try_demo(self) -> None:
        if not self.operator.text().strip():  # the history would name the computer's user ("root")
            self.message.error(self.tr("Type your name first: the history records who loaded the sample forum."))
            self.operator.setFocus()
            return
        if not self._keep_operator():
            return
        try:
            self._ws.write(load_demo)
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self._finish()

    def _keep_operator(self) -> bool:
        operator = self.operator.text().strip()
        if operator == self._ws.settings.operator:
            return True
        try:
            self._ws.change_settings(operator=operator)
        except MufakatError as exc:
            self.message.error(exc.message)
            return False
        return True

    def _finish(self) -> None:
        self._ws.settle_office()
        self.done.emit()


def _office_and_admin(session: Session, ctx: Context, office: dict[str, Any], admin: dict[str, Any]) -> UserView:
    """The first run's one action: the office, then its first user, an administrator."""
    set_up_office(session, ctx, **office)
    return users.create_user(session, ctx, **admin)
