"""Saving a file the user asked for: the save dialog proposes a name that says what the file is
(`desktop.documents.file_names`) in the folder last saved into, and afterwards a line says where the file
went, with "Open folder" to show it in the file manager."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QStandardPaths, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QFileDialog, QHBoxLayout, QLabel, QPushButton, QWidget

from desktop.app.background import Jobs
from desktop.core.errors import MufakatError
from desktop.core.files import write_atomically
from desktop.core.os_words import os_reason

log = logging.getLogger("mufakat.save")
_last_folder: list[Path] = []  # where the user saved last in this session (the dialog opens there)


def save_folder() -> Path:
    """The folder the save dialog opens in: the last one used, else Documents, else home."""
    if _last_folder and _last_folder[0].is_dir():
        return _last_folder[0]
    documents = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
    return Path(documents) if documents and Path(documents).is_dir() else Path.home()


def ask_save_path(
    parent: QWidget, caption: str, file_name: str, name_filter: str, chosen: Callable[[Path], None]
) -> QFileDialog:
    """Open the save dialog (window-modal, not blocking) with `file_name` proposed; `chosen`
    receives the path the user accepted (the dialog itself asks before replacing a file)."""
    dialog = QFileDialog(parent, caption, str(save_folder()), name_filter)
    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    dialog.setFileMode(QFileDialog.FileMode.AnyFile)
    dialog.setDefaultSuffix(Path(file_name).suffix.lstrip("."))
    dialog.selectFile(file_name)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accepted(name: str) -> None:
        path = Path(name)
        _last_folder[:] = [path.parent]
        chosen(path)

    dialog.fileSelected.connect(accepted)
    dialog.open()
    return dialog


class SavedNotice(QWidget):
    """One line under a screen: what is being saved, where it was saved (with "Open folder"),
    or why it could not be."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None
        self._jobs = Jobs(self)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.clicked.connect(self.open_folder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        self.hide()

    def _say(self, text: str, colour: str, folder: Path | None) -> None:
        self.folder = folder
        self.text.setStyleSheet(f"color: {colour};")
        self.text.setText(text)
        self.open_button.setVisible(folder is not None)
        self.show()

    def busy(self, text: str) -> None:
        self._say(text, "#555555", None)

    def saved(self, path: Path) -> None:
        self._say(
            self.tr("Saved as {name} in {folder}").format(name=path.name, folder=path.parent),
            "#1b5e20",
            path.parent,
        )

    def failed(self, text: str) -> None:
        self._say(text, "#b00020", None)

    def write(self, path: Path, data: bytes) -> bool:
        """Write `data` to `path` (whole or not at all) and say where it went, or why not."""
        try:
            write_atomically(path, data)
        except OSError as exc:
            self.failed(self.tr("Cannot write {path}: {error}").format(path=path, error=os_reason(exc)))
            return False
        self.saved(path)
        return True

    def save_built(
        self,
        caption: str,
        file_name: str,
        name_filter: str,
        build: Callable[[], bytes],
    ) -> QFileDialog:
        """Ask where to save (`file_name` proposed), then build the file off the GUI thread (a
        recap of 100,000 rows takes a while) and write it, saying so on this line. The file is
        written even if this line is gone meanwhile (the window was replaced); only the saying
        is then dropped."""

        def chosen(path: Path) -> None:
            self.busy(self.tr("Preparing {name}…").format(name=path.name))

            def failed(error: BaseException) -> None:
                if isinstance(error, MufakatError):
                    self.failed(error.message)
                elif isinstance(error, OSError):
                    self.failed(self.tr("Cannot write {path}: {error}").format(path=path, error=os_reason(error)))
                else:
                    log.error("building %s failed", path.name, exc_info=error)
                    self.failed(
                        self.tr("{name} could not be made; details are in the log file.").format(name=path.name)
                    )

            self._jobs.run(lambda: write_atomically(path, build()), lambda _none: self.saved(path), failed)

        return ask_save_path(self.window(), caption, file_name, name_filter, chosen)

    def open_folder(self) -> None:
        """Show the folder in the system's file manager (Explorer, Files, Finder)."""
        if self.folder is None:
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder))):
            self.failed(
                self.tr("The folder {folder} could not be opened here; open it from the file manager.").format(
                    folder=self.folder
                )
            )

