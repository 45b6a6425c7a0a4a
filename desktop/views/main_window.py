"""The main window. For now: the forum list and the truthful sync state ("local only").

The full workspace (live capture, triage, escalations, follow-up, settings) is issue #3.
"""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QMainWindow, QTableView, QVBoxLayout, QWidget

from desktop.i18n import tr
from desktop.services.queries import list_forums
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
        self.empty_hint = QLabel(tr("No forums yet. Load the demo forum with: mufakat demo"))
        body = QWidget()
        layout = QVBoxLayout(body)
        heading = QLabel("<h2>" + tr("Forums") + "</h2>")
        layout.addWidget(heading)
        layout.addWidget(self.empty_hint)
        layout.addWidget(self.table)
        self.setCentralWidget(body)
        self.statusBar().showMessage(tr("Local only: not connected to a server"))
        self.refresh()

    def refresh(self) -> None:
        rows = self._ws.read(list_forums)
        self.model.set_rows(rows)
        self.empty_hint.setVisible(not rows)
        self.table.resizeColumnsToContents()
