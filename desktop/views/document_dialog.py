"""Preview, save and print the documents: a forum's (surat undangan, daftar hadir, berita acara,
notulen, laporan pelaksanaan, laporan tindak lanjut, surat pengantar eskalasi) and a survey
period's (laporan SKM, realisasi RTL). The PDF is built off the GUI thread."""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, tzinfo
from functools import partial
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QSizeF, Qt
from PySide6.QtGui import QGuiApplication, QPageLayout, QPageSize, QPainter, QPixmap
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

from desktop.app.background import Jobs
from desktop.app.workspace import Workspace
from desktop.core.errors import MufakatError
from desktop.core.i18n import number
from desktop.core.vocab import ForumStatus
from desktop.core.zones import screen_time
from desktop.documents.builders import build_forum_document, photos_printed
from desktop.documents.file_names import file_name
from desktop.models import Forum, SurveyPeriod
from desktop.services.frozen import MinutesVersion, minutes_of_escalated, versions
from desktop.services.issued_survey import issued_versions
from desktop.services.lookup import load
from desktop.services.minutes_gaps import forum_gaps
from desktop.services.surveys import issue_state_of
from desktop.sync.client import SyncUnavailable
from desktop.sync.engine import is_enrolled
from desktop.sync.files import fetch_one
from desktop.views.documents import OTHER_TITLES, TITLES
from desktop.views.look import icon, primary
from desktop.views.pdf_pages import page_images
from desktop.views.save_file import SavedNotice, ask_save_path
from desktop.views.wheel import guard_wheel
from protocol.vocab import FreezeCause

PAGE_SIZES = {
    "a4": QPageSize(QPageSize.PageSizeId.A4),
    "folio": QPageSize(QSizeF(215, 330), QPageSize.Unit.Millimeter, "Folio"),
}
PREVIEW_DPI = 80
log = logging.getLogger("mufakat.documents")


@dataclass(frozen=True)
class Version:
    """A frozen berita acara to choose (its number, 1 for the first closing), fixed on its paper;
    or an issued SKM report's version ("": on any paper)."""

    number: int
    label: str
    paper: str


@dataclass(frozen=True)
class DocumentSource:
    """What the preview shows: a title, the file name to propose (with its suffix), and how to
    build the PDF for a paper size and a version (None: from the data as they are now; called
    off the GUI thread). `versions`: the frozen berita acara to choose from, the one shown first
    first; `current` says whether the data as they are now is a choice too (a draft)."""

    title: str
    file_name: str
    build: Callable[[str, int | None], bytes]
    versions: tuple[Version, ...] = ()
    current: bool = True
    draft_label: str = ""  # the draft's name in the version list (a forum's by default)
    # What the draft prints empty (a berita acara: no number, no name under a signature, no
    # signing place), said above its preview; a frozen version prints what was agreed.
    draft_gaps: tuple[str, ...] = ()
    # The files it prints that are not on this laptop yet, to fetch from the server first (a
    # laptop that fetches files when they are opened): their SHA-256 and size; and how to fetch
    # one (off the GUI thread). None: nothing to fetch.
    wanted: Callable[[], list[tuple[str, int]]] | None = None
    fetch: Callable[[str, int], object] | None = None


def _version_label(version: MinutesVersion, zone: tzinfo | None) -> str:
    when = screen_time(version.frozen_at, zone)
    label = QCoreApplication.translate("Documents", "Version {number}, closed {when}").format(
        number=version.number, when=when
    )
    if version.cause == FreezeCause.UPGRADE:
        label += QCoreApplication.translate("Documents", " (frozen when Mufakat was upgraded)")
    return label


def _minutes_document(ws: Workspace, forum: Forum, title: str, name: str) -> DocumentSource:
    """A forum's berita acara: its frozen versions, and the draft until it is closed."""
    frozen = ws.read(versions, forum.id)
    closed = forum.status == ForumStatus.CLOSED and bool(frozen)
    choices = tuple(
        Version(v.number, _version_label(v, ws.ctx.zone), v.paper.value) for v in reversed(frozen)
    )
    forum_id = forum.id

    def minutes(paper: str, version: int | None) -> bytes:
        from desktop.documents.printed import forum_minutes_pdf

        return forum_minutes_pdf(ws, forum_id, version, None if version else paper)

    draft_gaps = () if closed else tuple(ws.read(forum_gaps, forum.id))
    return DocumentSource(title, name, minutes, choices, current=not closed, draft_gaps=draft_gaps)


