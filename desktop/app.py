"""The desktop application: wires the workspace to the Qt widgets (the one place that does)."""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from desktop.config import LOG_FILENAME, Settings
from desktop.errors import MufakatError
from desktop.i18n import tr
from desktop.workspace import Workspace

log = logging.getLogger("mufakat.app")


def run_app(data_dir: Path, settings: Settings) -> int:
    from PySide6.QtWidgets import QApplication, QMessageBox

    app = QApplication.instance() or QApplication(sys.argv)
    app.setApplicationName("Mufakat")
    try:
        workspace = Workspace.open(data_dir, settings)
    except MufakatError as exc:
        QMessageBox.critical(None, "Mufakat", exc.message)
        return 2
    logging.basicConfig(filename=data_dir / LOG_FILENAME, level=logging.INFO, force=True)

    def _excepthook(kind: type[BaseException], value: BaseException, tb: object) -> None:
        log.error("unexpected error", exc_info=(kind, value, tb))  # type: ignore[arg-type]
        QMessageBox.critical(
            None, "Mufakat", tr("Something went wrong; details are in {path}", path=data_dir / LOG_FILENAME)
        )

    sys.excepthook = _excepthook
    from desktop.views.main_window import MainWindow

    window = MainWindow(workspace)
    window.show()
    try:
        return app.exec()
    finally:
        workspace.close()
