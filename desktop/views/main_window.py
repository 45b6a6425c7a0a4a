"""The main window: navigation between Forums, Triage, Escalations (when this office has
received any), Follow-up, Survey, "Perlu perhatian" (on a laptop that syncs: what the server
refused and values that lost elsewhere, with a count badge) and Settings; an open forum's
workspace; the sync state in the status bar, with the same count. A laptop with no office and
no server starts on the first-run set-up instead. Nothing typed is dropped on close: free text
is saved, an unsaved recommendation is asked about."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QColor, QGuiApplication, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.app.user_session import UserSession
from desktop.app.workspace import Workspace
from desktop.models import Forum
from desktop.services.lookup import load
from desktop.services.news import ANSWERED, ARRIVED, mark_seen, news_of
from desktop.services.office import is_enrolled, needs_set_up
from desktop.services.units import home_unit
from desktop.store.drafts import Drafts, still_unsaved
from desktop.sync.controller import SyncController, SyncState, SyncStatus
from desktop.views.attention_page import AttentionPage
from desktop.views.escalations_page import EscalationsPage
from desktop.views.first_run import FirstRunPage
from desktop.views.followup_page import FollowUpPage
from desktop.views.forums_page import ForumsPage
from desktop.views.idle_watch import IdleWatch
from desktop.views.look import ACCENT, icon
from desktop.views.nav_badge import BadgeDelegate, badge_of, set_badge
from desktop.views.office_banner import OfficeBanner
from desktop.views.settings_page import SettingsPage
from desktop.views.sign_in_page import SignInPage
from desktop.views.signed_in_badge import SignedInBadge
from desktop.views.survey_page import SurveyPage
from desktop.views.sync_status import SyncStatusBar
from desktop.views.triage_page import TriagePage
from desktop.views.wheel import guard_wheel

if TYPE_CHECKING:
    from desktop.views.forum_workspace import ForumWorkspace

FORUMS, TRIAGE, ESCALATIONS, FOLLOW_UP, SURVEY, ATTENTION, SETTINGS = range(7)
NAV_ICONS = ("forums", "triage", "escalations", "follow-up", "survey", "attention", "settings")
SIDEBAR_WIDTH = 184
Page = ForumsPage | TriagePage | EscalationsPage | FollowUpPage | SurveyPage | AttentionPage | SettingsPage


class MainWindow(QMainWindow):
    language_changed = Signal(str)

    def __init__(
        self,
        ws: Workspace,
        sync: SyncController,
        drafts: Drafts | None = None,
        user_session: UserSession | None = None,
    ) -> None:
        """`user_session`: who works here (the shell keeps it across a rebuilt window)."""
        super().__init__()
        self._ws = ws
        self.user_session = user_session or UserSession(ws)
        self._drafts = drafts
        self._retired = False
        self._office_name = ""  # shown in the title once the office exists
        self.setWindowTitle("Mufakat")
        self.setMinimumSize(800, 520)
        self.fit_to_screen()
        self.forums = ForumsPage(ws)
        self.triage = TriagePage(ws)
        self.escalations = EscalationsPage(ws)
        self.follow_up = FollowUpPage(ws)
        self.survey = SurveyPage(ws)
        self.attention = AttentionPage(ws)
        self.settings = SettingsPage(
            ws, sync, may_switch_language=self.confirm_close, user_session=self.user_session
        )
        self.settings.users.changed.connect(self._show_user)
        self._sync = sync
        self.workspace: ForumWorkspace | None = None  # the open forum, if any
        self.stack = QStackedWidget()
        self.pages: list[Page] = [
            self.forums,
            self.triage,
            self.escalations,
            self.follow_up,
            self.survey,
            self.attention,
            self.settings,
        ]
        for page in self.pages:
            self.stack.addWidget(page)
        self.nav = QListWidget()
        self.nav.addItems(
            [
                self.tr("Forums"),
                self.tr("Triage"),
                self.tr("Escalations"),
                self.tr("Follow-up"),
                self.tr("Survey (SKM)"),
                self.tr("Needs attention"),
                self.tr("Settings"),
            ]
        )
        self.nav.setObjectName("navigation")
        self.nav.setIconSize(QSize(20, 20))
        for row, name in enumerate(NAV_ICONS):
            self.nav.item(row).setIcon(icon(name, active="white"))
        self.nav.setItemDelegate(BadgeDelegate(self.nav))
        self.nav.currentRowChanged.connect(self.show_page)
        self.office = OfficeBanner()
        sidebar = QWidget()
        sidebar.setObjectName("sidebar")
        sidebar.setFixedWidth(SIDEBAR_WIDTH)
        side = QVBoxLayout(sidebar)
        side.setContentsMargins(6, 6, 6, 6)
        side.addWidget(self.office)
        side.addWidget(self.nav, 1)
        self.badge = SignedInBadge()
        self.badge.lock_requested.connect(self.lock)
        self.badge.sign_out_requested.connect(self.sign_out)
        side.addWidget(self.badge)
        self.sidebar = sidebar
        body = QWidget()
        layout = QHBoxLayout(body)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(sidebar)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(body)
        self.sync_bar = SyncStatusBar(sync)
        self.statusBar().addPermanentWidget(self.sync_bar, 1)
        self.sync_bar.attention_requested.connect(self.show_attention)
        sync.status_changed.connect(self._sync_status)
        self.attention.changed.connect(self._attention_changed)
        self.triage.pane.marker_resolved.connect(sync.refresh_attention)
        self.forums.open_requested.connect(self.open_forum)
        self.follow_up.open_forum.connect(self.open_forum)
        self.escalations.changed.connect(self.triage.reload)
        self.settings.language_changed.connect(self.language_changed)
        self.settings.office_changed.connect(self._office_changed)
        for number in range(len(self.pages)):
            QShortcut(QKeySequence(f"Ctrl+{number + 1}"), self, lambda n=number: self.go_to_visible(n))
        QShortcut(QKeySequence("F9"), self, sync.sync_now)
        QShortcut(QKeySequence("Ctrl+F"), self, self._find)
        self._update_nav()
        self.nav.blockSignals(True)  # the forum list has just loaded itself
        self.nav.setCurrentRow(FORUMS)
        self.nav.blockSignals(False)
        self.stack.currentChanged.connect(lambda _i: self._show_title())
        # The door: signing in when the office has users, unlocking after idle.
        self.door = SignInPage(self.user_session)
        self.door.signed_in.connect(self._signed_in)
        self.door.unlocked.connect(self._unlocked)
        self.door.signed_out.connect(self.sign_out)
        self.stack.addWidget(self.door)
        self._locked_from: QWidget | None = None  # what the lock covers, shown again at unlock
        self._door_up = False
        self.idle = IdleWatch(ws.settings.lock_minutes * 60_000, self)
        self.idle.idle.connect(self.lock)
        self.settings.lock_minutes_changed.connect(lambda minutes: self.idle.set_timeout(minutes * 60_000))
        self.first_run: FirstRunPage | None = None
        if ws.read(needs_set_up):
            self._start_first_run(sync)
        elif self.user_session.needs_sign_in():
            self._show_door()
        else:
            self._show_user()
            self.forums.search.setFocus()  # type part of a forum's title, Enter opens it
        self._show_office()
        guard_wheel(self)  # the wheel scrolls; it changes a field only with the focus

    # -- first run -----------------------------------------------------------------------------
    def _start_first_run(self, sync: SyncController) -> None:
        self.first_run = FirstRunPage(self._ws, sync)
        self.first_run.done.connect(self._first_run_done)
        self.first_run.language_changed.connect(self.language_changed)
        self.stack.addWidget(self.first_run)
        self.stack.setCurrentWidget(self.first_run)
        self.sidebar.hide()  # nothing to go to before the office exists
        self.first_run.setFocus()

    def _first_run_done(self) -> None:
        page = self.first_run
        if page is None:
            return
        self.first_run = None
        self.stack.removeWidget(page)
        page.deleteLater()
        self._office_changed()
        if self.user_session.needs_sign_in():  # an enrolled laptop brought the office's users
            self._show_door()
            return
        self.sidebar.show()
        self.settings.reload()
        self._show_user()
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(FORUMS)
        self.nav.blockSignals(False)
        self.show_page(FORUMS)
        self.forums.setFocus()

    # -- who works here ------------------------------------------------------------------------
    def door_shown(self) -> bool:
        """The sign-in or lock screen is up: nothing else can be reached."""
        return self._door_up

    def _show_door(self) -> None:
        self.idle.stop()
        self._locked_from = None
        self._door_up = True
        self.sidebar.hide()
        self.door.show_sign_in()
        self.stack.setCurrentWidget(self.door)
        self.door.setFocus()

    def _show_user(self) -> None:
        """The person signed in at the foot of the navigation; what their roles may not do hidden;
        the idle lock counting (a laptop whose office has no users yet never locks)."""
        user = self.user_session.current
        self.badge.show_user(user)
        self.apply_roles()
        if user is not None:
            self.idle.start()
        else:
            self.idle.stop()

    def apply_roles(self) -> None:
        """Views hide what the person signed in may not do (the services refuse it anyway)."""
        may = self.user_session.may
        self.settings.apply_roles(may)
        self.forums.apply_roles(may)
        self.survey.apply_roles(may)
        self.triage.apply_roles(may)
        self.escalations.apply_roles(may)
        if self.workspace is not None:
            self.workspace.apply_roles(may)

    def lock(self) -> None:
        """Idle (or "Kunci"): the window shows the lock; every page keeps what was typed."""
        if self.user_session.current is None or self.door_shown() or self.first_run is not None:
            return
        if self.workspace is not None:
            self.workspace.flush()  # free text saved; a line being typed stays in its field
        self._locked_from = self.stack.currentWidget()
        self._door_up = True
        self.idle.stop()
        self.sidebar.hide()
        self.door.show_lock()
        self.stack.setCurrentWidget(self.door)

    def _unlocked(self) -> None:
        back = self._locked_from or self.forums
        self._locked_from = None
        self._door_up = False
        self.sidebar.show()
        self.stack.setCurrentWidget(back)
        self._show_user()
        back.setFocus()

    def _signed_in(self) -> None:
        self._door_up = False
        self.sidebar.show()
        self._show_user()
        self.settings.reload()
        back = self.workspace if self.workspace is not None else self.forums
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(FORUMS)
        self.nav.blockSignals(False)
        self.stack.setCurrentWidget(back)  # the door leaves first: no page is shown behind it
        if back is self.forums:
            self.show_page(FORUMS)
        back.setFocus()
        QTimer.singleShot(0, self.offer_drafts)  # typing left by a crash, offered to whoever signs in

    def sign_out(self) -> None:
        """"Keluar": what is typed in the open forum is saved or asked about first."""
        if self.workspace is not None:
            if not self.workspace.confirm_leave():
                return
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
            self.workspace = None
        self.user_session.sign_out()
        self._show_user()
        self._show_door()

    def _check_user(self) -> None:
        """After a sync: a person deactivated meanwhile is signed out (the door says why); one
        whose roles changed sees what they may do now."""
        if self.user_session.current is None:
            if self.user_session.needs_sign_in() and not self.door_shown() and self.first_run is None:
                self._show_door()
            return
        name = self.user_session.current.name
        if self.user_session.still_allowed():
            self._show_user()
            return
        self.badge.show_user(None)
        self._show_door()
        self.door.message.error(
            self.tr("{name} was deactivated by the office's administrator and is signed out.").format(name=name)
        )

    def _show_office(self) -> None:
        """The office's name and logo above the navigation, its short name in the title."""
        unit = self._ws.read(home_unit, self._ws.ctx.home_unit_id)
        self._office_name = unit.name if unit else ""
        self.office.show_office(unit)
        self._show_title()

    def fit_to_screen(self) -> None:
        """The screen's available area (the taskbar left free); shown maximised by the app."""
        screen = self.screen() or QGuiApplication.primaryScreen()
        if screen is not None:
            self.setGeometry(screen.availableGeometry())

    # -- navigation ----------------------------------------------------------------------------
    def _update_nav(self) -> None:
        self.nav.item(ESCALATIONS).setHidden(not self.escalations.has_any())
        self._show_attention_count(self._sync.status().attention)
        self._show_news()

    def _show_news(self) -> None:
        """Badges in the office blue: escalations that arrived for this office (on Eskalasi) and
        answers that came back to ours (on Triase, where the answered recommendations are),
        until the page showing them has been on the screen."""
        unit_id = self._ws.ctx.home_unit_id
        current = self.stack.currentWidget()
        for page, kind in ((self.escalations, ARRIVED), (self.triage, ANSWERED)):
            if current is page and self.isVisible():
                with self._ws.store.write() as session:  # local: no record changes, nothing syncs
                    mark_seen(session, unit_id, kind)
        news = self._ws.read(news_of, unit_id)
        for row, count, spoken in (
            (ESCALATIONS, news.arrived, self.tr("New escalations: {n}")),
            (TRIAGE, news.answered, self.tr("Answers to our escalations: {n}")),
        ):
            item = self.nav.item(row)
            if badge_of(item) != count:
                set_badge(item, count, spoken.format(n=count), QColor(ACCENT))
                self.nav.viewport().update()

    def _show_attention_count(self, count: int) -> None:
        """The badge on "Perlu perhatian"; the entry shows on a laptop that syncs (or holds
        anything needing attention)."""
        item = self.nav.item(ATTENTION)
        item.setHidden(count == 0 and not self._ws.read(is_enrolled))
        if badge_of(item) != count:
            set_badge(item, count, self.tr("Needs attention: {n}").format(n=count))
            self.nav.viewport().update()

    def show_attention(self) -> None:
        """Go to "Perlu perhatian" (the status bar's count was clicked)."""
        self._office_ready()
        if self.first_run is None:
            self.nav.item(ATTENTION).setHidden(False)
            self.nav.setCurrentRow(ATTENTION)

    def _attention_changed(self) -> None:
        """A choice in "Perlu perhatian" went through: what it changed shows everywhere."""
        self._sync.refresh_attention()
        self.triage.reload()

    def visible_rows(self) -> list[int]:
        return [row for row in range(self.nav.count()) if not self.nav.item(row).isHidden()]

    def _office_ready(self) -> None:
        """The set-up is over once the laptop has an office, however it got one (the demo or an
        enrollment from a terminal, meanwhile): the next step leaves it."""
        if self.first_run is not None and not self._ws.read(needs_set_up):
            self._first_run_done()

    def go_to_visible(self, number: int) -> None:
        """Ctrl+N: the N-th place the navigation list shows (a hidden one is not counted)."""
        self._office_ready()
        rows = self.visible_rows() if self.sidebar.isVisible() else []
        if number < len(rows):
            self.nav.setCurrentRow(rows[number])

    def show_page(self, row: int) -> None:
        self._office_ready()
        if row < 0 or self.first_run is not None or self.door_shown():
            return
        if row != FORUMS and self.workspace is not None and self.stack.currentWidget() is self.workspace:
            self.workspace.flush()
        page = self.pages[row]
        self.stack.setCurrentWidget(page)
        page.reload()
        self._show_news()  # what this page shows is seen

    def open_forum(self, forum_id: str) -> ForumWorkspace | None:
        self._office_ready()
        if self.door_shown():
            return None
        if self.workspace is not None:
            if self.workspace.forum_id == forum_id:
                self.stack.setCurrentWidget(self.workspace)
                self.nav.blockSignals(True)
                self.nav.setCurrentRow(FORUMS)
                self.nav.blockSignals(False)
                return self.workspace
            if not self.workspace.confirm_leave():
                return None
            self.stack.removeWidget(self.workspace)
            self.workspace.deleteLater()
        from desktop.views.forum_workspace import ForumWorkspace  # loaded when first needed

        self.workspace = ForumWorkspace(self._ws, forum_id, self._drafts)
        self.workspace.apply_roles(self.user_session.may)
        self.workspace.back_requested.connect(self.back_to_forums)
        self.workspace.changed.connect(self.forums.refresh)
        self.workspace.changed.connect(self._show_title)
        self.stack.addWidget(self.workspace)
        self.stack.setCurrentWidget(self.workspace)
        self.nav.blockSignals(True)
        self.nav.setCurrentRow(FORUMS)
        self.nav.blockSignals(False)
        return self.workspace

    def _show_title(self) -> None:
        """The open forum's title first (the taskbar shows which forum this window holds), then
        the app and the office."""
        title = f"Mufakat — {self._office_name}" if self._office_name else "Mufakat"
        if self.workspace is not None and self.stack.currentWidget() is self.workspace:
            title = f"{self.workspace.title} — {title}"
        self.setWindowTitle(title)

    def back_to_forums(self) -> None:
        if self.workspace is not None:
            self.workspace.flush()
        self.forums.refresh()
        self.stack.setCurrentWidget(self.forums)

    def _find(self) -> None:
        if self.door_shown():
            return
        if self.stack.currentWidget() is self.triage:
            self.triage.focus_filter()
        else:
            self.forums.search.setFocus()

    def _office_changed(self) -> None:
        if self.workspace is not None:  # an open forum shows the office's rules (its PEKPPP mapping)
            self.workspace.refresh()
        self.escalations.reload()
        self._update_nav()
        self._show_office()

    def _sync_status(self, status: SyncStatus) -> None:
        if status.state != SyncState.UP_TO_DATE:
            return
        if (status.moved is not None and status.moved.pulled) or self._ws.close_settled():
            self.refresh_all()
        if badge_of(self.nav.item(ATTENTION)) != status.attention:
            self._show_attention_count(status.attention)
            if self.stack.currentWidget() is self.attention:
                self.attention.reload()

    def refresh_all(self) -> None:
        """After a sync brought changes: the page on screen reads again; typed text is kept."""
        self._ws.settle_office()  # the office's settings may have changed elsewhere
        self._office_ready()
        self._check_user()
        self._show_office()
        self.escalations.reload()
        self._update_nav()
        current = self.stack.currentWidget()
        if current is self.workspace and self.workspace is not None:
            self.workspace.refresh()
        elif current in self.pages:
            self.pages[self.pages.index(current)].reload()
        if current is not self.workspace and self.workspace is not None and self.workspace.projector is not None:
            self.workspace.projector.reload()  # the room's screen follows whatever page is open here

    # -- typing kept through a crash -----------------------------------------------------------
    def offer_drafts(self) -> None:
        """At start: typing left by a crash or a power cut is offered back."""
        if self._drafts is None or self.door_shown() or self.first_run is not None:
            return  # offered once someone signed in
        waiting = [d for d in self._drafts.all() if self._ws.read(still_unsaved, d)]
        if not waiting:
            self._drafts.clear()
            return
        forum_id = waiting[0].forum_id  # one forum is open at a time: its typing
        forum = self._ws.read(load, Forum, forum_id, "Forum")
        kinds = {"capture": self.tr("recommendation"), "attendance": self.tr("sign-in")}
        typed = "\n".join(
            f"• {kinds[d.kind]}: “{' · '.join(v for k, v in d.fields.items() if k != 'scope')}”"
            for d in waiting
            if d.forum_id == forum_id
        )
        answer = QMessageBox.question(
            self,
            self.tr("Unsaved typing"),
            self.tr("Mufakat closed before this typing in “{forum}” was saved:\n\n{typed}\n\nRestore it?").format(
                forum=forum.title, typed=typed
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.Yes,
        )
        for other in {d.forum_id for d in self._drafts.all()} - {forum_id}:
            for kind in ("capture", "attendance"):
                self._drafts.drop(other, kind)
        if answer != QMessageBox.StandardButton.Yes:
            self._drafts.clear()
            return
        workspace = self.open_forum(forum_id)
        if workspace is not None:
            workspace.restore_drafts()

    # -- closing -------------------------------------------------------------------------------
    def confirm_close(self) -> bool:
        return self._retired or self.workspace is None or self.workspace.confirm_leave()

    def retire(self) -> None:
        """This window has been replaced (the language changed, after `confirm_close`): closing
        it asks nothing more."""
        self._retired = True
        self.idle.close()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.confirm_close():
            event.accept()
        else:
            event.ignore()
