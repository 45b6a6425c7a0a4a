"""Every screen the app builds, found programmatically, for tests that check them all: the pages
of the window, the tabs of an open forum, and every dialog class in desktop/views (found by
importing the package; a dialog without a builder here fails the tests that use them)."""

from __future__ import annotations

import importlib
import inspect
import pkgutil
from collections.abc import Callable, Iterator
from pathlib import Path

from PySide6.QtWidgets import QDialog, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

import desktop.views
from desktop.app.workspace import Workspace
from desktop.models import Escalation, Participant, Recommendation, SurveyPeriod
from desktop.services.users import UserView
from desktop.store import backups
from desktop.views.document_dialog import forum_document
from desktop.views.forum_workspace import ForumWorkspace
from desktop.views.main_window import MainWindow

Builder = Callable[[Workspace, str, QWidget], QDialog]


def first(ws: Workspace, model: type) -> str:
    with ws.store.read() as session:
        found = session.scalars(select(model.id)).first()
    assert found is not None
    return str(found)


def participant(ws: Workspace) -> Participant:
    with ws.store.read() as session:
        found = session.scalars(select(Participant)).first()
        assert found is not None
        return found


BUILDERS: dict[str, Builder] = {
    "CompleteDialog": lambda ws, _forum, parent: _cls("complete_dialog", "CompleteDialog")(
        ws, first(ws, Recommendation), parent
    ),
    "CloseForumDialog": lambda ws, forum, parent: _cls("close_dialog", "CloseForumDialog")(ws, forum, parent),
    "NewForumDialog": lambda ws, _forum, parent: _cls("forum_dialog", "NewForumDialog")(ws, parent),
    "EditForumDialog": lambda ws, forum, parent: _cls("forum_dialog", "EditForumDialog")(ws, forum, parent),
    "NewSurveyDialog": lambda ws, _forum, parent: _cls("survey_dialog", "NewSurveyDialog")(ws, parent),
    "AnswerDialog": lambda ws, _forum, parent: _cls("answer_dialog", "AnswerDialog")(
        ws, first(ws, Escalation), parent
    ),
    "DocumentDialog": lambda ws, forum, parent: _cls("document_dialog", "DocumentDialog")(
        forum_document(ws, forum, "minutes"), parent
    ),
    "ParticipantDialog": lambda ws, _forum, parent: _cls("participant_dialog", "ParticipantDialog")(
        ws, participant(ws), parent
    ),
    "RecommendationDialog": lambda ws, _forum, parent: _cls("rec_edit_dialog", "RecommendationDialog")(
        ws, first(ws, Recommendation), parent
    ),
    "SurveyActionsDialog": lambda ws, _forum, parent: _cls("survey_actions_dialog", "SurveyActionsDialog")(
        ws, first(ws, SurveyPeriod), parent
    ),
    # The forum's own templates (the office's differ only by the PEKPPP indicators' box).
    "TemplatesDialog": lambda ws, forum, parent: _cls("templates_dialog", "TemplatesDialog")(
        ws, str(ws.ctx.home_unit_id), forum, parent
    ),
    "RestoreDialog": lambda ws, _forum, parent: _cls("restore_dialog", "RestoreDialog")(
        backed_up(ws), ws.ctx.zone, parent
    ),
    "UserDialog": lambda _ws, _forum, parent: _cls("user_dialog", "UserDialog")(
        "new", lambda _typed: None, parent=parent
    ),
    "HandOverDialog": lambda _ws, _forum, parent: _cls("users_group", "HandOverDialog")(
        a_user(), [a_user()], lambda _user, _to: 0, parent
    ),
    "PeriodDialog": lambda ws, _forum, parent: _cls("evidence_pack", "PeriodDialog")(
        str(ws.ctx.home_unit_id), ws.ctx.today(), parent
    ),
}


def a_user() -> UserView:
    nip, name, jabatan = "198705122010122001", "Rina Wulandari", "Kepala Subbagian Umum"
    return UserView("u", "unit", nip, name, jabatan, (), True, True, None, "")


def backed_up(ws: Workspace) -> Path:
    """The data folder, with a backup in its list."""
    backups.back_up(ws.data_dir, backups.MANUAL)
    return ws.data_dir


def _cls(module: str, name: str) -> type[QDialog]:
    found = getattr(importlib.import_module(f"desktop.views.{module}"), name)
    assert issubclass(found, QDialog)
    return found


def dialog_classes() -> list[type[QDialog]]:
    """Every QDialog subclass defined in desktop/views."""
    found: dict[str, type[QDialog]] = {}
    for module in pkgutil.iter_modules(desktop.views.__path__):
        loaded = importlib.import_module(f"desktop.views.{module.name}")
        for _name, obj in inspect.getmembers(loaded, inspect.isclass):
            if issubclass(obj, QDialog) and obj.__module__ == loaded.__name__:
                found[obj.__name__] = obj
    return sorted(found.values(), key=lambda c: c.__name__)


def screens(qtbot: QtBot, window: MainWindow, forum: str) -> Iterator[tuple[str, QWidget]]:
    """(name, top-level widget) for every page and every tab of the open forum, each shown."""
    for index, page in enumerate(window.pages):
        window.nav.setCurrentRow(index)
        qtbot.waitUntil(lambda page=page: window.stack.currentWidget() is page)
        yield type(page).__name__, window
    workspace = window.open_forum(forum)
    assert isinstance(workspace, ForumWorkspace)
    for index in range(workspace.tabs.count()):
        workspace.tabs.setCurrentIndex(index)
        yield f"forum tab {workspace.tabs.tabText(index)!r}", window


def dialogs(qtbot: QtBot, ws: Workspace, forum: str, parent: QWidget) -> Iterator[tuple[str, QDialog]]:
    """Every dialog class of desktop/views, built and shown (closed after each is looked at)."""
    classes = dialog_classes()
    unbuildable = sorted({c.__name__ for c in classes} - set(BUILDERS))
    assert not unbuildable, f"add a builder for {unbuildable} to BUILDERS in tests/views/screens.py"
    assert len(classes) >= 5
    for cls in classes:
        dialog = BUILDERS[cls.__name__](ws, forum, parent)
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        yield f"dialog {cls.__name__}", dialog
        dialog.close()
