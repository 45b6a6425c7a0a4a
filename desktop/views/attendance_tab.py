"""The attendance list (daftar hadir): fast sign-in at the door, the invitation list imported
from a spreadsheet, and the counts per element of the public, gender and vulnerable groups
(organisers apart), with a warning while fewer than five elements of the public are present;
PEKPPP's five-unsur scale with the office's mapping onto it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import MufakatError, RowErrors
from desktop.models import Participant
from desktop.services.attendance import ELEMENTS_FOR_FULL_SCORE, Attendance, attendance_of
from desktop.services.participant_import import parse_participants
from desktop.services.participants import add_participant, import_participants, sign_in, undo_sign_in
from desktop.views.common import InlineMessage, enum_combo, select_value
from desktop.vocab import Category, Gender, PekpppUnsur, Role, label
from desktop.workspace import Workspace
from domain.unsur import NOT_PUBLIC, PUBLIC_CATEGORIES


def _fold(name: str) -> str:
    return " ".join(name.lower().split())


class AttendanceTab(QWidget):
    def __init__(self, ws: Workspace, forum_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._forum_id = forum_id
        self._people: list[Participant] = []
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Type a name, then Enter to sign in"))
        self.name.returnPressed.connect(self.sign_in_typed)
        self.completer = QCompleter([], self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.completer.activated.connect(self._fill_from_invitation)
        self.name.setCompleter(self.completer)
        self.organization = QLineEdit()
        self.organization.setPlaceholderText(self.tr("Organisation"))
        self.organization.returnPressed.connect(self.sign_in_typed)
        self.category = enum_combo(Category)
        self.gender = enum_combo(Gender, blank="—")
        self.role = enum_combo(Role)  # the office's own staff sign in as organisers
        self.vulnerable = QCheckBox(self.tr("Vulnerable group"))
        self.sign_in_button = QPushButton(self.tr("Sign &in"))
        self.sign_in_button.clicked.connect(self.sign_in_typed)
        self.undo_button = QPushButton(self.tr("&Undo sign-in"))
        self.undo_button.clicked.connect(self.undo_selected)
        self.import_button = QPushButton(self.tr("&Import invitation list…"))
        self.import_button.clicked.connect(self.choose_import)
        self.table = QTableWidget(0, 6)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Name"),
                self.tr("Organisation"),
                self.tr("Element of the public"),
                self.tr("Gender"),
                self.tr("Vulnerable"),
                self.tr("Signed in"),
            ]
        )
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setResizeContentsPrecision(100)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.pekppp = QLabel()  # PEKPPP's five unsur, through the office's mapping
        self.pekppp.setWordWrap(True)
        self.mapping = QLabel()
        self.mapping.setWordWrap(True)
        self.mapping.setStyleSheet("color: #555;")
        self.warning = QLabel()
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("background: #fff3cd; color: #664d03; padding: 6px; border-radius: 4px;")
        self.message = InlineMessage()

        entry = QHBoxLayout()
        entry.addWidget(self.name, 3)
        entry.addWidget(self.organization, 2)
        entry.addWidget(self.category, 2)
        entry.addWidget(self.gender)
        entry.addWidget(self.role)
        entry.addWidget(self.vulnerable)
        entry.addWidget(self.sign_in_button)
        actions = QHBoxLayout()
        actions.addWidget(self.undo_button)
        actions.addWidget(self.import_button)
        actions.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addWidget(self.message)
        layout.addWidget(self.warning)
        layout.addWidget(self.counts)
        layout.addWidget(self.pekppp)
        layout.addWidget(self.mapping)
        layout.addLayout(actions)
        layout.addWidget(self.table, 1)
        self.reload()

    # -- reading -----------------------------------------------------------------------------
    def reload(self) -> None:
        attendance = self._ws.read(attendance_of, self._forum_id)
        self._people = attendance.people
        self.completer.model().setStringList([p.name for p in self._people])  # type: ignore[attr-defined]
        self.table.setRowCount(len(self._people))
        for row, person in enumerate(self._people):
            signed = (
                person.signed_in_at.astimezone(self._ws.ctx.zone).strftime("%H:%M")
                if person.signed_in_at
                else ""
            )
            element = label(person.category)
            if person.role == Role.ORGANIZER:
                element = self.tr("{role} ({element})").format(role=label(Role.ORGANIZER), element=element)
            cells = (
                person.name,
                person.organization,
                element,
                label(person.gender) if person.gender else "",
                "✓" if person.vulnerable else "",
                ("✓ " + signed) if person.attended else "",
            )
            for column, text in enumerate(cells):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self._show_counts(attendance)

    def _show_counts(self, a: Attendance) -> None:
        count = a.count
        women = a.by_gender.get(Gender.FEMALE, 0)
        men = a.by_gender.get(Gender.MALE, 0)
        public = ", ".join(
            f"{label(c)} {count.by_category[c]}" for c in PUBLIC_CATEGORIES if count.by_category.get(c)
        )
        others = ", ".join(
            f"{label(c)} {n}" for c, n in sorted(count.by_category.items()) if c in NOT_PUBLIC and n
        )
        lines = [
            self.tr(
                "Present: {present} of {listed}: {participants} participant(s) and {organisers} organiser(s) "
                "· participants: women {women}, men {men}, vulnerable {vulnerable}"
            ).format(
                present=a.present,
                listed=len(a.people),
                participants=count.participants,
                organisers=count.organisers,
                women=women,
                men=men,
                vulnerable=count.vulnerable,
            )
        ]
        if public:
            lines.append(public)
        if others:
            lines.append(self.tr("Not elements of the public: {others}").format(others=others))
        lines.append(
            self.tr("<b>Elements of the public present: {n}</b> (PEKPPP score {score} of {full})").format(
                n=len(count.elements), score=count.score, full=ELEMENTS_FOR_FULL_SCORE
            )
        )
        self.counts.setText("<br>".join(lines))
        present = [label(u) for u in PekpppUnsur if u in count.pekppp]
        missing = [label(u) for u in PekpppUnsur if u not in count.pekppp]
        self.pekppp.setText(
            self.tr(
                "On PEKPPP's five-unsur scale (indicator 2): <b>{n} of 5</b> — {present}{missing}"
            ).format(
                n=len(count.pekppp),
                present=", ".join(present) or self.tr("none"),
                missing=self.tr("; missing: {names}").format(names=", ".join(missing)) if missing else "",
            )
        )
        self.mapping.setText(
            self.tr("The office's mapping (Settings → Office): {mapping}").format(
                mapping="; ".join(
                    f"{label(c)} → {label(u) if (u := count.mapping.get(c)) else self.tr('not counted')}"
                    for c in PUBLIC_CATEGORIES
                )
            )
        )
        self.warning.setVisible(a.too_few_elements)
        self.warning.setText(
            self.tr(
                "Only {n} element(s) of the public present; the PEKPPP evaluation gives full marks from "
                "{full} elements. Invite more: service users, academics, NGOs, media, vulnerable groups."
            ).format(n=len(a.elements), full=ELEMENTS_FOR_FULL_SCORE)
        )

    def _match(self, name: str) -> Participant | None:
        wanted = _fold(name)
        return next((p for p in self._people if _fold(p.name) == wanted), None)

    def _fill_from_invitation(self, name: str) -> None:
        person = self._match(name)
        if person is None:
            return
        self.organization.setText(person.organization)
        select_value(self.category, person.category)
        select_value(self.gender, person.gender)
        select_value(self.role, person.role)
        self.vulnerable.setChecked(person.vulnerable)

    # -- writing -----------------------------------------------------------------------------
    def sign_in_typed(self) -> None:
        name = self.name.text().strip()
        if not name:
            self.message.error(self.tr("Type the person's name first."))
            return
        person = self._match(name)
        try:
            if person is not None and person.attended:
                self.message.info(self.tr("{name} is already signed in.").format(name=person.name))
            elif person is not None:
                self._ws.write(sign_in, person.id)
                self.message.info(self.tr("{name} signed in.").format(name=person.name))
            else:
                self._ws.write(
                    add_participant,
                    self._forum_id,
                    name=name,
                    organization=self.organization.text(),
                    category=self.category.currentData(),
                    gender=self.gender.currentData(),
                    vulnerable=self.vulnerable.isChecked(),
                    role=self.role.currentData(),
                    attended=True,
                )
                self.message.info(self.tr("{name} added and signed in.").format(name=name))
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.name.clear()
        self.organization.clear()
        self.vulnerable.setChecked(False)
        self.gender.setCurrentIndex(0)
        self.role.setCurrentIndex(0)
        self.reload()
        self.name.setFocus()

    def undo_selected(self) -> None:
        rows = {index.row() for index in self.table.selectionModel().selectedRows()}
        for row in sorted(rows):
            self._ws.write(undo_sign_in, self._people[row].id)
        if rows:
            self.reload()

    def choose_import(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import invitation list"),
            str(Path.home()),
            self.tr("Spreadsheets (*.xlsx *.csv)"),
        )
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> bool:
        try:
            rows = parse_participants(path)
            result = self._ws.write(import_participants, self._forum_id, rows)
        except RowErrors as exc:
            lines = "\n".join(
                self.tr("line {line}: {problem}").format(line=n, problem=p) for n, p in exc.problems[:20]
            )
            QMessageBox.warning(self, self.tr("Import invitation list"), exc.message + "\n\n" + lines)
            return False
        except MufakatError as exc:
            QMessageBox.warning(self, self.tr("Import invitation list"), exc.message)
            return False
        self.message.info(
            self.tr("{added} imported, {skipped} already on the list.").format(
                added=result.added, skipped=result.already_listed
            )
        )
        self.reload()
        return True
