"""Settings → "Pindahkan ke laptop baru": the data of this laptop to one file, and taking such a
file in on the new laptop (checked first; asked before this laptop's own data is replaced; the
window then opens on the data taken in, and the laptop is to be enrolled with a new code)."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.background import Jobs, explain
from desktop.app.workspace import Workspace
from desktop.store.db import known_revisions
from desktop.store.move import export_move, holds_data
from desktop.views.common import InlineMessage

log = logging.getLogger("mufakat.move")


class MoveGroup(QGroupBox):
    import_requested = Signal(object)  # Path of a move file the user chose and confirmed

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Move to a new laptop"), parent)
        self._jobs = Jobs(self)
        self._ws = ws
        intro = QLabel(
            self.tr(
                "All data of this laptop, with its unsent changes, in one file: take it in on the new "
                "laptop, then enroll that one with a new code. This laptop stops syncing once the new "
                "one is enrolled."
            )
        )
        intro.setWordWrap(True)
        self.export_button = QPushButton(self.tr("Export for a &new laptop…"))
        self.export_button.clicked.connect(self.export)
        self.import_button = QPushButton(self.tr("Take in data of an &old laptop…"))
        self.import_button.clicked.connect(self.take_in)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addWidget(self.import_button)
        row.addStretch(1)
        self.message = InlineMessage()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.message)

    def export(self) -> None:
        suggested = Path.home() / f"mufakat-pindah-{date.today():%Y%m%d}.zip"
        name, _filter = QFileDialog.getSaveFileName(
            self, self.tr("Export for a new laptop"), str(suggested), self.tr("Mufakat move files (*.zip)")
        )
        if not name:
            return
        target = Path(name)
        self.export_button.setEnabled(False)
        self.message.info(self.tr("Writing {path}…").format(path=target))
        data_dir = self._ws.data_dir
        self._jobs.run(
            lambda: export_move(data_dir, target, known_revisions()), lambda _m: self._exported(target), self._failed
        )

    def _exported(self, target: Path) -> None:
        self.export_button.setEnabled(True)
        self.message.info(
            self.tr(
                "Written to {path}. On the new laptop: “Take in data of an old laptop” (on its first "
                "screen, or in Settings), then enroll it with a new code."
            ).format(path=target)
        )

    def _failed(self, exc: BaseException) -> None:
        self.export_button.setEnabled(True)
        self.message.error(explain(exc, log, self._ws.data_dir))

    def take_in(self) -> None:
        chosen = ask_take_in(self, self._ws)
        if chosen is not None:
            self.import_requested.emit(chosen)


def ask_take_in(parent: QWidget, ws: Workspace) -> Path | None:
    """Which move file to take in, and yes, replace what this laptop holds (None: not now)."""
    title = QCoreApplication.translate("MoveGroup", "Take in data of an old laptop")
    name, _filter = QFileDialog.getOpenFileName(
        parent, title, str(Path.home()), QCoreApplication.translate("MoveGroup", "Mufakat move files (*.zip)")
    )
    if not name:
        return None
    if holds_data(ws.data_dir):
        question = QCoreApplication.translate(
            "MoveGroup",
            "This laptop holds data of its own. Replace it by the data in {name}?\n\nThe data of now "
            "is kept as a backup. Afterwards, enroll this laptop with a new code.",
        )
    else:
        question = QCoreApplication.translate(
            "MoveGroup", "Take in the data in {name}?\n\nAfterwards, enroll this laptop with a new code."
        )
    answer = QMessageBox.question(
        parent,
        title,
        question.format(name=Path(name).name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        QMessageBox.StandardButton.No,
    )
    return Path(name) if answer == QMessageBox.StandardButton.Yes else None