def forum_document(ws: Workspace, forum_id: str, kind: str) -> DocumentSource:
    forum = ws.read(load, Forum, forum_id, "Forum")
    name = file_name(kind, forum.held_on, forum.title, ".pdf")
    title = QCoreApplication.translate("Documents", TITLES[kind])
    if kind == "minutes":
        return _minutes_document(ws, forum, title, name)

    def build(paper: str, _version: int | None) -> bytes:
        return build_forum_document(ws, kind, forum_id, paper)  # reportlab loads on first use

    def wanted() -> list[tuple[str, int]]:
        """Its photos not on this laptop (read on the GUI thread: a quick look at the store)."""
        missing = {i.sha256: i.size for i in photos_printed(ws, kind, forum_id) if not ws.files.has(i.sha256)}
        return list(missing.items())

    if not is_enrolled(ws):
        return DocumentSource(title, name, build)
    return DocumentSource(title, name, build, wanted=wanted, fetch=partial(fetch_one, ws))


def escalated_minutes_document(ws: Workspace, recommendation_id: str) -> DocumentSource | None:
    """The frozen berita acara of the forum an escalated recommendation came from, as the office
    above holds it (None: it holds none)."""
    frozen = ws.read(minutes_of_escalated, recommendation_id)
    if not frozen:
        return None
    last = frozen[-1]
    name = file_name("minutes", date.fromisoformat(last.held_on), last.title, ".pdf")
    ids = {v.number: v.id for v in frozen}

    def build(_paper: str, version: int | None) -> bytes:
        from desktop.documents.printed import minutes_pdf

        return minutes_pdf(ws, ids[version or last.number])

    choices = tuple(
        Version(v.number, _version_label(v, ws.ctx.zone), v.paper.value) for v in reversed(frozen)
    )
    title = QCoreApplication.translate("Documents", TITLES["minutes"])
    return DocumentSource(title, name, build, choices, current=False)


def survey_report_document(ws: Workspace, period_id: str, kind: str = "survey-report") -> DocumentSource:
    """The SKM report: each issued version as it was issued (the newest first), and the draft
    while none is in force; or the realisation of its RTL as of today."""
    period = ws.read(load, SurveyPeriod, period_id, "Survey period")
    name = file_name(kind, period.starts_on, period.title, ".pdf")
    title = QCoreApplication.translate("Documents", OTHER_TITLES[kind])

    def build(paper: str, version: int | None) -> bytes:
        from desktop.reports.survey import build_survey_report
        from desktop.reports.survey_actions import build_survey_actions_report
        from desktop.services.issued_survey import printed_document
        from desktop.services.report_data import survey_document

        if kind == "survey-report":  # an issued version as issued, else the draft
            return build_survey_report(ws.read(printed_document, period_id, version), paper=paper)
        return build_survey_actions_report(ws.read(survey_document, period_id), paper=paper, as_of=ws.ctx.today())

    if kind != "survey-report":
        return DocumentSource(title, name, build)
    state = ws.read(issue_state_of, period_id)
    in_force = state.version if state.issued else None
    choices = tuple(
        Version(
            v.number,
            QCoreApplication.translate("Documents", "Version {number}, issued {day}").format(
                number=v.number, day=v.issued_on.strftime("%d-%m-%Y")
            ),
            "",
        )
        for v in reversed(ws.read(issued_versions, period_id))
        if v.kept or v.number == in_force  # one issued before snapshots prints only while in force
    )
    draft = QCoreApplication.translate("Documents", "Draft (the questionnaires as they are now)")
    return DocumentSource(title, name, build, choices, current=in_force is None, draft_label=draft)


