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

from desktop.background import run_in_background
from desktop.services.queries import ForumSummary, list_forums
from desktop.views.common import EnumCombo
from desktop.views.documents import TITLES
from desktop.views.forum_dialog import NewForumDialog
from desktop.views.forum_table import ForumTableModel
from desktop.vocab import ForumStatus
from desktop.workspace import Workspace

if TYPE_CHECKING:
    from desktop.views.document_dialog import DocumentDialog


class ForumsPage(QWidget):
    open_requested = Signal(str)  # forum id
    shown = Signal()  # the newest list is on screen

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._generation = 0
        self.shown_generation = 0
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
        self.search.textChanged.connect(self.refresh)
        self.search.returnPressed.connect(self._open_found)  # type part of a title, Enter opens it
        self._open_when_shown = False
        self.status_filter = EnumCombo(ForumStatus, blank=self.tr("All forums"))
        self.status_filter.currentIndexChanged.connect(self.refresh)
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
        self.empty_hint = QLabel(  # shown once the list has loaded empty
            self.tr("No forums yet. Create one with “New forum”, or load the demo with: mufakat demo")
        )
        bar = QHBoxLayout()
        bar.addWidget(self.search, 1)
        bar.addWidget(self.status_filter)
        bar.addWidget(self.new_button)
        bar.addWidget(self.open_button)
        bar.addWidget(self.documents_button)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("<h2>" + self.tr("Forums") + "</h2>"))
        layout.addLayout(bar)
        layout.addWidget(self.empty_hint)
        self.empty_hint.hide()
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

    def open_document(self, kind: str) -> DocumentDialog | None:
        from desktop.views.document_dialog import DocumentDialog, forum_document  # pdfium: on first use

        forum = self.selected_forum()
        if forum is None:
            return None
        dialog = DocumentDialog(forum_document(self._ws, forum, kind), self)
        dialog.show()
        return dialog

    def _update_actions(self) -> None:
        chosen = self.selected_forum() is not None
        self.documents_button.setEnabled(chosen)
        self.open_button.setEnabled(chosen)

    def reload(self) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the list off the GUI thread (2,000 forums with their counts take a moment);
        only the newest request is shown."""
        self._generation += 1
        generation, text = self._generation, self.search.text()
        run_in_background(
            lambda: self._ws.read(list_forums, text),
            lambda rows: self._show(generation, rows),
            self._failed,
        )

    def loaded(self) -> bool:
        """Whether the newest request is on screen."""
        return self.shown_generation == self._generation

    def _failed(self, exc: BaseException) -> None:
        raise exc  # the app's error hook shows it and writes the log

    def _show(self, generation: int, rows: list[ForumSummary]) -> None:
        if generation != self._generation:
            return
        keep = self.selected_forum()
        status = self.status_filter.value()
        if status is not None:
            rows = [r for r in rows if r.status == status]
        self.model.set_rows(rows)
        self.empty_hint.setVisible(not rows and not self.search.text())
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        row = self.model.row_of(keep) if keep else -1
        if rows:
            self.table.selectRow(max(row, 0))
        self._update_actions()
        self.shown_generation = generation
        self.shown.emit()
        if self._open_when_shown:
            self._open_when_shown = False
            self._open(self.selected_forum())
