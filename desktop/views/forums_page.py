"""The forum list: upcoming, running and closed forums with their counts; search, new, open,
and the printed documents of the selected forum."""

from __future__ import annotations

import logging
from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QFontMetrics, QUndoStack
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.background import Jobs, explain
from desktop.app.workspace import Workspace
from desktop.core.vocab import ForumStatus, label
from desktop.documents.file_names import file_name
from desktop.services import demo
from desktop.services.queries import ForumCounts, ForumSummary, forum_counts, list_forums
from desktop.views.columns import CELL_PADDING
from desktop.views.common import EnumCombo, attempt
from desktop.views.documents import TITLES
from desktop.views.empty_state import EmptyState, ListOrEmpty
from desktop.views.forum_commands import DeleteForum, EditForum
from desktop.views.forum_dialog import EditForumDialog, NewForumDialog
from desktop.views.forum_table import ForumTableModel
from desktop.views.look import icon, page_title, primary
from desktop.views.operator_prompt import operator_known
from desktop.views.save_file import SavedNotice
from desktop.views.undo import Refs, UndoKeys
from desktop.views.undo_bar import UndoBar
from protocol.roles import Act

DATE_COLUMN = 0
STATUS_COLUMN = 3

if TYPE_CHECKING:
    from desktop.views.document_dialog import DocumentDialog

log = logging.getLogger("mufakat.forums")