class DocumentDialog(QDialog):
    def __init__(self, source: DocumentSource, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._source = source
        self._jobs = Jobs(self)  # the PDF being made: dropped with this dialog, or by a newer choice
        self._fetching: list[tuple[str, int]] | None = None  # the photos fetched before the first build
        self._offline = False  # the server could not be reached for them
        self.pdf: bytes | None = None
        self.setWindowTitle(source.title)
        # as tall as the screen allows: on a 1366x768 laptop the taskbar leaves 697 px, title bar included
        screen = QGuiApplication.primaryScreen()
        room = screen.availableGeometry().height() - 40 if screen is not None else 700
        self.resize(760, min(700, room))

        self.paper = QComboBox()
        self.paper.addItem("A4", "a4")
        self.paper.addItem(self.tr("Folio (215 × 330 mm)"), "folio")
        self.paper.currentIndexChanged.connect(self.build)
        # A forum's berita acara: each version frozen when it closed, and (until it is closed)
        # the draft from the data as they are now. A frozen one prints on its own paper.
        self.version = QComboBox()
        if source.current:
            self.version.addItem(source.draft_label or self.tr("Draft (the forum as it is now)"), None)
        for version in source.versions:
            self.version.addItem(version.label, version.number)
        self.version.currentIndexChanged.connect(self._version_chosen)
        self.version_label = QLabel(self.tr("&Version"))
        self.version_label.setBuddy(self.version)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.gaps = QLabel("\n".join(source.draft_gaps))
        self.gaps.setWordWrap(True)
        self.gaps.setStyleSheet("color: #8a5a00;")
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
        if source.versions:
            top.addWidget(self.version_label)
            top.addWidget(self.version)
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
        layout.addWidget(self.gaps)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.notice)
        layout.addLayout(bottom)
        self._version_chosen()
        guard_wheel(self)  # the wheel scrolls; it changes a field only with the focus

    # -- building -------------------------------------------------------------------------

    @property
    def paper_name(self) -> str:
        return str(self.paper.currentData())

    @property
    def version_number(self) -> int | None:
        number = self.version.currentData()
        return int(number) if number is not None else None

    def _version_chosen(self) -> None:
        """A frozen berita acara shows on the paper it was frozen on (the choice is locked)."""
        number = self.version_number
        frozen = next((v for v in self._source.versions if v.number == number), None)
        self.gaps.setVisible(frozen is None and bool(self._source.draft_gaps))
        self.paper.setEnabled(frozen is None or not frozen.paper)
        if frozen is not None and frozen.paper and self.paper_name != frozen.paper:
            self.paper.blockSignals(True)
            self.paper.setCurrentIndex(self.paper.findData(frozen.paper))
            self.paper.blockSignals(False)
        self.build()

    def build(self) -> None:
        """(Re)build the PDF in the background for the chosen paper and version; the photos it
        prints that are not on this laptop are fetched from the server first, one by one."""
        self.pdf = None
        self._set_ready(False)
        self.status.setStyleSheet("")
        if self._source.wanted is not None and self._fetching is None:
            self._fetching = self._source.wanted()
            self._fetch_next(0)
            return
        self.status.setText(self.tr("Preparing the document…"))
        build, paper, version = self._source.build, self.paper_name, self.version_number
        self._jobs.run(lambda: build(paper, version), self._show, self._failed, slot="build")

    def _fetch_next(self, done: int) -> None:
        wanted, fetch = self._fetching or [], self._source.fetch
        if done >= len(wanted) or fetch is None:
            self.build()
            return
        self.status.setText(
            self.tr("Fetching the photos from the server: {done} of {total}…").format(
                done=number(done), total=number(len(wanted))
            )
        )
        sha256, size = wanted[done]

        def failed(error: BaseException) -> None:
            if isinstance(error, SyncUnavailable):  # offline: the rest print as placeholders
                self._offline = True
                self.build()
            else:  # not on the server (yet): that one prints as a placeholder, the others come
                self._fetch_next(done + 1)

        self._jobs.run(lambda: fetch(sha256, size), lambda _p: self._fetch_next(done + 1), failed, slot="build")

    def done(self, result: int) -> None:
        """Closed: a PDF still being made is not wanted any more."""
        self._jobs.cancel()
        super().done(result)

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
        if self._offline:
            self.status.setText(
                self.status.text()
                + " "
                + self.tr(
                    "The server could not be reached: photos not on this laptop print as a box that says "
                    "where they are. Open the document again once online to print them."
                )
            )
            self.status.setStyleSheet("color: #8a5a00;")
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
