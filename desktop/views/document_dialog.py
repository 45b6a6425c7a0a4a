"""Preview, save and print a forum's documents (berita acara, daftar hadir, laporan tindak
lanjut, surat pengantar eskalasi). The PDF is built off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QSizeF, Qt
from PySide6.QtGui import QPageLayout, QPageSize, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.background import run_in_background
from desktop.errors import MufakatError
from desktop.file_names import file_name
from desktop.i18n import number
from desktop.models import Forum, SurveyPeriod
from desktop.services.lookup import load
from desktop.services.report_data import forum_report
from desktop.views.documents import TITLES
from desktop.views.look import icon, primary
from desktop.views.pdf_pages import page_images
from desktop.views.save_file import SavedNotice, ask_save_path
from desktop.views.wheel import guard_wheel
from desktop.workspace import Workspace

PAGE_SIZES = {
    "a4": QPageSize(QPageSize.PageSizeId.A4),
    "folio": QPageSize(QSizeF(215, 330), QPageSize.Unit.Millimeter, "Folio"),
}
PREVIEW_DPI = 80
log = logging.getLogger("mufakat.documents")


@dataclass(frozen=True)
class DocumentSource:
    """What the preview shows: a title, the file name to propose (with its suffix), and how to
    build the PDF for a paper size (called off the GUI thread)."""

    title: str
    file_name: str
    build: Callable[[str], bytes]


def forum_document(ws: Workspace, forum_id: str, kind: str) -> DocumentSource:
    forum = ws.read(load, Forum, forum_id, "Forum")
    name = file_name(kind, forum.held_on, forum.title, ".pdf")

    def build(paper: str) -> bytes:
        from desktop.reports import DOCUMENTS  # reportlab loads on first use, not at start-up

        return DOCUMENTS[kind](ws.read(forum_report, forum_id), paper=paper)

    return DocumentSource(QCoreApplication.translate("Documents", TITLES[kind]), name, build)


def survey_report_document(ws: Workspace, period_id: str) -> DocumentSource:
    period = ws.read(load, SurveyPeriod, period_id, "Survey period")
    name = file_name("survey-report", period.starts_on, period.title, ".pdf")

    def build(paper: str) -> bytes:
        from desktop.reports.survey import build_survey_report
        from desktop.services.report_data import survey_document

        return build_survey_report(ws.read(survey_document, period_id), paper=paper)

    title = QCoreApplication.translate(
        "Documents", str(QT_TRANSLATE_NOOP("Documents", "Survey report (SKM)"))
    )
    return DocumentSource(title, name, build)


class DocumentDialog(QDialog):
    def __init__(self, source: DocumentSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self.pdf: bytes | None = None
        self.setWindowTitle(source.title)
        self.resize(760, 700)

        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem(self.tr("Folio (215 × 330 mm)"), "folio")
        self.paper.currentIndexChanged.connect(self.build)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.notice = SavedNotice()
        self.pages = QVBoxLayout()
        holder = QWidget()
        holder.setLayout(self.pages)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(holder)

        self.save_button = primary(QPushButton(self.tr("Save PDF…")), "pdf")
        self.save_button.clicked.connect(self._ask_save)
        self.print_button = QPushButton(icon("print"), self.tr("Print…"))
        self.print_button.clicked.connect(self._ask_print)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Paper")))
        top.addWidget(self.paper)
        top.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        for button in (self.save_button, self.print_button, close):
            bottom.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.notice)
        layout.addLayout(bottom)
        self.build()
        guard_wheel(self)  # the wheel scrolls; it changes a field only with the focus

    # -- building -------------------------------------------------------------------------

    @property
    def paper_name(self) -> str:
        return str(self.paper.currentData())

    def build(self) -> None:
        """(Re)build the PDF in the background for the chosen paper."""
        self.pdf = None
        self._set_ready(False)
        self.status.setStyleSheet("")
        self.status.setText(self.tr("Preparing the document…"))
        build, paper = self._source.build, self.paper_name
        run_in_background(lambda: build(paper), self._show, self._failed)

    def _show(self, pdf: bytes) -> None:
        self.pdf = pdf
        while self.pages.count():
            item = self.pages.takeAt(0)
            widget = item.widget() if item else None
            if widget is not None:
                widget.deleteLater()
        count = 0
        for image in page_images(pdf, PREVIEW_DPI):
            label = QLabel()
            pixmap = QPixmap.fromImage(image)
            label.setPixmap(pixmap)
            label.setFixedSize(pixmap.size())  # whole pages, one under the other; the area scrolls
            label.setStyleSheet("border: 1px solid #999; background: white;")
            self.pages.addWidget(label, 0, Qt.AlignmentFlag.AlignHCenter)
            count += 1
        self.status.setText(
            self.tr("{count} page(s). Check the preview, then save or print.").format(count=number(count))
        )
        self._set_ready(True)

    def _failed(self, error: BaseException) -> None:
        self.status.setStyleSheet("color: #a00000;")
        if isinstance(error, MufakatError):
            self.status.setText(error.message)
        else:
            self.status.setText(self.tr("The document could not be made; details are in the log file."))
            log.error("document failed", exc_info=error)

    def _set_ready(self, ready: bool) -> None:
        self.save_button.setEnabled(ready)
        self.print_button.setEnabled(ready)

    # -- saving and printing -----------------------------------------------------------------

    def save_to(self, path: Path) -> None:
        if self.pdf is not None:
            self.notice.write(path, self.pdf)

    def _ask_save(self) -> QFileDialog:
        return ask_save_path(self, self.tr("Save PDF…"), self._source.file_name, "PDF (*.pdf)", self.save_to)

    def print_to(self, printer: QPrinter) -> None:
        """Print page by page at the printer's resolution, each page fitted to the paper."""
        if self.pdf is None:
            return
        printer.setPageSize(PAGE_SIZES[self.paper_name])
        printer.setPageOrientation(QPageLayout.Orientation.Portrait)
        printer.setFullPage(True)
        painter = QPainter()
        if not painter.begin(printer):
            QMessageBox.warning(self, self.tr("Print…"), self.tr("The printer could not be started."))
            return
        try:
            dpi = min(printer.resolution(), 300)
            for index, image in enumerate(page_images(self.pdf, dpi)):
                if index:
                    printer.newPage()
                target = painter.viewport()
                size = image.size().scaled(target.size(), Qt.AspectRatioMode.KeepAspectRatio)
                painter.setViewport(target.x(), target.y(), size.width(), size.height())
                painter.setWindow(image.rect())
                painter.drawImage(0, 0, image)
                painter.setViewport(target)
        finally:
            painter.end()

    def _ask_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        dialog = QPrintDialog(printer, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.print_to(printer)
