"""Making an evaluation pack ("Paket bukti") from the app: the save dialog proposes its name, the
pack is made off the GUI thread with its progress on a line of the screen (file by file; the
window never freezes, and nothing pops up from the background), and the line then says where it
went and how many lines of what is missing its index lists, with "Open folder". For a period,
a small dialog first asks which year or which days."""

from __future__ import annotations

import logging
from datetime import date
from pathlib import Path

import shiboken6
from PySide6.QtCore import QDate, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop.app.background import Jobs, explain
from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.documents.evidence_pack import PackResult, make_pack, pack_name
from desktop.services.evidence_pack import PackScope
from desktop.views.common import OK_CANCEL, InlineMessage, date_edit, qdate
from desktop.views.save_file import ask_save_path
from desktop.views.wheel import guard_wheel

log = logging.getLogger("mufakat.evidence_pack")


class _Steps(QObject):
    """Progress from the worker thread to the GUI thread (ints and a str: queued safely)."""

    step = Signal(int, int, str)


class PackProgress(QWidget):
    """A line under a screen: the pack being made (a bar, the file at hand), then where it was
    saved and what its index says is missing, or why it could not be made."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._ws = ws
        self._jobs = Jobs(self)
        self._steps = _Steps(self)
        self._steps.step.connect(self._step)
        self.folder: Path | None = None
        self.result: PackResult | None = None
        self.bar = QProgressBar()
        self.bar.setMaximumWidth(220)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.open_button = QPushButton(self.tr("Open folder"))
        self.open_button.clicked.connect(self.open_folder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.bar)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.open_button)
        self.hide()

    def busy(self) -> bool:
        return self._jobs.busy()

    def ask(self, scope: PackScope) -> QFileDialog | None:
        """The save dialog (the pack's name proposed), then the pack made there."""
        if self.busy():
            return None
        try:
            name = pack_name(self._ws, scope)
        except MufakatError as exc:
            self._say(exc.message, "#b00020")
            return None
        return ask_save_path(
            self.window(),
            self.tr("Save the evidence pack"),
            name,
            self.tr("ZIP file (*.zip)"),
            lambda path: self.make(scope, path),
        )

    def make(self, scope: PackScope, path: Path) -> None:
        """Make the pack off the GUI thread; its progress shows on this line."""
        self.result = None
        self.bar.setRange(0, 0)  # reading the data: no count yet
        self.bar.show()
        self._say(self.tr("Preparing {name}…").format(name=path.name), "#555555")
        steps, ws = self._steps, self._ws

        def report(done: int, total: int, what: str) -> None:
            if shiboken6.isValid(steps):  # the line may be gone (the window replaced): the pack is made
                steps.step.emit(done, total, what)

        self._jobs.run(
            lambda: make_pack(ws, scope, path, progress=report),
            self._done,
            self._failed,
        )

    def _step(self, done: int, total: int, what: str) -> None:
        if not self.busy():
            return
        self.bar.setRange(0, total)
        self.bar.setValue(done)
        if what:
            adding = self.tr("Adding {file} ({done} of {total})…")
            self.text.setText(adding.format(file=what, done=done + 1, total=total))

    def _done(self, result: PackResult) -> None:
        self.result = result
        self.bar.hide()
        saved = self.tr("Saved as {name} in {folder}").format(name=result.path.name, folder=result.path.parent)
        if result.missing:
            saved += " — " + self.tr("its index lists {n} thing(s) still missing.").format(n=len(result.missing))
        else:
            saved += " — " + self.tr("nothing is missing.")
        self._say(saved, "#1b5e20", result.path.parent)

    def _failed(self, error: BaseException) -> None:
        self.bar.hide()
        self._say(explain(error, log, self._ws.data_dir), "#b00020")

    def _say(self, text: str, colour: str, folder: Path | None = None) -> None:
        self.folder = folder
        self.text.setStyleSheet(f"color: {colour};")
        self.text.setText(text)
        self.open_button.setVisible(folder is not None)
        self.show()

    def open_folder(self) -> None:
        if self.folder is not None and not QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.folder))):
            self._say(
                self.tr("The folder {folder} could not be opened here; open it from the file manager.").format(
                    folder=self.folder
                ),
                "#b00020",
            )


class PeriodDialog(QDialog):
    """Which period a pack covers: a year, or from one day to another."""

    def __init__(self, unit_id: str, today: date, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Evidence pack of a period"))
        self._unit_id = unit_id
        self.scope: PackScope | None = None
        self.by_year = QRadioButton(self.tr("&Year"))
        self.by_days = QRadioButton(self.tr("&From one day to another"))
        self.by_year.setChecked(True)
        self.year = QSpinBox()
        self.year.setRange(2000, 2999)
        self.year.setValue(today.year)
        self.starts = date_edit(qdate(date(today.year, 1, 1)))
        self.ends = date_edit(qdate(today))
        about = QLabel(
            self.tr(
                "The pack holds the documents, the signed attendance scans and the photos of every forum "
                "held in the period, the reports of the satisfaction surveys (SKM) run in it, and an "
                "index of the PEKPPP indicators each file serves and of what is still missing."
            )
        )
        about.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.by_year, self.year)
        form.addRow(self.by_days)
        form.addRow(self.tr("From"), self.starts)
        form.addRow(self.tr("To"), self.ends)
        self.by_year.toggled.connect(self._enable)
        self._enable()
        self.message = InlineMessage(lines=2)
        buttons = QDialogButtonBox(OK_CANCEL)
        buttons.accepted.connect(self.choose)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(about)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        guard_wheel(self)  # the wheel scrolls; it changes a field only with the focus
        self.year.setFocus()  # a year typed at once, Enter makes it

    def _enable(self) -> None:
        yearly = self.by_year.isChecked()
        self.year.setEnabled(yearly)
        self.starts.setEnabled(not yearly)
        self.ends.setEnabled(not yearly)

    def choose(self) -> None:
        try:
            if self.by_year.isChecked():
                self.scope = PackScope.of_year(self._unit_id, self.year.value())
            else:
                self.scope = PackScope.of_period(self._unit_id, _day(self.starts.date()), _day(self.ends.date()))
        except MufakatError as exc:
            self.message.error(exc.message)
            return
        self.accept()


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())
