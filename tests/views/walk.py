"""A walk over everything the app shows, for the checks that must hold on every screen (it fits;
it speaks the user's language): the first-run set-up, the places of an office with nothing yet
(what to do next), every place of the navigation with its
first row chosen (the triage board's pane then shows a recommendation), every tab of a running
and of a closed forum, the projector view, the parent office's inbox, every dialog class of
desktop/views, and the questions the triage actions ask. Nothing is listed by hand: the places
and tabs are read from the window, the dialogs from the package, and the walk fails if any
widget class of desktop/views was never on screen (a new screen must be reached here)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QAbstractItemView, QApplication, QDialog, QTableView, QWidget
from pytestqt.qtbot import QtBot

import desktop.views
from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.models import Conflict, Recommendation, RejectedOp
from desktop.services import attachments, demo, forums
from desktop.services import recommendations as recs
from desktop.services.units import create_unit, set_home_unit
from desktop.views.forum_workspace import ForumWorkspace
from desktop.views.main_window import MainWindow
from desktop.views.rec_actions import BULK_ACTIONS, PROMPTS, perform
from protocol.entities import RECOMMENDATIONS
from protocol.ids import new_id
from protocol.vocab import AttachmentOwner
from tests.attachments import samples
from tests.views.drive import rows
from tests.views.screens import BUILDERS, dialog_classes

Visit = Callable[[str, QWidget], None]
ROWS_SHOWN = 12  # rows of a list chosen one after the other (the demo's show every state)


def view_classes() -> set[type[QWidget]]:
    """Every widget class defined in desktop/views."""
    found: set[type[QWidget]] = set()
    for module in pkgutil.iter_modules(desktop.views.__path__):
        loaded = importlib.import_module(f"desktop.views.{module.name}")
        for _name, obj in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(obj, QWidget) and obj.__module__ == loaded.__name__:
                found.add(obj)
    return found


class Walk:
    """Shows each screen in turn and hands it to `visit` (while it is on screen, laid out at the
    window's size); remembers which widget classes it met."""

    def __init__(self, qtbot: QtBot, visit: Visit, size: tuple[int, int]) -> None:
        self.qtbot = qtbot
        self._visit = visit
        self.size = size
        self.seen: set[type[QWidget]] = set()
        self._shells: list[Shell] = []

    def visit(self, name: str, top: QWidget) -> None:
        QApplication.processEvents()  # layouts settle before anything is measured
        self.seen.add(type(top))
        self.seen.update(type(w) for w in top.findChildren(QWidget))
        self._visit(name, top)

    def shell(self, ws: Workspace) -> MainWindow:
        made = Shell(ws)
        window = made.window
        window.resize(*self.size)  # the area a maximised window gets on this screen
        with self.qtbot.waitActive(window):
            window.show()
            window.activateWindow()
        self._shells.append(made)
        return window

    def close(self) -> None:
        for made in self._shells:
            made.window.retire()
            made.window.close()
            made.close()
            made.translations.switch("en")  # as the tests expect it
        self._shells.clear()

    # -- the parts ---------------------------------------------------------------------------
    def first_run(self, folder: Path, language: str) -> None:
        ws = Workspace.open(folder, Settings(language=language, operator="Tester"))
        try:
            window = self.shell(ws)
            assert window.first_run is not None
            self.visit("first-run set-up", window)
        finally:
            self.close()
            ws.close()

    def new_office(self, folder: Path, language: str) -> None:
        """An office just set up: every place empty, saying what to do next."""
        ws = Workspace.open(folder, Settings(language=language, operator="Tester"))
        try:
            ws.write(set_home_unit, ws.write(create_unit, code="KPPN-SORONG", name="KPPN Sorong"))
            self.pages(self.shell(ws), prefix="new office: ")
        finally:
            self.close()
            ws.close()

    def pages(self, window: MainWindow, prefix: str = "") -> None:
        for row in range(window.nav.count()):
            page = window.pages[row]
            window.nav.setCurrentRow(row)
            if window.stack.currentWidget() is not page:  # the row was current already
                window.show_page(row)
            self.qtbot.waitUntil(lambda page=page: window.stack.currentWidget() is page)
            loaded = getattr(page, "loaded", None)
            if loaded is not None:
                self.qtbot.waitUntil(loaded)
            if hasattr(page, "shown_generation"):
                self.qtbot.waitUntil(lambda page=page: page.shown_generation == page._generation)
            name = f"{prefix}{window.nav.item(row).text()}"
            self.visit(name, window)  # as it opens
            view = _main_list(page)
            for number in range(min(view.model().rowCount(), ROWS_SHOWN) if view is not None else 0):
                assert view is not None
                view.setCurrentIndex(view.model().index(number, 0))  # each state of its detail
                self.visit(f"{name}, row {number + 1} chosen", window)

    def forum(self, window: MainWindow, forum_id: str, label: str) -> None:
        workspace = window.open_forum(forum_id)
        assert isinstance(workspace, ForumWorkspace)
        for index in range(workspace.tabs.count()):
            workspace.tabs.setCurrentIndex(index)
            _choose_first_row(workspace.tabs.widget(index))
            self.visit(f"{label} forum, tab {workspace.tabs.tabText(index)!r}", window)
        if label == "running":
            viewer = workspace.files.open(workspace.files.items[0])  # a photo shown large
            assert viewer is not None
            self.qtbot.waitExposed(viewer)
            self.visit("photo shown large", viewer)
            viewer.close()
            projector = workspace.open_projector()
            projector.resize(*self.size)
            self.qtbot.waitExposed(projector)
            self.visit("projector view", projector)
            projector.close()

    def dialogs(self, ws: Workspace, forum_id: str, parent: QWidget) -> None:
        classes = dialog_classes()
        missing = sorted({c.__name__ for c in classes} - set(BUILDERS))
        assert not missing, f"add a builder for {missing} to BUILDERS in tests/views/screens.py"
        for cls in classes:
            dialog = BUILDERS[cls.__name__](ws, forum_id, parent)
            self.qtbot.addWidget(dialog)
            dialog.show()
            self.qtbot.waitExposed(dialog)
            self.visit(f"dialog {cls.__name__}", dialog)
            dialog.close()

    def questions(self, ws: Workspace, forum_id: str, window: MainWindow) -> None:
        """What each triage action asks (reason, evidence, note), and what a bulk action says
        when some recommendations cannot take it: seen as the user sees them, then cancelled."""
        rec_id = ws.write(recs.add_recommendation, forum_id, text="Sediakan kursi roda", scope="unit")
        ws.write(recs.accept, rec_id)
        for action in PROMPTS:
            self._modal(f"question of {action!r}", lambda action=action: perform(window, ws, action, [rec_id]))
        action = BULK_ACTIONS[0]
        self._modal("a bulk action refused", lambda: perform(window, ws, action, [rec_id, rec_id]))

    def _modal(self, name: str, open_it: Callable[[], object]) -> None:
        seen: list[QDialog] = []

        def look() -> None:
            dialog = QApplication.activeModalWidget()
            if not isinstance(dialog, QDialog) or not dialog.isVisible():
                QTimer.singleShot(20, look)
                return
            seen.append(dialog)
            self.visit(name, dialog)
            dialog.reject()

        QTimer.singleShot(0, look)
        open_it()
        assert seen, f"{name}: no dialog opened"


def _main_list(page: QWidget) -> QAbstractItemView | None:
    """The page's list of things to act on (its first table on screen, else its first list)."""
    shown = [v for v in page.findChildren(QAbstractItemView) if v.isVisibleTo(page)]
    return next((v for v in shown if isinstance(v, QTableView)), shown[0] if shown else None)


def _choose_first_row(page: QWidget) -> None:
    """The first row of the page's main list chosen (as a user does before acting on it)."""
    view = _main_list(page)
    if view is not None and view.model() is not None and view.model().rowCount() > 0:
        view.setCurrentIndex(view.model().index(0, 0))


def needing_attention(ws: Workspace, forum_id: str) -> None:
    """What a sync can leave for the user: a value of each recommendation that lost to another
    laptop's edit ("changed elsewhere"), and a recommendation the server refused to create."""
    with ws.store.remote_write() as session:
        for number, rec in enumerate(rows(ws, Recommendation, forum_id=forum_id)):
            session.add(
                Conflict(
                    entity="recommendations",
                    entity_id=rec.id,
                    register="text",
                    loser_hlc=f"00170000000000{number}-000000-elsewhere",
                    winner={"text": rec.text},
                    loser={"text": "Perbaiki layanan pada jam sibuk"},
                    winner_hlc="001800000000000-000000-here",
                )
            )
        at = "2024-08-21T10:00:00+00:00"
        fields = {
            **{f.name: None if f.nullable else "" for f in RECOMMENDATIONS.fields},
            **{"forum_id": forum_id, "text": "Sediakan ruang laktasi", "scope": "unit", "priority": 2},
            **{"votes": 3, "vote_counts": {}, "status": "proposed", "created_at": at, "at": at},
        }
        session.add(
            RejectedOp(
                op_id=new_id(),
                action_id=new_id(),
                entity="recommendations",
                entity_id=new_id(),
                kind="create",
                fields={**fields, "unit_id": rows(ws, Recommendation)[0].unit_id},
                hlc="001700000000000-000000-here",
                reason="refused",
                code="action_refused",
            )
        )


def walk_everything(
    qtbot: QtBot, tmp_path: Path, visit: Visit, size: tuple[int, int], language: str = "id"
) -> Walk:
    """Every screen, dialog and question of the app, each handed to `visit`; fails when a widget
    class of desktop/views was never shown."""
    walk = Walk(qtbot, visit, size)
    walk.first_run(tmp_path / "first-run", language)
    walk.new_office(tmp_path / "new-office", language)
    data = tmp_path / "office"
    ws = Workspace.open(data, Settings(language=language, operator="Tester"))
    try:
        forum_id = ws.write(demo.load_demo).forum_id
        ws.write(forums.reopen_forum, forum_id, "Usulan susulan dari peserta")
        needing_attention(ws, forum_id)
        photo = samples.phone_photo(tmp_path / "Pembukaan.jpg", (1600, 1200))
        stored = attachments.store_file(ws.files, photo)
        ws.write(attachments.attach, AttachmentOwner.FORUM, forum_id, stored, caption="Pembukaan forum")
        window = walk.shell(ws)
        walk.pages(window)
        walk.forum(window, forum_id, "running")
        walk.dialogs(ws, forum_id, window)
        walk.questions(ws, forum_id, window)
        ws.write(forums.close_forum, forum_id)
        window.refresh_all()
        walk.forum(window, forum_id, "closed")
        # The parent office: its inbox holds the forum's escalations.
        ws.write(set_home_unit, ws.write(demo.ensure_units)["KANWIL-PBD"])
        window.refresh_all()
        walk.pages(window, prefix="parent office: ")
    finally:
        walk.close()
        ws.close()
    never = sorted(c.__name__ for c in view_classes() - walk.seen)
    assert not never, f"never shown by the walk (reach them in tests/views/walk.py): {never}"
    return walk
