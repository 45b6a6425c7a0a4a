"""A forum's details: every field of the forum, saved as each one is left; the signatories of
its minutes (a row filled from one of the office's users, with name, NIP and jabatan, and still
editable); start and close with a confirmation."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHBoxLayout,
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
from desktop.core.errors import InputError, MufakatError
from desktop.core.vocab import ForumMode, ForumStatus, label
from desktop.models import Forum
from desktop.services import forums
from desktop.services.forums import reopen_forum, start_forum, update_forum
from desktop.services.lookup import load
from desktop.services.publishing import set_published
from desktop.services.signatory_roles import role_words
from desktop.services.users import list_users
from desktop.views.close_dialog import CloseForumDialog
from desktop.views.columns import size_columns
from desktop.views.common import AutosaveText, EnumCombo, InlineMessage, TimeField, date_edit, set_read_only
from desktop.views.look import icon, primary

SIGNATORY_KEYS = ("role", "name", "nip", "title")
NIP_COLUMN = SIGNATORY_KEYS.index("nip")
TIMES = {"starts_at": "09:00", "ends_at": "12:00"}  # the time fields, with the example in their hint
EDITABLE_CELLS = (
    QTableWidget.EditTrigger.DoubleClicked
    | QTableWidget.EditTrigger.EditKeyPressed
    | QTableWidget.EditTrigger.AnyKeyPressed
)
LINE_FIELDS = (
    "title",
    "venue",
    "starts_at",
    "ends_at",
    "facilitator",
    "moderator",
    "note_taker",
    "document_number",
)


class DetailsTab(QWidget):
    changed = Signal()  # the forum's title, date or status changed

    def __init__(self, ws: Workspace, forum_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._forum_id = forum_id
        self.message = InlineMessage()
        self.lines = {
            name: TimeField(forums.RULES[name], placeholder) if name in TIMES else QLineEdit()
            for name, placeholder in ((name, TIMES.get(name, "")) for name in LINE_FIELDS)
        }
        for name, edit in self.lines.items():
            if isinstance(edit, TimeField):
                edit.problem.connect(self._time_problem)
            edit.editingFinished.connect(lambda name=name, edit=edit: self._save_line(name, edit))
        self.held_on = date_edit()
        self.held_on.editingFinished.connect(lambda: self.save("held_on", self.held_on.date().toPython()))
        self.mode = EnumCombo(ForumMode)
        self.mode.activated.connect(lambda _i: self.save("mode", self.mode.value()))
        self.theme = AutosaveText(lambda text: self.save("theme", text))
        self.theme.setMaximumHeight(70)
        self.signatories = QTableWidget(0, len(SIGNATORY_KEYS))
        self.signatories.setHorizontalHeaderLabels(
            [self.tr("Role"), self.tr("Name"), self.tr("NIP"), self.tr("Position")]
        )
        self.signatories.horizontalHeader().setStretchLastSection(True)
        # An NIP has 18 digits: read whole (it is printed under the signature).
        size_columns(self.signatories, {NIP_COLUMN: ["888888888888888888"]}, stretch=len(SIGNATORY_KEYS) - 1)
        self.signatories.setMaximumHeight(110)
        self.signatories.itemChanged.connect(self._save_signatories)
        # The office's users fill the chosen row (the first one if none is chosen).
        self.signatory_user = QComboBox()
        self.signatory_user.setToolTip(self.tr("Fills the chosen row with the user's name, NIP and jabatan"))
        self.signatory_user.activated.connect(self._fill_signatory)
        self.status_label = QLabel()
        self.start_button = QPushButton(self.tr("S&tart the forum"))
        self.start_button.setIcon(icon("start-forum"))
        self.start_button.clicked.connect(lambda: self._move("start"))
        self.close_button = QPushButton(self.tr("C&lose the forum"))
        self.close_button.setIcon(icon("close-forum"))
        self.close_button.clicked.connect(lambda: self._move("close"))
        self.reopen_button = QPushButton(icon("reopen-forum"), self.tr("Re&open the forum…"))
        self.reopen_button.setToolTip(
            self.tr("To correct a closed forum's minutes; the reason is recorded in its history")
        )
        self.reopen_button.clicked.connect(self.reopen)
        # The unit's public page on the server (issue 17): a closed forum, by the kepala.
        self.published = QCheckBox(self.tr("Published on the office's public page"))
        self.published.setToolTip(
            self.tr(
                "The server shows this forum to the public: its date, topic, how many of each unsur "
                "took part, and what became of each recommendation; never a participant's name or contact"
            )
        )
        self.published.clicked.connect(self._publish)

        form = QFormLayout()
        form.addRow(self.tr("Title"), self.lines["title"])
        form.addRow(self.tr("Theme"), self.theme)
        form.addRow(self.tr("Date"), self.held_on)
        times = QHBoxLayout()
        times.addWidget(self.lines["starts_at"])
        times.addWidget(QLabel(self.tr("to")))
        times.addWidget(self.lines["ends_at"])
        form.addRow(self.tr("Time"), times)
        form.addRow(self.tr("Venue"), self.lines["venue"])
        form.addRow(self.tr("Mode"), self.mode)
        form.addRow(self.tr("Facilitator"), self.lines["facilitator"])
        form.addRow(self.tr("Moderator"), self.lines["moderator"])
        form.addRow(self.tr("Note-taker"), self.lines["note_taker"])
        form.addRow(self.tr("Document number"), self.lines["document_number"])
        signatory_column = QVBoxLayout()
        signatory_column.addWidget(self.signatories)
        signatory_column.addWidget(self.signatory_user)
        form.addRow(self.tr("Signatories"), signatory_column)
        # The invitation's and the implementation report's wording: editable after closing too.
        self.templates_button = QPushButton(self.tr("Document te&mplates…"))
        self.templates_button.clicked.connect(self.open_templates)
        form.addRow(self.tr("Invitation and report"), self.templates_button)
        form.addRow(self.tr("Public page"), self.published)
        status_row = QHBoxLayout()
        status_row.addWidget(self.status_label, 1)
        status_row.addWidget(self.start_button)
        status_row.addWidget(self.close_button)
        status_row.addWidget(self.reopen_button)
        layout = QVBoxLayout(self)
        layout.addLayout(status_row)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self.reload()

    def reload(self) -> None:
        forum = self._ws.read(load, Forum, self._forum_id, "Forum")
        for name, edit in self.lines.items():
            value = getattr(forum, name)
            edit.setText(value.strftime("%H:%M") if hasattr(value, "strftime") else (value or ""))
        self.held_on.setDate(forum.held_on)
        self.mode.set_value(forum.mode)
        self.theme.load(forum.theme)
        self.signatories.blockSignals(True)
        self.signatories.setRowCount(len(forum.signatories))
        for row, person in enumerate(forum.signatories):
            for column, key in enumerate(SIGNATORY_KEYS):
                shown = role_words(person.get(key, "")) if key == "role" else person.get(key, "")
                self.signatories.setItem(row, column, QTableWidgetItem(shown))
        self.signatories.blockSignals(False)
        self._list_users(forum.unit_id)
        self.status_label.setText(self.tr("Status: {status}").format(status=label(forum.status)))
        self.start_button.setEnabled(forum.status == ForumStatus.PLANNED)
        self.close_button.setEnabled(forum.status == ForumStatus.RUNNING)
        # The next step of the forum's life is the tab's main action.
        primary(self.start_button, "start-forum", on=forum.status == ForumStatus.PLANNED)
        primary(self.close_button, "close-forum", on=forum.status == ForumStatus.RUNNING)
        self.reopen_button.setVisible(forum.status == ForumStatus.CLOSED)
        self.published.setChecked(forum.published)
        self.published.setEnabled(forum.published or forum.status == ForumStatus.CLOSED)

    def _publish(self, checked: bool) -> None:
        try:
            self._ws.write(set_published, self._forum_id, checked)
        except MufakatError as exc:
            self.message.error(exc.message)
        else:
            self.message.clear_message()
        self.reload()

    def _time_problem(self, text: str) -> None:
        if text:
            self.message.error(text)

    def save(self, field: str, value: object) -> bool:
        try:
            self._ws.write(update_forum, self._forum_id, **{field: value})
        except MufakatError as exc:
            self.message.error(exc.message)
            return False
        self.message.clear_message()
        if field in ("title", "held_on"):
            self.changed.emit()
        return True

    def _save_line(self, name: str, edit: QLineEdit) -> None:
        if not edit.isModified():
            return
        edit.setModified(False)
        value = edit.text().strip()
        if not self.save(name, value or (None if name in ("starts_at", "ends_at") else "")):
            edit.setModified(True)  # still not saved: the message says what to fix

    def _list_users(self, unit_id: str) -> None:
        people = self._ws.read(list_users, unit_id, active_only=True)
        self.signatory_user.clear()
        self.signatory_user.addItem(self.tr("Fill the chosen row from a user…"), None)
        for person in people:
            shown = f"{person.name} — {person.jabatan}" if person.jabatan else person.name
            self.signatory_user.addItem(shown, (person.name, person.nip, person.jabatan))
        self.signatory_user.setVisible(bool(people))

    def _fill_signatory(self, index: int) -> None:
        chosen = self.signatory_user.itemData(index)
        self.signatory_user.setCurrentIndex(0)
        if chosen is None or self.signatories.rowCount() == 0:
            return
        row = max(self.signatories.currentRow(), 0)
        self.signatories.blockSignals(True)
        for key, value in zip(("name", "nip", "title"), chosen, strict=True):
            self.signatories.setItem(row, SIGNATORY_KEYS.index(key), QTableWidgetItem(value))
        self.signatories.blockSignals(False)
        self._save_signatories()

    def _save_signatories(self) -> None:
        people = []
        for row in range(self.signatories.rowCount()):
            cells = [self.signatories.item(row, column) for column in range(len(SIGNATORY_KEYS))]
            people.append(
                {k: (c.text().strip() if c else "") for k, c in zip(SIGNATORY_KEYS, cells, strict=True)}
            )
        self.save("signatories", people)

    def _move(self, action: str) -> None:
        if action == "close":
            self.close_forum()
            return
        question = self.tr("Start the forum now? Sign-in and live capture are then under way.")
        answer = QMessageBox.question(self, self.windowTitle() or "Mufakat", question)
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._ws.write(start_forum, self._forum_id)
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.reload()
        self.changed.emit()

    def close_forum(self) -> None:
        """Close, freezing the berita acara: the dialog asks for its number, signatories and
        paper first (desktop.views.close_dialog)."""
        self.flush()  # what was typed here is part of the minutes
        dialog = CloseForumDialog(self._ws, self._forum_id, self)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        self.reload()
        self.changed.emit()

    def reopen(self) -> None:
        """Closed → running again, for a reason the history keeps (asked until given)."""
        while True:
            reason, ok = QInputDialog.getMultiLineText(
                self,
                self.tr("Reopen the forum"),
                self.tr(
                    "Why is the forum reopened? Its minutes were final; the reason is kept in its "
                    "history (e.g. a name misspelt on the attendance list)."
                ),
            )
            if not ok:
                return
            try:
                self._ws.write(reopen_forum, self._forum_id, reason)
            except InputError as exc:  # no reason given: say so, and ask again
                QMessageBox.warning(self, self.tr("Reopen the forum"), exc.message)
                continue
            except MufakatError as exc:
                self.message.error(exc.message)
                return
            break
        self.reload()
        self.changed.emit()

    def open_templates(self) -> QDialog:
        """This forum's own wording of the invitation and the implementation report."""
        from desktop.views.templates_dialog import TemplatesDialog

        forum = self._ws.read(load, Forum, self._forum_id, "Forum")
        dialog = TemplatesDialog(self._ws, forum.unit_id, self._forum_id, self)
        dialog.setModal(True)  # a form to finish (OK) or leave (Cancel)
        dialog.show()
        return dialog

    def set_read_only(self, read_only: bool) -> None:
        """A closed forum: every detail is shown, none can be changed (but its documents'
        templates: none of them is in the berita acara)."""
        for edit in self.lines.values():
            set_read_only(edit, read_only)
        set_read_only(self.held_on, read_only)
        set_read_only(self.theme, read_only)
        self.mode.setEnabled(not read_only)
        set_read_only(self.signatories, read_only, EDITABLE_CELLS)
        self.signatory_user.setEnabled(not read_only)

    def flush(self) -> None:
        self.theme.flush()
        for name, edit in self.lines.items():
            self._save_line(name, edit)

    def dirty(self) -> bool:
        return self.theme.dirty() or any(edit.isModified() for edit in self.lines.values())
