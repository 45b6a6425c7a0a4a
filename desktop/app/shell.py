"""The desktop application: wires the workspace, the sync controller and the translations to
the Qt widgets (the one place that does)."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from desktop.app.workspace import Workspace
from desktop.core.config import Settings, log_path
from desktop.core.errors import MufakatError
from desktop.core.i18n import tr
from desktop.store.drafts import Drafts

if TYPE_CHECKING:
    from desktop.sync.controller import SyncController
    from desktop.views.main_window import MainWindow

log = logging.getLogger("mufakat.app")
FIRST_SYNC_DELAY_MS = 2000


def install_error_hook(data_dir: Path) -> None:
    """An unexpected error is written to the log with its traceback and shown as a dialog that
    says where the details are; the user never sees a traceback."""
    from PySide6.QtWidgets import QMessageBox

    def hook(kind: type[BaseException], value: BaseException, tb: TracebackType | None) -> None:
        log.error("unexpected error", exc_info=(kind, value, tb))
        text = (
            value.message
            if isinstance(value, MufakatError)
            else tr("Something went wrong; details are in {path}", path=log_path(data_dir))
        )
        QMessageBox.critical(None, "Mufakat", text)

    sys.excepthook = hook


class Shell:
    """Owns the main window; rebuilds it when the language changes (every widget then speaks
    the new language) without losing the open page."""

    def __init__(self, ws: Workspace, sync: SyncController | None = None) -> None:
        from PySide6.QtWidgets import QApplication

        from desktop.app.background import collect_garbage_on_gui_thread
        from desktop.sync.controller import SyncController
        from desktop.views.look import apply_look
        from desktop.views.translation import Translations

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        collect_garbage_on_gui_thread(app)  # before any background work starts
        apply_look(app)
        self.ws = ws
        self.translations = Translations(app)
        self.translations.switch(ws.settings.language)
        self.sync = sync or SyncController(ws)
        self.drafts = Drafts(ws.data_dir)
        from desktop.app.user_session import UserSession

        self.user_session = UserSession(ws)  # who works here: kept when the window is rebuilt
        from desktop.views.auto_backup import AutoBackup

        self.auto_backup = AutoBackup(ws)  # started by `run_app`: tests take backups themselves
        self.window = self._build()

    def _build(self) -> MainWindow:
        from PySide6.QtWidgets import QLabel

        from desktop.views.main_window import MainWindow

        window = MainWindow(self.ws, self.sync, self.drafts, self.user_session)
        window.language_changed.connect(self.switch_language)
        window.settings.backups.restore_requested.connect(self.restore)
        window.settings.move_laptop.import_requested.connect(self.take_in)
        if window.first_run is not None:  # a new laptop may start with an old one's data
            window.first_run.take_in_requested.connect(self.take_in)
        # The automatic backup's problems (a USB stick not plugged in) show here, never as a dialog.
        self.backup_note = QLabel()
        self.backup_note.setStyleSheet("color: #8a6d00;")
        self.backup_note.hide()
        window.statusBar().addWidget(self.backup_note)
        self.auto_backup.noted.connect(self._show_backup_note)
        self.auto_backup.done.connect(lambda _backup: window.settings.backups.show_last())
        return window

    def _show_backup_note(self, text: str) -> None:
        self.backup_note.setText(text)
        self.backup_note.setVisible(bool(text))

    def _replace_window(self) -> None:
        """A new window on the same workspace, at the same place, on the Settings page."""
        from desktop.views.main_window import SETTINGS

        old = self.window
        for signal in (self.auto_backup.noted, self.auto_backup.done):
            signal.disconnect()
        self.window = self._build()
        self.window.setGeometry(old.geometry())
        self.window.nav.setCurrentRow(SETTINGS)
        self.window.show()
        old.retire()
        old.hide()
        old.deleteLater()

    def switch_language(self, language: str) -> None:
        self.drafts.clear()  # the user was asked about the typing (kept or dropped) before this
        self.translations.switch(language)
        self._replace_window()

    def restore(self, source: Path) -> None:
        """Put a checked backup in place of the database and open the window on it; the sync
        then sends what the server lacks and fetches what the copy lacks."""
        from desktop.store import backups
        from desktop.store.db import known_revisions

        def work() -> str:
            kept = backups.restore(self.ws.data_dir, source, known_revisions())
            said = tr("Restored {file}.", file=source.name)
            if kept is not None:
                said += " " + tr("The database it replaced is kept as {path}.", path=kept.path.name)
            return said

        self._replace_data(work)

    def take_in(self, source: Path) -> None:
        """Take in the data of an old laptop ("Pindahkan ke laptop baru"), then open the window on
        it: the laptop is then to be enrolled with a new code."""
        from desktop.store.db import known_revisions
        from desktop.store.move import import_move

        def work() -> str:
            moved = import_move(self.ws.data_dir, source, known_revisions(), replace=True)
            said = tr(
                "The data of the old laptop is here, with its unsent changes. Enroll this laptop "
                "with a new code from the administrator (Settings → Server)."
            )
            if moved.kept is not None:
                said += " " + tr("The database it replaced is kept as {path}.", path=moved.kept.path.name)
            return said

        self._replace_data(work)

    def _replace_data(self, work: Callable[[], str]) -> None:
        """Close the database, let `work` replace it (it checks before it changes anything),
        open the database again and the window on it, and say what happened at the top of its
        Settings page."""
        from PySide6.QtCore import QThreadPool, QTimer

        from desktop.sync.controller import SyncController

        if not self.window.confirm_close():  # typing in the open forum: saved, or the user stays
            return
        self.sync.shutdown()
        backing_up = self.auto_backup.running
        self.auto_backup.stop()
        QThreadPool.globalInstance().waitForDone(10_000)
        self.drafts.clear()  # the typing of the data replaced: saved or dropped when asked
        self.drafts.close()
        self.ws.store.close()
        failed = False
        try:
            said = work()
        except MufakatError as exc:
            said, failed = exc.message, True
        self.ws.reopen()
        self.sync = SyncController(self.ws)
        self.drafts = Drafts(self.ws.data_dir)  # a moved laptop's unsaved typing comes with it
        self._replace_window()
        QTimer.singleShot(0, self.window.offer_drafts)
        for notice in self.ws.store.notices:
            said += " " + notice
        line = self.window.settings.device_message
        (line.error if failed else line.info)(said)
        if backing_up:
            self.auto_backup.start()
        self.sync.sync_now()

    def close(self) -> None:
        from PySide6.QtCore import QThreadPool

        self.sync.shutdown()
        self.auto_backup.stop()
        QThreadPool.globalInstance().waitForDone(10_000)  # reads still running finish first
        self.drafts.clear()  # a normal end: what was typed was saved or dropped on purpose
        self.drafts.close()


def show_startup_error(message: str) -> None:
    """A problem found before the window opens (a damaged settings file, an unusable data
    folder), shown as a dialog: someone who started the app from a menu sees no terminal."""
    from PySide6.QtWidgets import QApplication, QMessageBox

    _app = QApplication.instance() or QApplication(sys.argv)
    QMessageBox.critical(None, "Mufakat", message)


def run_app(data_dir: Path, settings: Settings) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtGui import QIcon
    from PySide6.QtWidgets import QApplication

    from desktop.resources import APP_ICON

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Mufakat")
    QApplication.setWindowIcon(QIcon(str(APP_ICON)))
    try:
        workspace = Workspace.open(data_dir, settings)
    except MufakatError as exc:
        show_startup_error(exc.message)
        return 2
    from desktop.core.logs import configure_logging

    configure_logging(data_dir)  # once per process: `mufakat` (the CLI) did it already
    install_error_hook(data_dir)
    from desktop.store.folder_lock import hold

    lock = hold(data_dir)  # `mufakat restore` / `move import` wait until the app is closed
    for notice in workspace.store.notices:  # e.g. a journal of another copy set aside
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(None, "Mufakat", notice)
    shell = Shell(workspace)
    shell.window.showMaximized()  # within the screen's available area: the status bar in sight
    QTimer.singleShot(0, shell.window.offer_drafts)  # typing left by a crash, offered back
    QTimer.singleShot(FIRST_SYNC_DELAY_MS, shell.sync.sync_now)
    shell.auto_backup.start()  # the day's backup, if none was taken today
    try:
        return app.exec()
    finally:
        shell.close()
        workspace.close()
        if lock is not None:
            lock.release()
