"""Settings → Backups: when the last backup was taken, "Cadangkan sekarang", "Pulihkan dari
cadangan…" (checked before anything is replaced; the window then opens on the restored data),
and the second folder every backup is copied to."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.background import Jobs, explain
from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.core.sizes import size_text
from desktop.core.zones import screen_time
from desktop.store import backups
from desktop.store.db import known_revisions
from desktop.views.common import InlineMessage
from desktop.views.restore_dialog import RestoreDialog

log = logging.getLogger("mufakat.backup")


class BackupGroup(QGroupBox):
    restore_requested = Signal(object)  # Path of a checked copy the user confirmed

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Backups"), parent)
        self._jobs = Jobs(self)
        self._ws = ws
        self.last_backup = QLabel()
        self.last_backup.setWordWrap(True)
        self.backup_button = QPushButton(self.tr("&Back up now"))
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button = QPushButton(self.tr("Res&tore from backup…"))
        self.restore_button.clicked.connect(self.choose_restore)
        buttons = QHBoxLayout()
        buttons.addWidget(self.backup_button)
        buttons.addWidget(self.restore_button)
        buttons.addStretch(1)
        self.second_folder = QLineEdit(ws.settings.backup_folder)
        self.second_folder.setPlaceholderText(self.tr("e.g. a USB stick: E:\\cadangan-mufakat (optional)"))
        self.second_folder.editingFinished.connect(self._save_second_folder)
        choose = QPushButton(self.tr("Choose…"))
        choose.clicked.connect(self._choose_second_folder)
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.second_folder, 1)
        folder_row.addWidget(choose)
        form = QFormLayout()
        form.addRow(self.tr("Second folder for every backup"), folder_row)
        self.message = InlineMessage()
        layout = QVBoxLayout(self)
        layout.addWidget(self.last_backup)
        layout.addLayout(buttons)
        layout.addLayout(form)
        layout.addWidget(self.message)
        self.show_last()

    def show_last(self) -> None:
        found = backups.list_backups(backups.backup_dir(self._ws.data_dir))
        if not found:
            self.last_backup.setText(self.tr("No backup yet. Mufakat backs the data up once a day while it runs."))
            return
        newest = found[0]
        self.last_backup.setText(
            self.tr("Last backup: {when} ({size}). Mufakat backs the data up once a day while it runs.").format(
                when=screen_time(newest.taken_at, self._ws.ctx.zone), size=size_text(newest.size)
            )
        )

    # -- backing up ----------------------------------------------------------------------------
    def back_up_now(self) -> None:
        self.backup_button.setEnabled(False)
        self.message.info(self.tr("Backing up…"))
        data_dir, second = self._ws.data_dir, self._ws.settings.second_backup_folder
        self._jobs.run(lambda: backups.back_up(data_dir, backups.MANUAL, second), self._backed_up, self._failed)

    def _backed_up(self, result: object) -> None:
        assert isinstance(result, backups.BackupResult)
        self.backup_button.setEnabled(True)
        self.show_last()
        if result.note:
            self.message.error(result.note)
        else:
            self.message.info(self.tr("Backed up: {name}.").format(name=result.backup.path.name))

    def _failed(self, exc: BaseException) -> None:
        self.backup_button.setEnabled(True)
        self.message.error(explain(exc, log, self._ws.data_dir))

    def _save_second_folder(self) -> None:
        text = self.second_folder.text().strip()
        if text == self._ws.settings.backup_folder:
            return
        if text and not Path(text).expanduser().is_dir():
            self.message.error(
                self.tr("The folder {folder} does not exist; plug in the drive or choose another folder.").format(
                    folder=text
                )
            )
            return
        try:
            self._ws.change_settings(backup_folder=text)
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.message.info(
            self.tr("Every backup is copied to {folder} too.").format(folder=text)
            if text
            else self.tr("Backups are kept in the data folder only.")
        )

    def _choose_second_folder(self) -> None:
        chosen = QFileDialog.getExistingDirectory(self, self.tr("Second folder for every backup"), str(Path.home()))
        if chosen:
            self.second_folder.setText(chosen)
            self._save_second_folder()

    # -- restoring -----------------------------------------------------------------------------
    def _copy_name(self, source: Path) -> str:
        """A backup by when it was taken (and its kind); another file by its name."""
        found = backups.parse(source)
        if found is None:
            return source.name
        when = screen_time(found.taken_at, self._ws.ctx.zone)
        return self.tr("of {when} ({kind})").format(when=when, kind=backups.label_text(found.label))

    def choose_restore(self) -> None:
        dialog = RestoreDialog(self._ws.data_dir, self._ws.ctx.zone, self)
        if not dialog.exec() or dialog.chosen is None:
            return
        source = dialog.chosen
        try:
            backups.check_copy(source, known_revisions())
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        answer = QMessageBox.question(
            self,
            self.tr("Restore from backup"),
            self.tr(
                "Replace the data on this laptop by the copy {name}?\n\nThe data of now is kept as a "
                "backup. Changes this laptop already sent to the server come back at the next sync."
            ).format(name=self._copy_name(source)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.restore_requested.emit(source)
