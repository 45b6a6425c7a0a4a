"""One forum, open: its details, attendance, agenda, live capture and agreements in tabs, with
its documents one click away."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from html import escape
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMenu,
    QMessageBox,
    QPushButton,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.app.workspace import Workspace
from desktop.core.vocab import ForumStatus, label
from desktop.models import Forum
from desktop.services.evidence_pack import PackScope
from desktop.services.lookup import load
from desktop.store.drafts import Drafts
from desktop.views.agenda_tab import AgendaTab
from desktop.views.attachments_panel import AttachmentsPanel
from desktop.views.attendance_tab import AttendanceTab
from desktop.views.capture_tab import CaptureTab
from desktop.views.details_tab import DetailsTab
from desktop.views.documents import TITLES
from desktop.views.evidence_pack import PackProgress
from desktop.views.look import icon
from desktop.views.summary_tab import SummaryTab
from desktop.views.wheel import guard_wheel
from protocol.roles import Act
from protocol.vocab import AttachmentOwner

ReadOnlyTab = DetailsTab | AttendanceTab | AgendaTab | CaptureTab | SummaryTab

if TYPE_CHECKING:
    from desktop.views.document_dialog import DocumentDialog
    from desktop.views.projector import ProjectorWindow


class ForumWorkspace(QWidget):
    back_requested = Signal()
    changed = Signal()

    def __init__(
        self, ws: Workspace, forum_id: str, drafts: Drafts | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._ws = ws
        self.forum_id = forum_id
        self._drafts = drafts
        self.may: Callable[[Act], bool] = lambda _act: True  # the person signed in (apply_roles)
        self.heading = QLabel()
        self.closed_banner = QLabel(
            self.tr(
                "This forum is closed: its minutes are final and nothing in it can be changed. "
                "To correct it, reopen it in Details (the reason is recorded)."
            )
        )
        self.closed_banner.setWordWrap(True)
        self.closed_banner.setStyleSheet(
            "background: #fff3cd; color: #664d03; padding: 6px; border-radius: 4px; font-weight: bold;"
        )
        self.projector: ProjectorWindow | None = None
        self.projector_button = QPushButton(icon("projector"), self.tr("&Projector view"))
        self.projector_button.setToolTip(
            self.tr(
                "Show the recommendations in large type on the room's projector as they are saved "
                "(no names of who raised them); F11 in it: full screen"
            )
        )
        self.projector_button.clicked.connect(self.open_projector)
        back = QPushButton(icon("back"), self.tr("Forums"))
        back.clicked.connect(self.back_requested)
        documents = QToolButton()
        documents.setText(self.tr("Documents"))
        documents.setIcon(icon("documents"))
        documents.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        documents.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(documents)
        for kind, title in TITLES.items():
            menu.addAction(QCoreApplication.translate("Documents", title), partial(self.open_document, kind))
        menu.addSeparator()
        self.pack_action = menu.addAction(self.tr("&Evidence pack (paket bukti)…"), self.make_evidence_pack)
        self.pack_action.setToolTip(
            self.tr(
                "One ZIP for an evaluator: the documents, the signed attendance scan, the photos, and an "
                "index of the PEKPPP indicators each serves and of what is still missing"
            )
        )
        menu.setToolTipsVisible(True)
        documents.setMenu(menu)
        self.documents_button = documents
        self.pack = PackProgress(ws)
        self.details = DetailsTab(ws, forum_id)
        self.attendance = AttendanceTab(ws, forum_id, drafts)
        self.agenda = AgendaTab(ws, forum_id)
        self.capture = CaptureTab(ws, forum_id, drafts)
        self.summary = SummaryTab(ws, forum_id)
        self.files = AttachmentsPanel(ws, AttachmentOwner.FORUM, forum_id)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.details, self.tr("&Details"))
        self.tabs.addTab(self.attendance, self.tr("&Attendance"))
        self.tabs.addTab(self.agenda, self.tr("A&genda"))
        self.tabs.addTab(self.capture, self.tr("&Recommendations"))
        self.tabs.addTab(self.summary, self.tr("Agreements and &summary"))
        self.tabs.addTab(self.files, self.tr("Ph&otos and files"))
        self.tabs.currentChanged.connect(self._tab_shown)
        for number in range(6):
            QShortcut(QKeySequence(f"Alt+{number + 1}"), self, partial(self.tabs.setCurrentIndex, number))
        self.details.changed.connect(self._details_changed)
        top = QHBoxLayout()
        top.addWidget(back)
        top.addWidget(self.heading, 1)
        top.addWidget(self.projector_button)
        top.addWidget(documents)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.closed_banner)
        layout.addWidget(self.pack)
        layout.addWidget(self.tabs, 1)
        self._show_heading()
        guard_wheel(self)  # the wheel scrolls; it changes a field only with the focus

    def _show_heading(self) -> None:
        """The title, date, venue and state; a closed forum is read-only in every tab."""
        forum = self._ws.read(load, Forum, self.forum_id, "Forum")
        self.title = forum.title
        facts = (forum.held_on.strftime("%d-%m-%Y"), forum.venue.strip(), label(forum.status))
        self.heading.setText(f"<h2>{escape(forum.title)}</h2>" + " · ".join(escape(f) for f in facts if f))
        closed = forum.status == ForumStatus.CLOSED
        self.closed_banner.setVisible(closed)
        # A tab takes changes only from who may make them (the services refuse them anyway).
        may = self.may
        tabs: tuple[tuple[ReadOnlyTab, Act], ...] = (
            (self.details, Act.PLAN_FORUM),
            (self.attendance, Act.SIGN_IN),
            (self.agenda, Act.PLAN_FORUM),
            (self.capture, Act.CAPTURE),
            (self.summary, Act.PLAN_FORUM),
        )
        for tab, act in tabs:
            tab.set_read_only(closed or not may(act))
        # Photos and scans come in after the forum closed (the signed list is scanned later).
        self.files.set_read_only(not may(Act.ATTACH))

    def apply_roles(self, may: Callable[[Act], bool]) -> None:
        """What the person signed in may change in this forum (MainWindow.apply_roles)."""
        self.may = may
        self._show_heading()

    def _details_changed(self) -> None:
        self._show_heading()
        self.changed.emit()

    def _tab_shown(self, index: int) -> None:
        page = self.tabs.widget(index)
        reload = getattr(page, "reload", None)
        if reload is not None and page is not self.details:
            reload()
        if page is self.capture:  # the line to type into has the cursor
            self.capture.text.setFocus(Qt.FocusReason.TabFocusReason)
        elif page is self.attendance:
            self.attendance.name.setFocus(Qt.FocusReason.TabFocusReason)

    def restore_drafts(self) -> None:
        """What was typed here before the app stopped, back in its lines (not saved)."""
        if self._drafts is None:
            return
        restored = None
        for tab, kind in ((self.attendance, "attendance"), (self.capture, "capture")):
            draft = self._drafts.of(self.forum_id, kind)
            if draft is not None:
                tab.restore(draft)
                restored = tab
        if restored is not None:
            self.tabs.setCurrentWidget(restored)

    def refresh(self) -> None:
        """After a sync brought changes: read everything again (typed text is kept)."""
        self.flush()
        self._show_heading()
        if self.projector is not None:
            self.projector.reload()
        current = self.tabs.currentWidget()
        reload = getattr(current, "reload", None)
        if reload is not None:
            reload()

    def open_projector(self) -> ProjectorWindow:
        """The projector window of this forum (one; opened again it comes to the front)."""
        from desktop.views.projector import ProjectorWindow

        if self.projector is None:
            self.projector = ProjectorWindow(self._ws, self.forum_id, self)
            self.projector.destroyed.connect(self._projector_gone)
            self.projector.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.projector.present(self.window().screen())
        return self.projector

    def _projector_gone(self) -> None:
        self.projector = None

    def open_document(self, kind: str) -> DocumentDialog:
        from desktop.views.document_dialog import DocumentDialog, forum_document  # pdfium: on first use

        self.flush()
        dialog = DocumentDialog(forum_document(self._ws, self.forum_id, kind), self)
        dialog.show()
        return dialog

    def make_evidence_pack(self) -> QFileDialog | None:
        """The forum's evidence pack: where to save it, then made in the background."""
        self.flush()
        return self.pack.ask(PackScope.of_forum(self.forum_id))

    def flush(self) -> None:
        """Save what is typed in the free-text fields."""
        self.details.flush()
        self.summary.flush()

    def confirm_leave(self) -> bool:
        """Before the forum is closed or the app quits: save typed text; ask about a typed but
        unsaved recommendation. False means the user chose to stay."""
        self.flush()
        if not self.capture.pending_text():
            return True
        self.tabs.setCurrentWidget(self.capture)
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved recommendation"),
            self.tr("A recommendation is typed but not saved:\n\n“{text}”\n\nSave it?").format(
                text=self.capture.pending_text()[:300]
            ),
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel,
        )
        if answer == QMessageBox.StandardButton.Save:
            return self.capture.save()
        if answer == QMessageBox.StandardButton.Discard:
            self.capture.discard_pending()
            return True
        return False
