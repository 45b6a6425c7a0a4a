"""The forum list: upcoming, running and closed forums with their counts; search, new, open,
and the printed documents of the selected forum."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QPushButton,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)
from shiboken6 import isValid

from desktop.background import run_in_background
from desktop.file_names import file_name
from desktop.services import demo
from desktop.services.queries import ForumCounts, ForumSummary, forum_counts, list_forums
from desktop.views.common import EnumCombo, attempt
from desktop.views.documents import TITLES
from desktop.views.forum_dialog import NewForumDialog
from desktop.views.forum_table import ForumTableModel
from desktop.views.save_file import SavedNotice
from desktop.vocab import ForumStatus
from desktop.workspace import Workspace

if TYPE_CHECKING:
    from desktop.views.document_dialog import DocumentDialog


class ForumsPage(QWidget):
    open_requested = Signal(str)  # forum id
    shown = Signal()  # the newest list is on screen
    counted = Signal()  # … and its counts

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
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
        self.new_button = QPushButton(self.tr("&New forum…"))
        self.new_button.clicked.connect(self.new_forum)
        self.open_button = QPushButton(self.tr("&Open"))
        self.open_button.clicked.connect(lambda: self._open(self.selected_forum()))
        self.documents_button = QToolButton()
        self.documents_button.setText(self.tr("Documents"))
        self.documents_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.documents_button)
        for kind, title in TITLES.items():
            menu.addAction(QCoreApplication.translate("Documents", title), partial(self.open_document, kind))
        self.documents_button.setMenu(menu)
        self.excel_button = QPushButton(self.tr("E&xport to Excel"))
        self.excel_button.setToolTip(
            self.tr(
                "A recap of the selected forum as an Excel workbook: participants per element, "
                "recommendations and follow-up"
            )
        )
        self.excel_button.clicked.connect(self.export_excel)
        self.notice = SavedNotice()
        self.empty_hint = QLabel(  # shown once the list has loaded empty
            self.tr("No forums yet. Plan one with “New forum…”, or try the app with the sample forum.")
        )
        self.demo_button = QPushButton(self.tr("&Try with a sample forum"))
        self.demo_button.clicked.connect(self.load_demo)
        self.empty_state = QWidget()
        empty_row = QHBoxLayout(self.empty_state)
        empty_row.setContentsMargins(0, 0, 0, 0)
        empty_row.addWidget(self.empty_hint)
        empty_row.addWidget(self.demo_button)
        empty_row.addStretch(1)
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        bar.addWidget(self.documents_button)
        bar.addWidget(self.excel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Forums") + "</h2>"))
        layout.addLayout(bar)
        layout.addWidget(self.notice)
        layout.addWidget(self.empty_state)
        self.empty_state.hide()
        layout.addWidget(self.table)
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
        """The sample forum (KPPN Sorong, 21 August 2024), loaded from the app."""
        if attempt(self, self._ws, demo.load_demo) is not None:
            self.refresh()

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

    def _update_actions(self) -> None:
        chosen = self.selected_forum() is not None
        self.documents_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)
        self.excel_button.setEnabled(chosen)

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
        run_in_background(
            lambda: self._ws.read(list_forums, text, with_counts=False),
            lambda rows: self._show(generation, rows, recount),
            self._failed,
        )

    def _count(self, generation: int) -> None:
        run_in_background(
            lambda: self._ws.read(forum_counts),
            lambda counts: self._show_counts(generation, counts),
            self._failed,
        )

    def _show_counts(self, generation: int, counts: dict[str, ForumCounts]) -> None:
        if generation == self._generation and isValid(self):  # the window may be gone (a new language)
            self._counts = counts
            self.model.set_counts(counts)
            self.counted_generation = generation
            self.counted.emit()

    def loaded(self) -> bool:
        """Whether the newest request is on screen."""
        return self.shown_generation == self._generation

    def _failed(self, exc: BaseException) -> None:
        raise exc  # the app's error hook shows it and writes the log

    def _show(self, generation: int, rows: list[ForumSummary], recount: bool) -> None:
        if generation != self._generation or not isValid(self):
            return
        keep = self.selected_forum()
        status = self.status_filter.value()
        if status is not None:
            rows = [r for r in rows if r.status == status]
        self.model.set_rows(rows)
        self.empty_state.setVisible(not rows and not self.search.text() and status is None)
        if rows and not self._measured:  # once: measuring rows again per search keystroke costs
            self._measured = True
            self.table.resizeColumnsToContents()
            self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
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
