"""Live capture of recommendations, keyboard first: type the text, pick who raised it (names of
the attendees complete as you type), the agenda item and the topic, and the office's response if
it was given at once; F2 toggles the scope (Unit ↔ Policy); Enter saves, and the line is on disk
at once. On the list: + and − vote, F2 toggles the scope, F3 edits, F4 types the office's
response (the notulen print it), Del deletes one typed by mistake, Ctrl+M merges the selected
duplicate into the other selected one; Ctrl+Z undoes, Ctrl+Y or Ctrl+Shift+Z redoes."""

from __future__ import annotations

from collections.abc import Callable

import shiboken6
from PySide6.QtCore import QItemSelectionModel, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QUndoCommand, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.core.i18n import number
from desktop.core.vocab import RecCategory, Scope, label
from desktop.models import Recommendation
from desktop.services.agenda import items_of
from desktop.services.attendance import attendance_of
from desktop.services.lookup import load_fields
from desktop.services.queries import (
    RecommendationFilter,
    RecommendationPage,
    list_recommendations,
    recommendation_row,
)
from desktop.services.recommendations import RULES, add_recommendation, merge
from desktop.store.drafts import Draft, Drafts
from desktop.views.capture_commands import (
    AddRecommendation,
    ChangeScope,
    CorrectRecommendation,
    DeleteRecommendation,
    EditText,
    Vote,
)
from desktop.views.common import EnumCombo, InlineMessage, passes
from desktop.views.empty_state import EmptyState, ListOrEmpty
from desktop.views.look import icon, primary
from desktop.views.rec_edit_dialog import RecommendationDialog
from desktop.views.rec_table import RecommendationTableModel
from desktop.views.undo import Refs, UndoKeys

PAGE = 500
DRAFT_MS = 300  # at most this long after a key, the typing is in the draft file (then written)
SCOPE_COLOURS = {Scope.UNIT: "#1b5e20", Scope.POLICY: "#a14a00"}  # green: ours; amber: goes upward


