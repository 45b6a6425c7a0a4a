"""The desktop application: wires the workspace, the sync controller and the translations to
the Qt widgets (the one place that does)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING

from desktop.config import LOG_FILENAME, Settings
from desktop.drafts import Drafts
from desktop.errors import MufakatError
from desktop.i18n import tr
from desktop.workspace import Workspace

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
            else tr("Something went wrong; details are in {path}", path=data_dir / LOG_FILENAME)
        )
        QMessageBox.critical(None, "Mufakat", text)

    sys.excepthook = hook


class Shell:
    """Owns the main window; rebuilds it when the language changes (every widget then speaks
    the new language) without losing the open page."""

    def __init__(self, ws: Workspace, sync: SyncController | None = None) -> None:
        from PySide6.QtWidgets import QApplication

        from desktop.background import collect_garbage_on_gui_thread
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
        self.window = self._build()

    def _build(self) -> MainWindow:
        from desktop.views.main_window import MainWindow

        window = MainWindow(self.ws, self.sync, self.drafts)
        window.language_changed.connect(self.switch_language)
        return window

    def switch_language(self, language: str) -> None:
        from desktop.views.main_window import SETTINGS

        old = self.window
        self.drafts.clear()  # the user was asked about the typing (kept or dropped) before this
        self.translations.switch(language)
        self.window = self._build()
        self.window.setGeometry(old.geometry())
        self.window.nav.setCurrentRow(SETTINGS)
        self.window.show()
        old.retire()
        old.hide()
        old.deleteLater()

    def close(self) -> None:
        from PySide6.QtCore import QThreadPool

        self.sync.shutdown()
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
    logging.basicConfig(
        filename=data_dir / LOG_FILENAME,
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        force=True,
    )
    install_error_hook(data_dir)
    for notice in workspace.store.notices:  # e.g. a journal of another copy set aside
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.information(None, "Mufakat", notice)
    shell = Shell(workspace)
    shell.window.showMaximized()  # within the screen's available area: the status bar in sight
    QTimer.singleShot(0, shell.window.offer_drafts)  # typing left by a crash, offered back
    QTimer.singleShot(FIRST_SYNC_DELAY_MS, shell.sync.sync_now)
    try:
        return app.exec()
    finally:
        shell.close()
        workspace.close()