class ForumsPage(QWidget):
    open_requested = Signal(str)  # forum id
    shown = Signal()  # the newest list is on screen
    counted = Signal()  # … and its counts

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._plans = True  # the person signed in may plan forums and load the sample (apply_roles)
        self._jobs = Jobs(self)  # the list and its counts being read: the newest request only
        self._generation = 0
        self.shown_generation = 0
        self.counted_generation = 0
        self._measured = False  # the columns were fitted to the rows
        self._counts: dict[str, ForumCounts] | None = None  # the last counts read
        self.model = ForumTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setResizeContentsPrecision(100)  # measure 100 rows, not all
        self.table.doubleClicked.connect(lambda index: self._open(self.model.forum_at(index.row())))
        self.table.activated.connect(lambda index: self._open(self.model.forum_at(index.row())))
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Search title, theme or venue (Enter opens the forum found)…"))
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._search_changed)
        self.search.returnPressed.connect(self._open_found)  # type part of a title, Enter opens it
        self._open_when_shown = False
        self.status_filter = EnumCombo(ForumStatus, blank=self.tr("All forums"))
        self.status_filter.currentIndexChanged.connect(self._search_changed)
        self.new_button = primary(QPushButton(self.tr("&New forum…")), "new")
        self.new_button.clicked.connect(self.new_forum)
        self.open_button = QPushButton(icon("open"), self.tr("&Open"))
        self.open_button.clicked.connect(lambda: self._open(self.selected_forum()))
        # A forum not yet held can be corrected or deleted here; both are undoable (Ctrl+Z).
        self.edit_button = QPushButton(icon("edit"), self.tr("&Edit…"))
        self.edit_button.setToolTip(self.tr("Correct a forum not yet held: its title, date, times, venue"))
        self.edit_button.clicked.connect(self.edit_forum)
        self.delete_button = QPushButton(icon("delete"), self.tr("&Delete"))
        self.delete_button.setToolTip(self.tr("Delete a forum not yet held (Ctrl+Z brings it back)"))
        self.delete_button.clicked.connect(self.delete_forum)
        self.undo_stack = QUndoStack(self)
        self.keys = UndoKeys(self, self.undo_stack, (self.search,), say=self._undone)
        self.undo_bar = UndoBar(self.undo_stack, self.keys)
        self.undo_stack.indexChanged.connect(self._stack_moved)
        self._refs = Refs()
        self.documents_button = QToolButton()
        self.documents_button.setText(self.tr("Documents"))
        self.documents_button.setIcon(icon("documents"))
        self.documents_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.documents_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.documents_button)
        for kind, title in TITLES.items():
            menu.addAction(QCoreApplication.translate("Documents", title), partial(self.open_document, kind))
        self.documents_button.setMenu(menu)
        self.excel_button = QPushButton(icon("excel"), self.tr("E&xport to Excel"))
        self.excel_button.setToolTip(
            self.tr(
                "A recap of the selected forum as an Excel workbook: participants per element, "
                "recommendations and follow-up"
            )
        )
        self.excel_button.clicked.connect(self.export_excel)
        self.notice = SavedNotice()
        # What to do while there is no forum (or none matches the search).
        self.empty_state = EmptyState("no-forums")
        self.empty_hint = self.empty_state.text
        self.demo_button = QPushButton(icon("sample"), self.tr("&Try with a sample forum"))
        self.demo_button.clicked.connect(self.load_demo)
        self.empty_state.add_action(self.demo_button)
        # The sample forum beside the office's own, at any time; removed again in one action.
        self.sample_button = QPushButton(icon("sample"), "")
        self.sample_button.clicked.connect(self.toggle_sample)
        self._sample: str | None = None  # the sample forum loaded beside the office's, if any
        self.list = ListOrEmpty(self.table, self.empty_state)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.open_button)
        bar.addWidget(self.edit_button)
        bar.addWidget(self.delete_button)
        bar.addWidget(self.documents_button)
        bar.addWidget(self.excel_button)
        bar.addWidget(self.new_button)
        layout = QVBoxLayout(self)
        heading = QHBoxLayout()
        heading.addWidget(page_title(self.tr("Forums")), 1)
        heading.addWidget(self.sample_button)
        layout.addLayout(heading)
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.undo_bar)
        layout.addWidget(self.list, 1)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.refresh()

    def selected_forum(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.forum_at(rows[0].row()) if rows else None

    def _open(self, forum_id: str | None) -> None:
        if forum_id:
            self.open_requested.emit(forum_id)

    def _open_found(self) -> None:
        """The forum the search found (once the list for what was typed is on screen)."""
        if self.loaded():
            self._open(self.selected_forum())
        else:
            self._open_when_shown = True

    def new_forum(self) -> None:
        dialog = NewForumDialog(self._ws, self)
        if dialog.exec() and dialog.forum_id:
            self.refresh()
            self.open_requested.emit(dialog.forum_id)

    def load_demo(self) -> None:
        """The sample forum (KPPN Sorong, 21 August 2024), loaded from the app: beside the
        office's own forums when there is an office (marked, kept on this laptop)."""
        if not operator_known(self, self._ws):
            return
        loaded = attempt(self, self._ws, demo.load_sample)
        if loaded is not None:
            self.refresh()

    def remove_sample(self) -> None:
        answer = QMessageBox.question(
            self,
            self.tr("Remove the sample forum"),
            self.tr(
                "Remove the sample forum (CONTOH) and everything in it? The office's own forums are "
                "not touched; the history keeps the removal."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes or not operator_known(self, self._ws):
            return
        if attempt(self, self._ws, demo.remove_sample) is not None:
            self.refresh()

    def toggle_sample(self) -> None:
        if self._sample is None:
            self.load_demo()
        else:
            self.remove_sample()

    def apply_roles(self, may: Callable[[Act], bool]) -> None:
        """Only who may plan forums sees how to make, correct or delete one (the services
        refuse it anyway)."""
        self._plans = may(Act.PLAN_FORUM) and may(Act.OFFICE_SETTINGS)  # the sample adds units too
        plans = may(Act.PLAN_FORUM)
        for button in (self.new_button, self.edit_button, self.delete_button):
            button.setVisible(plans)
        self.refresh()

    def _show_sample_button(self, any_forum: bool) -> None:
        self._sample = self._ws.read(demo.sample_forum)
        if self._sample is None:
            self.sample_button.setText(self.tr("Load the sa&mple forum"))
            self.sample_button.setToolTip(
                self.tr(
                    "Adds the forum of KPPN Sorong (21 August 2024), titled CONTOH, to try the app; "
                    "it stays on this laptop"
                )
            )
        else:
            self.sample_button.setText(self.tr("Remove the sa&mple forum"))
            self.sample_button.setToolTip(self.tr("Removes the sample forum (CONTOH) and everything in it"))
        # none: the empty state offers it
        self.sample_button.setVisible(self._plans and (any_forum or self._sample is not None))

    def open_document(self, kind: str) -> DocumentDialog | None:
        from desktop.views.document_dialog import DocumentDialog, forum_document  # pdfium: on first use

        forum = self.selected_forum()
        if forum is None:
            return None
        dialog = DocumentDialog(forum_document(self._ws, forum, kind), self)
        dialog.show()
        return dialog

    def export_excel(self) -> None:
        """Save the selected forum's recap as XLSX (the name says which forum)."""
        from desktop.reports.recap_xlsx import forum_recap_xlsx  # openpyxl: on first use
        from desktop.services.recap import forum_recap

        forum = self.model.summary_of(self.selected_forum())
        if forum is None:
            return
        ws, forum_id = self._ws, forum.id
        self.notice.save_built(
            self.tr("Export to Excel"),
            file_name("forum-recap", forum.held_on, forum.title, ".xlsx"),
            self.tr("Excel workbook (*.xlsx)"),
            lambda: forum_recap_xlsx(ws.read(forum_recap, forum_id)),
        )

    def _show_empty(self, rows: list[ForumSummary], filtered: bool) -> None:
        """No forum at all: how to make one. None matching: say so."""
        searched = bool(self.search.text().strip()) or filtered
        if not rows and searched:
            self.empty_state.say(
                self.tr("No forum matches"),
                self.tr("Search for another word of the title, the theme or the venue, or show all forums."),
            )
        elif not rows:
            self.empty_state.say(
                self.tr("No forums yet"),
                self.tr("Plan one with “New forum…”, or try the app with the sample forum."),
            )
        self.demo_button.setVisible(self._plans and not rows and not searched)
        self._show_sample_button(bool(rows) or searched)
        self.list.show_empty(not rows)

    def _update_actions(self) -> None:
        chosen = self.selected_forum() is not None
        self.documents_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)
        self.excel_button.setEnabled(chosen)
        summary = self.model.summary_of(self.selected_forum())
        planned = summary is not None and summary.status == ForumStatus.PLANNED
        self.edit_button.setEnabled(planned)
        self.delete_button.setEnabled(planned)

    # -- correcting and deleting a forum not yet held ----------------------------------------
    def edit_forum(self) -> None:
        forum = self.model.summary_of(self.selected_forum())
        if forum is None or forum.status != ForumStatus.PLANNED:
            return
        dialog = EditForumDialog(self._ws, forum.id, self)
        if dialog.exec() and dialog.after:
            step = EditForum(
                self._ws, self._refused, self.tr("edit forum"), self._refs.of(forum.id), dialog.before, dialog.after
            )
            self.undo_stack.push(step)
            self.undo_bar.say(self.tr("Saved: “{title}”.").format(title=dialog.title.text()[:80]))

    def delete_forum(self) -> None:
        forum = self.model.summary_of(self.selected_forum())
        if forum is None or forum.status != ForumStatus.PLANNED:
            return
        before = self.undo_stack.count()
        self.undo_stack.push(DeleteForum(self._ws, self._refused, self.tr("delete forum"), self._refs.of(forum.id)))
        if self.undo_stack.count() > before:
            self.undo_bar.say(self.tr("Deleted: “{title}”.").format(title=forum.title[:80]))

    def _refused(self, message: str) -> None:
        self.notice.failed(message)

    def _undone(self, said: str) -> None:
        self.undo_bar.say(said)

    def _stack_moved(self, _index: int) -> None:
        self.refresh()

    def reload(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the list off the GUI thread, the forums first and their counts after (2,000
        forums take milliseconds, their counts a tenth of a second); only the newest request is
        shown."""
        self._load(recount=True)

    def _search_changed(self) -> None:
        """Another part of the same list: the counts already read still hold."""
        self._load(recount=self._counts is None)

    def _load(self, recount: bool) -> None:
        self._generation += 1
        generation, text = self._generation, self.search.text()
        self._jobs.run(
            lambda: self._ws.read(list_forums, text, with_counts=False),
            lambda rows: self._show(generation, rows, recount),
            self._failed,
            slot="list",
        )

    def _count(self, generation: int) -> None:
        self._jobs.run(
            lambda: self._ws.read(forum_counts),
            lambda counts: self._show_counts(generation, counts),
            self._failed,
            slot="counts",
        )

    def _show_counts(self, generation: int, counts: dict[str, ForumCounts]) -> None:
        if generation == self._generation:
            self._counts = counts
            self.model.set_counts(counts)
            self.counted_generation = generation
            self.counted.emit()

    def loaded(self) -> bool:
        """Whether the newest request is on screen."""
        return self.shown_generation == self._generation

    def _failed(self, exc: BaseException) -> None:
        """Background work never pops a dialog: the line under the list says it."""
        self.notice.failed(explain(exc, log, self._ws.data_dir))

    def _show(self, generation: int, rows: list[ForumSummary], recount: bool) -> None:
        if generation != self._generation:
            return
        keep = self.selected_forum()
        status = self.status_filter.value()
        if status is not None:
            rows = [r for r in rows if r.status == status]
        self.model.set_rows(rows)
        self._show_empty(rows, status is not None)
        if rows and not self._measured:  # once: measuring rows again per search keystroke costs
            self._measured = True
            self.table.resizeColumnsToContents()
            # Any status a forum may reach later, and its date, in bold (a running one's row):
            # "Direncanakan" and "21-08-2024" whole when a forum starts after the list was measured.
            bold = self.table.font()
            bold.setBold(True)
            metrics = QFontMetrics(bold)
            widest = {
                STATUS_COLUMN: max(metrics.horizontalAdvance(label(s)) for s in ForumStatus),
                DATE_COLUMN: max(metrics.horizontalAdvance(f"{d}{d}-{d}{d}-{d * 4}") for d in "0123456789"),
            }
            header = self.table.horizontalHeader()
            for column, needed in widest.items():
                header.resizeSection(column, max(header.sectionSize(column), needed + CELL_PADDING))
            header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        row = self.model.row_of(keep) if keep else -1
        if rows:
            self.table.selectRow(max(row, 0))
        self._update_actions()
        self.shown_generation = generation
        self.shown.emit()
        if self._counts is not None:
            self.model.set_counts(self._counts)  # the last counts read, until the new ones come
        if recount or self._counts is None:
            self._count(generation)
        else:
            self._show_counts(generation, self._counts)
        if self._open_when_shown:
            self._open_when_shown = False
            self._open(self.selected_forum())