class CaptureTab(QWidget):
    def __init__(
        self, ws: Workspace, forum_id: str, drafts: Drafts | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self._forum_id = forum_id
        self._drafts = drafts
        self._people: dict[str, str] = {}  # name → participant id
        self._running: str | None = None  # the running agenda item when the list was last read
        self._refs = Refs()  # the recommendations the undo stack's steps act on
        self.scope = Scope.UNIT
        self.read_only = False  # a closed forum: the list is shown, nothing can be added or changed
        self.undo_stack = QUndoStack(self)
        self._quiet = False
        self.undo_stack.indexChanged.connect(self._stack_moved)
        self.text = QLineEdit()
        self.text.setPlaceholderText(self.tr("Type the recommendation; Enter saves it"))
        self.text.returnPressed.connect(self.save)
        self.text.textChanged.connect(self._typed)
        self.raised_by = QLineEdit()
        self.raised_by.setPlaceholderText(self.tr("Raised by (attendee)"))
        self.raised_by.returnPressed.connect(self._enter_in_raised_by)
        self.raised_by.textChanged.connect(self._typed)
        self.completer = QCompleter([], self)
        self.completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.raised_by.setCompleter(self.completer)
        self.response = QLineEdit()
        self.response.setPlaceholderText(self.tr("Office's response (optional)"))
        self.response.returnPressed.connect(self.save)
        self.response.textChanged.connect(self._typed)
        # Enter that picks a name from the suggestions picks it; the next Enter saves (it saved
        # at once, before a topic could be chosen).
        self._picked_name = False
        self.completer.activated.connect(self._name_picked)
        self.agenda = QComboBox()
        self.category = EnumCombo(RecCategory, blank=self.tr("(topic)"))
        self.scope_button = QPushButton()
        self.scope_button.setToolTip(
            self.tr("Toggle the scope: within our unit ↔ policy, escalate upward (F2)")
        )
        self.scope_button.clicked.connect(self.toggle_entry_scope)
        self.save_button = primary(QPushButton(self.tr("Save (Enter)")), "save")
        self.save_button.clicked.connect(self.save)
        self.message = InlineMessage()
        for typed_in in (self.text, self.raised_by, self.response):  # typing on: a notice has had its say
            typed_in.textEdited.connect(self.message.clear_notice)
        self.model = RecommendationTableModel(("text", "scope", "votes", "raised_by", "status"), self._load)
        self.model.setParent(self)  # lives exactly as long as the tab
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()  # fixed widths: measuring every row costs per save
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 190), (2, 80), (3, 170), (4, 110)):
            header.resizeSection(column, width)
        self.table.doubleClicked.connect(lambda _i: None if self.read_only else self.edit_selected())
        self.counter = QLabel()
        buttons = QHBoxLayout()
        self.list_buttons: list[QPushButton] = []
        for text, name, slot in (
            (self.tr("Vote +"), "vote-up", lambda: self.vote_selected(1)),
            (self.tr("Vote −"), "vote-down", lambda: self.vote_selected(-1)),
            (self.tr("Edit… (F3)"), "edit", self.edit_selected),
            (self.tr("Response… (F4)"), "answer", self.respond_selected),
            (self.tr("Delete (Del)"), "delete", self.delete_selected),
            (self.tr("Merge duplicates… (Ctrl+M)"), "merge", self.merge_selected),
        ):
            button = QPushButton(icon(name), text)
            button.clicked.connect(slot)
            buttons.addWidget(button)
            self.list_buttons.append(button)
        self.undo_button = QPushButton(icon("undo"), self.tr("Undo"))
        self.undo_stack.canUndoChanged.connect(lambda can: self.undo_button.setEnabled(can and not self.read_only))
        self.redo_button = QPushButton(icon("redo"), self.tr("Redo"))
        self.undo_stack.canRedoChanged.connect(lambda can: self.redo_button.setEnabled(can and not self.read_only))
        self.undo_button.setEnabled(False)
        self.redo_button.setEnabled(False)
        buttons.addStretch(1)
        buttons.addWidget(self.undo_button)
        buttons.addWidget(self.redo_button)

        line = QHBoxLayout()  # the scope stands next to the text it applies to
        line.addWidget(self.scope_button)
        line.addWidget(self.text, 1)
        entry = QHBoxLayout()
        entry.addWidget(self.raised_by, 2)
        entry.addWidget(self.agenda, 2)
        entry.addWidget(self.category, 2)
        entry.addWidget(self.save_button)
        self.hint = hint = QLabel(
            self.tr(
                "Enter save · F2 scope · on the list: + / − vote, F3 edit, F4 response, Del delete, Ctrl+M merge · "
                "Ctrl+Z undo · Ctrl+Y or Ctrl+Shift+Z redo"
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: #555;")
        answer = QHBoxLayout()
        answer.addWidget(self.response)
        layout = QVBoxLayout(self)
        layout.addLayout(line)
        layout.addLayout(entry)
        layout.addLayout(answer)
        layout.addWidget(self.message)
        layout.addWidget(hint)
        layout.addWidget(self.counter)
        self.empty = EmptyState("no-recommendations")
        self.empty.say(
            self.tr("No recommendations yet in this forum"),
            self.tr("Type what a participant recommends in the line above and press Enter; F2 files it under policy."),
        )
        self.list = ListOrEmpty(self.table, self.empty)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self._draft_timer = QTimer(self)  # typing reaches the draft file within a moment
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_MS)
        self._draft_timer.timeout.connect(self.keep_draft)
        self._shortcuts()
        self._show_scope()
        self.reload()

    def set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for widget in (
            self.text,
            self.raised_by,
            self.response,
            self.agenda,
            self.category,
            self.scope_button,
            self.save_button,
            *self.list_buttons,
        ):
            widget.setEnabled(not read_only)
        self.undo_button.setEnabled(not read_only and self.undo_stack.canUndo())
        self.redo_button.setEnabled(not read_only and self.undo_stack.canRedo())

    def _shortcuts(self) -> None:
        def on(
            keys: QKeySequence | QKeySequence.StandardKey | str,
            slot: Callable[[], object],
            widget: QWidget | None = None,
        ) -> None:
            shortcut = QShortcut(QKeySequence(keys), widget or self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(lambda: None if self.read_only else slot())

        on("F2", self._toggle_scope_here)
        self.keys = UndoKeys(
            self,
            self.undo_stack,
            (self.text, self.raised_by, self.response),
            enabled=lambda: not self.read_only,
            say=self.message.info,
        )
        self.undo_button.clicked.connect(self.keys.undo)
        self.redo_button.clicked.connect(self.keys.redo)
        on("F3", self.edit_selected, self.table)
        on("F4", self.respond_selected, self.table)
        on("Del", self.delete_selected, self.table)
        on("+", lambda: self.vote_selected(1), self.table)
        on("-", lambda: self.vote_selected(-1), self.table)
        on("Ctrl+M", self.merge_selected)

    # -- reading -----------------------------------------------------------------------------
    def _load(self, flt: RecommendationFilter) -> RecommendationPage:
        return self._ws.read(list_recommendations, flt)

    def reload(self) -> None:
        attendance = self._ws.read(attendance_of, self._forum_id)
        self._people = {p.name: p.id for p in attendance.people}
        self.completer.model().setStringList(  # type: ignore[attr-defined]
            [p.name for p in attendance.people if p.attended] or list(self._people)
        )
        current = self.agenda.currentData()
        self.agenda.clear()
        self.agenda.addItem(self.tr("(agenda item)"), None)
        running = None
        for position, item in enumerate(self._ws.read(items_of, self._forum_id), start=1):
            self.agenda.addItem(f"{position}. {item.title}", item.id)
            if item.started_at is not None and item.ended_at is None:
                running = item.id
        # The item follows the running one whenever another starts; a choice made by hand holds
        # until then.
        chosen = running if running != self._running else current
        self._running = running
        self.agenda.setCurrentIndex(max(self.agenda.findData(chosen), 0))
        flt = RecommendationFilter(forum_id=self._forum_id, limit=PAGE)
        self.model.show_page(flt, self._ws.read(list_recommendations, flt))
        self._count()

    def _count(self) -> None:
        self.list.show_empty(self.model.rowCount() == 0)
        self.counter.setText(self.tr("{n} recommendation(s) in this forum").format(n=number(self.model.total)))

    def _stack_moved(self, _index: int) -> None:
        """A step was done, undone or redone: show the list as it now is."""
        if self._quiet:
            return
        if shiboken6.isValid(self.model):  # not while the tab is being torn down
            self._refresh_keep_selection(self._selected())

    def _refresh_keep_selection(self, rec_id: str | None) -> None:
        self.model.reload()
        self._count()
        self._select(rec_id)

    def _select(self, rec_id: str | None) -> None:
        row = self.model.row_of(rec_id) if rec_id else -1
        if row >= 0:
            flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
            self.table.selectionModel().setCurrentIndex(self.model.index(row, 0), flags)

    # -- the entry line ----------------------------------------------------------------------
    def _show_scope(self) -> None:
        """The scope the next Enter files under, in words and colour, beside the text line."""
        self.scope_button.setText(self.tr("{scope} (F2)").format(scope=label(self.scope)))
        colour = SCOPE_COLOURS[self.scope]
        self.scope_button.setStyleSheet(
            f"QPushButton {{ background: {colour}; color: white; font-weight: bold; padding: 4px 10px; }}"
            "QPushButton:disabled { background: #c8c8c8; color: #6b6b6b; }"
        )
        self.text.setStyleSheet(
            f"QLineEdit {{ border: 2px solid {colour}; padding: 2px; }}"
            "QLineEdit:disabled { border: 1px solid #c8c8c8; background: #eeeeee; }"
        )

    def toggle_entry_scope(self) -> None:
        self.scope = Scope.POLICY if self.scope == Scope.UNIT else Scope.UNIT
        self._show_scope()
        self._typed()

    # -- the draft of what is typed (kept through a crash) ------------------------------------
    def _typed(self) -> None:
        if self._drafts is not None and not self._draft_timer.isActive():
            self._draft_timer.start()  # not restarted by each key: kept even while typing on

    def keep_draft(self) -> None:
        if self._drafts is None:
            return
        self._draft_timer.stop()
        typed = {"text": self.text.text(), "raised_by": self.raised_by.text(), "response": self.response.text()}
        if any(value.strip() for value in typed.values()):
            typed["scope"] = self.scope.value
        self._drafts.keep(self._forum_id, "capture", typed)

    def restore(self, draft: Draft) -> None:
        """Back in the line as it was typed (not saved: Enter saves it)."""
        self.text.setText(draft.fields.get("text", ""))
        self.raised_by.setText(draft.fields.get("raised_by", ""))
        self.response.setText(draft.fields.get("response", ""))
        self.scope = Scope(draft.fields.get("scope", Scope.UNIT.value))
        self._show_scope()
        self.message.info(self.tr("Restored what was typed before Mufakat closed; Enter saves it."), lasting=True)

    def discard_pending(self) -> None:
        """The user chose to drop what was typed."""
        self.text.setText("")
        self.raised_by.setText("")
        self.response.setText("")
        self.keep_draft()

    def _toggle_scope_here(self) -> None:
        if self.table.hasFocus():
            self.toggle_selected_scope()
        else:
            self.toggle_entry_scope()

    def pending_text(self) -> str:
        """What was typed and not yet saved (the window asks before dropping it)."""
        return self.text.text().strip()

    def _name_picked(self, _name: str) -> None:
        self._picked_name = True
        QTimer.singleShot(0, self._forget_pick)  # only the Enter that picked it

    def _forget_pick(self) -> None:
        self._picked_name = False

    def _enter_in_raised_by(self) -> None:
        popup = self.completer.popup()
        if self._picked_name or (popup is not None and popup.isVisible()):
            self._picked_name = False
            return
        self.save()

    def _matching(self, typed: str) -> list[str]:
        """The people on the list whose name is `typed`, else those whose name holds it (as the
        suggestions do: "rumb" for Martina Rumbiak), the attendees first."""
        folded = typed.casefold()
        exact = [name for name in self._people if name.casefold() == folded]
        if exact:
            return exact[:1]
        suggested = self.completer.model().stringList()  # type: ignore[attr-defined]
        for names in (suggested, list(self._people)):
            found = [name for name in names if folded in name.casefold()]
            if found:
                return found
        return []

    def save(self) -> bool:
        typed = self.raised_by.text().strip()
        matching = self._matching(typed) if typed else []
        if typed and len(matching) != 1:
            said = (
                self.tr("“{name}” fits {people}: pick one from the suggestions.").format(
                    name=typed, people=", ".join(matching[:5]) + (", …" if len(matching) > 5 else "")
                )
                if matching
                else self.tr("{name} is not on the attendance list; sign them in first, or leave it empty.").format(
                    name=typed
                )
            )
            self.message.error(said, self.raised_by, lambda: len(self._matching(self.raised_by.text().strip())) < 2)
            return False
        raiser = matching[0] if matching else ""
        values = {
            "text": self.text.text(),
            "scope": self.scope,
            "raised_by_id": self._people.get(raiser),
            "agenda_item_id": self.agenda.currentData(),
            "category": self.category.value(),
            "response": self.response.text(),
        }
        try:
            rec_id = self._ws.write(add_recommendation, self._forum_id, **values)
        except MufakatError as exc:
            self.message.refused(
                exc.message,
                [
                    (self.text, lambda: passes(RULES["text"], self.text.text())),
                    (self.response, lambda: passes(RULES["response"], self.response.text())),
                ],
            )
            return False
        self._quiet = True  # the saved line is added to the list below, not by reading it all again
        try:
            step = AddRecommendation(self._ws, self._refused, self.tr("add recommendation"), self._refs.of(rec_id))
            self.undo_stack.push(step)
        finally:
            self._quiet = False
        row = self._ws.read(recommendation_row, rec_id)
        if row is not None:
            self.model.insert_first(row)
            self._count()
        if raiser and raiser != typed:  # a part of a name, which fitted one person only
            self.message.info(self.tr("Saved, raised by {name}.").format(name=raiser))
        else:
            self.message.info(self.tr("Saved."))
        self.text.setText("")  # setText, not clear(): the line's own undo must not bring it back
        self.raised_by.setText("")
        self.response.setText("")
        self.category.setCurrentIndex(0)
        self.scope = Scope.UNIT  # F2 is for one recommendation: the next starts in the unit's scope
        self._show_scope()
        self.keep_draft()  # saved: the draft goes
        self._select(rec_id)
        self.text.setFocus()
        return True

    # -- actions on the list -----------------------------------------------------------------
    def _refused(self, message: str) -> None:
        QMessageBox.warning(self, self.tr("Live capture"), message)

    def selected_ids(self) -> list[str]:
        rows = sorted(index.row() for index in self.table.selectionModel().selectedRows())
        return [r.id for row in rows if (r := self.model.row_at(row)) is not None]

    def _selected(self) -> str | None:
        """The row the keyboard is on (when selected), else the first selected one."""
        current = self.model.row_at(self.table.currentIndex().row())
        ids = self.selected_ids()
        if current is not None and current.id in ids:
            return current.id
        return ids[0] if ids else None

    def _push(self, command: QUndoCommand) -> None:
        self.undo_stack.push(command)  # the stack's indexChanged refreshes the list

    def vote_selected(self, delta: int) -> None:
        rec_id = self._selected()
        if rec_id:
            self._push(Vote(self._ws, self._refused, self.tr("vote"), self._refs.of(rec_id), delta))

    def toggle_selected_scope(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is None:
            return
        new = Scope.POLICY if row.scope == Scope.UNIT else Scope.UNIT
        self._push(
            ChangeScope(self._ws, self._refused, self.tr("change scope"), self._refs.of(row.id), row.scope, new)
        )

    def edit_selected(self) -> None:
        row = self.model.row_at(self.table.currentIndex().row())
        if row is None:
            return
        dialog = RecommendationDialog(self._ws, row.id, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.after:
            ref, before, after = self._refs.of(row.id), dialog.before, dialog.after
            self._push(CorrectRecommendation(self._ws, self._refused, self.tr("edit"), ref, before, after))

    def respond_selected(self) -> None:
        """The office's response to the selected recommendation (given after it was typed)."""
        row = self.model.row_at(self.table.currentIndex().row())
        if row is None:
            return
        old = self._ws.read(load_fields, Recommendation, row.id, "Recommendation", "response").response
        text, ok = QInputDialog.getMultiLineText(
            self, self.tr("Office's response"), self.tr("Response to: {text}").format(text=row.text[:200]), old
        )
        if ok and text.strip() != old:
            ref = self._refs.of(row.id)
            self._push(EditText(self._ws, self._refused, self.tr("response"), ref, old, text.strip(), "response"))

    def delete_selected(self) -> None:
        """Delete a recommendation typed by mistake (a proposed one); Ctrl+Z brings it back."""
        rec_id = self._selected()
        row = self.model.row_at(self.model.row_of(rec_id)) if rec_id else None
        if rec_id is None or row is None:
            return
        before = self.undo_stack.count()
        step = DeleteRecommendation(self._ws, self._refused, self.tr("delete recommendation"), self._refs.of(rec_id))
        self._push(step)
        if self.undo_stack.count() > before:  # refused steps are dropped from the stack
            self.message.info(
                self.tr("Deleted: “{text}”. Ctrl+Z brings it back.").format(text=row.text[:80])
            )
            self.text.setFocus()

    def merge_selected(self) -> None:
        ids = self.selected_ids()
        if len(ids) != 2:
            self.message.error(
                self.tr("Select exactly two recommendations (Ctrl+click): the duplicate and the one to keep.")
            )
            return
        chosen = [r for i in ids if (r := self.model.row_at(self.model.row_of(i))) is not None]
        # Keep the one people backed most; on a tie, the one raised first.
        keep, duplicate = sorted(chosen, key=lambda r: (-r.votes, r.created_at))
        answer = QMessageBox.question(
            self,
            self.tr("Merge duplicates"),
            self.tr(
                "Merge “{duplicate}” into “{keep}”? Its votes move over. A merge cannot be undone."
            ).format(duplicate=duplicate.text[:120], keep=keep.text[:120]),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        try:
            self._ws.write(merge, duplicate.id, keep.id)
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.undo_stack.clear()  # earlier steps may no longer apply to a merged record
        self._refs.clear()
        self.message.info(self.tr("Merged."))
        self._refresh_keep_selection(keep.id)
