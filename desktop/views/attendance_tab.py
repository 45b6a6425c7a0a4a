"""The attendance list (daftar hadir): fast sign-in at the door, the invitation list imported
from a spreadsheet, and the counts per element of the public, gender and vulnerable groups,
(organisers apart), with a warning while fewer than PEKPPP's five unsur are present;
PEKPPP's five-unsur scale with the office's mapping onto it.

At the door: a name and Enter. A name on the list signs that person in (a part of a name that
only one person on the list has is enough; several ask which). Anyone else is added as a walk-in
with the details typed beside the name, which start empty for every person. People can be
edited and removed; every step can be undone (Ctrl+Z on an empty line)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QCompleter,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError, RowErrors
from desktop.core.i18n import number, time_on
from desktop.core.vocab import Category, Gender, PekpppUnsur, Role, label
from desktop.models import Participant
from desktop.services.attendance import UNSUR_FOR_FULL_SCORE, Attendance, attendance_of
from desktop.services.participant_import import parse_participants
from desktop.services.participants import (
    add_participant,
    import_participants,
    remove_participant,
    sign_in,
    undo_sign_in,
)
from desktop.store.drafts import Draft, Drafts
from desktop.views.attendance_commands import AddWalkIn, CancelSignIn, EditPerson, RemovePerson, SignIn
from desktop.views.common import EnumCombo, InlineMessage, placeholder_in_full
from desktop.views.empty_state import EmptyState, ListOrEmpty
from desktop.views.look import icon, primary
from desktop.views.participant_dialog import ParticipantDialog
from desktop.views.undo import Refs, UndoKeys
from domain.unsur import NOT_PUBLIC, PUBLIC_CATEGORIES

DRAFT_MS = 300  # at most this long after a key, the typing is in the draft file (then written)


def _fold(name: str) -> str:
    return " ".join(name.lower().split())


class AttendanceTab(QWidget):
    def __init__(
        self, ws: Workspace, forum_id: str, drafts: Drafts | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._forum_id = forum_id
        self._drafts = drafts
        self._people: list[Participant] = []
        self.read_only = False  # a closed forum: the list is shown as signed, and cannot change
        self.undo_stack = QUndoStack(self)
        self.undo_stack.indexChanged.connect(lambda _i: self.reload())
        self._refs = Refs()
        # -- signing in: a name (the invitation list completes it); the rest only for walk-ins
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Type a name, then Enter to sign in"))
        placeholder_in_full(self.name)
        self.name.returnPressed.connect(self.sign_in_typed)
        self.name.textChanged.connect(self._show_who)
        self.name.textChanged.connect(self._typed)
        self.completer = QCompleter([], self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.name.setCompleter(self.completer)
        # Enter on a suggestion signs that person in, before the completer handles the key (it
        # used to put the typed prefix back into the emptied line: the next name was appended).
        suggestions = self.completer.popup()
        assert suggestions is not None
        self.suggestions = suggestions
        suggestions.installEventFilter(self)
        self.organization = QLineEdit()
        self.organization.setPlaceholderText(self.tr("Organisation"))
        self.organization.returnPressed.connect(self.sign_in_typed)
        self.organization.textChanged.connect(self._typed)
        self._draft_timer = QTimer(self)  # typing reaches the draft file within a moment
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        self.category = EnumCombo(Category)
        self.gender = EnumCombo(Gender, blank="—")
        self.role = EnumCombo(Role)  # the office's own staff sign in as organisers
        self.vulnerable = QCheckBox(self.tr("Vulnerable group"))
        self.sign_in_button = primary(QPushButton(self.tr("Sign &in")), "sign-in")
        self.sign_in_button.clicked.connect(self.sign_in_typed)
        self.who = QLabel()  # whom Enter will sign in
        self.who.setStyleSheet("color: #555;")
        # -- the list
        self.undo_button = QPushButton(icon("cancel-sign-in"), self.tr("&Undo sign-in"))
        self.undo_button.clicked.connect(self.undo_selected)
        self.edit_button = QPushButton(icon("edit"), self.tr("&Edit…"))
        self.edit_button.clicked.connect(self.edit_selected)
        self.remove_button = QPushButton(icon("delete"), self.tr("Remo&ve from the list"))
        self.remove_button.clicked.connect(self.remove_selected)
        self.import_button = QPushButton(icon("import"), self.tr("I&mport invitation list…"))
        self.import_button.clicked.connect(self.choose_import)
        self.undo_step_button = QPushButton(icon("undo"), self.tr("Undo"))
        self.redo_step_button = QPushButton(icon("redo"), self.tr("Redo"))
        self.undo_stack.canUndoChanged.connect(lambda can: self.undo_step_button.setEnabled(can and not self.read_only))
        self.undo_stack.canRedoChanged.connect(lambda can: self.redo_step_button.setEnabled(can and not self.read_only))
        self.undo_step_button.setEnabled(False)
        self.redo_step_button.setEnabled(False)
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
        self.table.doubleClicked.connect(lambda _i: self.edit_selected())
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
        self.keys = UndoKeys(
            self,
            self.undo_stack,
            (self.name, self.organization),
            enabled=lambda: not self.read_only,
            say=self.message.info,
        )
        self.undo_step_button.clicked.connect(self.keys.undo)
        self.redo_step_button.clicked.connect(self.keys.redo)

        entry = QHBoxLayout()
        entry.addWidget(self.name, 3)
        entry.addWidget(self.organization, 2)
        entry.addWidget(self.category, 2)
        entry.addWidget(self.gender)
        entry.addWidget(self.role)
        entry.addWidget(self.vulnerable)
        entry.addWidget(self.sign_in_button)
        actions = QHBoxLayout()
        for button in (self.undo_button, self.edit_button, self.remove_button, self.import_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.undo_step_button)
        actions.addWidget(self.redo_step_button)
        layout = QVBoxLayout(self)
        layout.addLayout(entry)
        layout.addWidget(self.who)
        layout.addWidget(self.message)
        layout.addWidget(self.warning)
        layout.addWidget(self.counts)
        layout.addWidget(self.pekppp)
        layout.addWidget(self.mapping)
        layout.addLayout(actions)
        self.empty = EmptyState("no-people")
        self.empty.say(
            self.tr("No one on the list yet"),
            self.tr("Type a name above and press Enter as people arrive, or import the invitation list (Excel, CSV)."),
        )
        self.list = ListOrEmpty(self.table, self.empty)
        layout.addWidget(self.list, 1)
        self.reload()

    # -- reading -----------------------------------------------------------------------------
    def reload(self) -> None:
        attendance = self._ws.read(attendance_of, self._forum_id)
        self._people = attendance.people
        self.completer.model().setStringList([p.name for p in self._people])  # type: ignore[attr-defined]
        self.table.setRowCount(len(self._people))
        self.list.show_empty(not self._people)
        for row, person in enumerate(self._people):
            signed = (
                time_on(person.signed_in_at, attendance.held_on, self._ws.ctx.zone)
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
        self._show_who(self.name.text())

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
                present=number(a.present),
                listed=number(len(a.people)),
                participants=number(count.participants),
                organisers=number(count.organisers),
                women=number(women),
                men=number(men),
                vulnerable=number(count.vulnerable),
            )
        ]
        if public:
            lines.append(public)
        if others:
            lines.append(self.tr("Not elements of the public: {others}").format(others=others))
        lines.append(
            self.tr("Diversity of the participants: {n} categor(y/ies) of the public").format(
                n=len(count.categories)
            )
        )
        self.counts.setText("<br>".join(lines))
        present = [label(u) for u in PekpppUnsur if u in count.pekppp]
        missing = [label(u) for u in count.missing]
        self.pekppp.setText(
            self.tr(
                "<b>PEKPPP score, number of unsur (indicator 2): {n} of {full}</b> — {present}{missing}"
            ).format(
                n=count.score,
                full=UNSUR_FOR_FULL_SCORE,
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
        self.warning.setVisible(a.too_few_unsur)
        self.warning.setText(
            self.tr(
                "Only {n} of PEKPPP's {full} unsur present; the evaluation gives full marks when all "
                "{full} take part. Invite the missing: {names}."
            ).format(n=count.score, full=UNSUR_FOR_FULL_SCORE, names=", ".join(label(u) for u in count.missing))
        )

    def _match(self, name: str) -> Participant | None:
        wanted = _fold(name)
        return next((p for p in self._people if _fold(p.name) == wanted), None)

    def _candidates(self, typed: str) -> list[Participant]:
        """Everyone whose name holds what was typed (as the suggestions under the line do)."""
        wanted = _fold(typed)
        return [p for p in self._people if wanted and wanted in _fold(p.name)]

    def _show_who(self, typed: str) -> None:
        """Under the line: whom Enter signs in; the walk-in fields only count for someone new."""
        person = self._match(typed) if typed.strip() else None
        for widget in (self.organization, self.category, self.gender, self.role, self.vulnerable):
            widget.setEnabled(person is None and not self.read_only)
        self.who.setVisible(person is not None)
        if person is None:
            return
        details = ", ".join(part for part in (person.organization, label(person.category)) if part)
        self.who.setText(
            (self.tr("{name} ({details}) is already signed in.") if person.attended else
             self.tr("On the list: {name} ({details}). Enter signs them in."))
            .format(name=person.name, details=details)
        )

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.suggestions
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ):
            chosen = self.suggestions.currentIndex()
            self.suggestions.hide()
            if chosen.isValid():
                self.name.setText(str(chosen.data()))
            self.sign_in_typed()
            return True
        return super().eventFilter(watched, event)

    def _walk_in_typed(self) -> bool:
        """Whether details of someone new were typed (then a partial name is not guessed)."""
        return bool(
            self.organization.text().strip()
            or self.gender.value() is not None
            or self.vulnerable.isChecked()
            or self.category.currentIndex() != 0
            or self.role.currentIndex() != 0
        )

    def _which(self, typed: str, candidates: list[Participant]) -> Participant | bool | None:
        """Asks who was meant: a person of the list, or someone new (True); None: cancelled."""
        new = self.tr("Someone new: “{name}”").format(name=typed)
        choices = [f"{p.name} — {p.organization}" if p.organization else p.name for p in candidates]
        chosen, ok = QInputDialog.getItem(
            self,
            self.tr("Sign in"),
            self.tr("More than one name on the list has “{typed}”. Who is it?").format(typed=typed),
            [*choices, new],
            0,
            False,
        )
        if not ok:
            return None
        return True if chosen == new else candidates[choices.index(chosen)]

    # -- writing -----------------------------------------------------------------------------
    def _report(self, text: str) -> None:
        self.message.error(text)

    def _push(self, step: QUndoCommand) -> None:
        self.undo_stack.push(step)  # the stack's indexChanged reads the list again

    def sign_in_typed(self) -> None:
        if self.read_only:
            return
        typed = " ".join(self.name.text().split())
        if not typed:
            self.message.error(self.tr("Type the person's name first."))
            return
        person: Participant | bool | None = self._match(typed)
        if person is None:
            candidates = self._candidates(typed)
            if len(candidates) == 1 and not self._walk_in_typed():
                person = candidates[0]  # "mart" + Enter: the one name on the list that has it
            elif candidates:
                person = self._which(typed, candidates)
                if person is None:
                    return  # cancelled: everything typed stays
        try:
            if isinstance(person, Participant) and person.attended:
                self.message.info(self.tr("{name} is already signed in.").format(name=person.name))
            elif isinstance(person, Participant):
                self._ws.write(sign_in, person.id)
                self._push(SignIn(self._ws, self._report, self.tr("sign in"), self._refs.of(person.id)))
                self.message.info(self.tr("{name} signed in.").format(name=person.name))
            else:
                person_id = self._ws.write(
                    add_participant,
                    self._forum_id,
                    name=typed,
                    organization=self.organization.text(),
                    category=self.category.value(),
                    gender=self.gender.value(),
                    vulnerable=self.vulnerable.isChecked(),
                    role=self.role.value(),
                    attended=True,
                )
                self._push(AddWalkIn(self._ws, self._report, self.tr("add walk-in"), self._refs.of(person_id)))
                self.message.info(self.tr("{name} added and signed in.").format(name=typed))
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self._clear_entry()
        self.reload()
        self.name.setFocus()

    def _clear_entry(self) -> None:
        """Everything back to empty: the next person inherits nothing from this one."""
        self.name.setText("")  # setText, not clear(): the line's own undo must not bring it back
        self.organization.setText("")
        self.category.setCurrentIndex(0)
        self.gender.setCurrentIndex(0)
        self.role.setCurrentIndex(0)
        self.vulnerable.setChecked(False)
        self.keep_draft()

    # -- the draft of what is typed (kept through a crash) ------------------------------------
    def _typed(self) -> None:
        if self._drafts is not None and not self._draft_timer.isActive():
            self._draft_timer.start()

    def keep_draft(self) -> None:
        if self._drafts is not None:
            self._draft_timer.stop()
            self._drafts.keep(
                self._forum_id, "attendance", {"name": self.name.text(), "organization": self.organization.text()}
            )

    def restore(self, draft: Draft) -> None:
        self.name.setText(draft.fields.get("name", ""))
        self.organization.setText(draft.fields.get("organization", ""))
        self.message.info(self.tr("Restored what was typed before Mufakat closed; Enter signs them in."))

    def set_read_only(self, read_only: bool) -> None:
        """A closed forum: its attendance list is shown as signed, and cannot change."""
        self.read_only = read_only
        for widget in (
            self.name,
            self.sign_in_button,
            self.undo_button,
            self.edit_button,
            self.remove_button,
            self.import_button,
        ):
            widget.setEnabled(not read_only)
        self.undo_step_button.setEnabled(not read_only and self.undo_stack.canUndo())
        self.redo_step_button.setEnabled(not read_only and self.undo_stack.canRedo())
        self._show_who(self.name.text())

    def _selected_people(self) -> list[Participant]:
        rows = sorted({index.row() for index in self.table.selectionModel().selectedRows()})
        return [self._people[row] for row in rows if row < len(self._people)]

    def undo_selected(self) -> None:
        for person in self._selected_people():
            if not person.attended:
                continue
            try:
                self._ws.write(undo_sign_in, person.id)
            except MufakatError as exc:
                self.message.error(exc.message)
                return
            self._push(CancelSignIn(self._ws, self._report, self.tr("undo sign-in"), self._refs.of(person.id)))

    def edit_selected(self) -> None:
        chosen = self._selected_people()
        if self.read_only or not chosen:
            return
        dialog = ParticipantDialog(self._ws, chosen[0], self)
        if dialog.exec() and dialog.after:
            self._push(
                EditPerson(
                    self._ws,
                    self._report,
                    self.tr("edit participant"),
                    self._refs.of(chosen[0].id),
                    dialog.before,
                    dialog.after,
                )
            )
            self.message.info(self.tr("{name} updated.").format(name=dialog.after.get("name", chosen[0].name)))

    def remove_selected(self) -> None:
        """Off the list (undo brings them back); someone who raised a recommendation stays."""
        for person in self._selected_people():
            try:
                self._ws.write(remove_participant, person.id)
            except MufakatError as exc:
                self.message.error(exc.message)
                return
            self._push(RemovePerson(self._ws, self._report, self.tr("remove participant"), self._refs.of(person.id)))
            self.message.info(
                self.tr("{name} was removed from the list (Ctrl+Z brings them back).").format(name=person.name)
            )

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
                added=number(result.added), skipped=number(result.already_listed)
            )
        )
        self.reload()
        return True
