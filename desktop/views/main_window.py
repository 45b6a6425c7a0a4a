"""The main window. For now: the forum list and the truthful sync state ("local only").

The full workspace (live capture, triage, escalations, follow-up, settings) is issue #3.
"""

from __future__ import annotations

from functools import partial

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QMainWindow,
    QMenu,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.i18n import tr
from desktop.services.queries import list_forums
from desktop.views.document_dialog import TITLES, DocumentDialog
from desktop.views.forum_table import ForumTableModel
from desktop.workspace import Workspace


class MainWindow(QMainWindow):
    def __init__(self, workspace: Workspace) -> None:
        super().__init__()
        self._ws = workspace
        self.setWindowTitle("Mufakat")
        self.resize(1280, 720)
        self.model = ForumTableModel()
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.doubleClicked.connect(lambda index: self.open_document("minutes", index))
        self.documents_button = QToolButton()
        self.documents_button.setText(tr("Documents"))
        self.documents_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.documents_button)
        for kind, title in TITLES.items():
            menu.addAction(tr(title), partial(self.open_document, kind))
        self.documents_button.setMenu(menu)
        self.table.selectionModel().selectionChanged.connect(self._update_actions)
        self.empty_hint = QLabel(tr("No forums yet. Load the demo forum with: mufakat demo"))
        body = QWidget()
        layout = QVBoxLayout(body)
        heading = QLabel("<h2>" + tr("Forums") + "</h2>")
        layout.addWidget(heading)
        layout.addWidget(self.documents_button)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table)
        self.setCentralWidget(body)
        self.statusBar().showMessage(tr("Local only: not connected to a server"))
        self.refresh()

    def selected_forum(self) -> str | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.forum_at(rows[0].row()) if rows else None

    def open_document(self, kind: str, index: QModelIndex | None = None) -> DocumentDialog | None:
        forum = self.model.forum_at(index.row()) if index is not None else self.selected_forum()
        if forum is None:
            return None
        dialog = DocumentDialog(self._ws, forum, kind, self)
        dialog.show()
        return dialog

    def _update_actions(self) -> None:
        self.documents_button.setEnabled(self.selected_forum() is not None)

    def refresh(self) -> None:
        rows = self._ws.read(list_forums)
        self.model.set_rows(rows)
        self.empty_hint.setVisible(not rows)
        self.table.resizeColumnsToContents()
        if rows:
            self.table.selectRow(0)
        self._update_actions()
