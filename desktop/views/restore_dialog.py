"""Choosing the backup to restore: the data folder's backups with their date, size and kind,
newest first, or another file (a copy on a USB stick)."""

from __future__ import annotations

from datetime import tzinfo
from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.core.sizes import size_text
from desktop.core.zones import screen_time
from desktop.store import backups


class RestoreDialog(QDialog):
    def __init__(self, data_dir: Path, zone: tzinfo | None, parent: QWidget | None = None) -> None:
        """`zone`: the office's time zone, the backups' times are read in (None: the laptop's)."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("Restore from backup"))
        self.chosen: Path | None = None
        self._backups = backups.list_backups(backups.backup_dir(data_dir))
        intro = QLabel(
            self.tr(
                "The data on this laptop is replaced by the copy you choose; the data of now is "
                "kept as a backup too. Changes already sent to the server come back at the next sync."
            )
        )
        intro.setWordWrap(True)
        self.table = QTableWidget(len(self._backups), 3)
        self.table.setHorizontalHeaderLabels([self.tr("Taken at"), self.tr("Size"), self.tr("Kind")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        for row, backup in enumerate(self._backups):
            when = screen_time(backup.taken_at, zone)
            for column, text in enumerate((when, size_text(backup.size), backups.label_text(backup.label))):
                self.table.setItem(row, column, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.doubleClicked.connect(lambda _index: self._restore_selected())
        self.empty = QLabel(self.tr("No backups in the data folder yet."))
        self.empty.setVisible(not self._backups)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.restore_button = QPushButton(self.tr("&Restore this copy"))
        self.restore_button.setEnabled(False)
        self.other_button = QPushButton(self.tr("&Other file…"))
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.AcceptRole)
        buttons.addButton(self.other_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.restore_button.clicked.connect(self._restore_selected)
        self.other_button.clicked.connect(self._other_file)
        buttons.rejected.connect(self.reject)
        self.table.itemSelectionChanged.connect(
            lambda: self.restore_button.setEnabled(bool(self.table.selectionModel().selectedRows()))
        )
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(buttons)
        self.resize(620, 360)
        if self._backups:
            self.table.selectRow(0)
            self.table.setFocus()

    def _restore_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.chosen = self._backups[rows[0].row()].path
            self.accept()

    def _other_file(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self, self.tr("Restore from backup"), str(Path.home()), self.tr("Mufakat backups (*.sqlite3)")
        )
        if path:
            self.chosen = Path(path)
            self.accept()
