"""A look a civil servant trusts (issue #11): the office's name and logo in the window, the main
action of each screen in sight, and empty places that say what to do next; numbers written as
Indonesian writes them."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtWidgets import QPushButton, QWidget
from pytestqt.qtbot import QtBot

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.services import forums
from desktop.services import recommendations as recs
from desktop.services.units import update_unit
from desktop.sync.controller import SyncState, SyncStatus
from desktop.views import main_window as mw
from desktop.views.look import UI_FONT
from desktop.views.main_window import MainWindow
from tests.views.drive import click, click_nav, click_row, click_tab, type_file_name
from tests.views.forum_setup import office


def primaries(top: QWidget) -> list[str]:
    """The texts of the main actions in sight."""
    return [
        b.text() for b in top.findChildren(QPushButton) if b.property("primary") and b.isVisibleTo(top)
    ]


def test_a_new_office_says_what_to_do_in_each_empty_place(
    qtbot: QtBot, office_ws: Workspace, window: MainWindow
) -> None:
    page = window.forums
    qtbot.waitUntil(page.loaded)
    assert page.empty_state.isVisible() and page.empty_state.title.text() == "No forums yet"
    assert "New forum…" in page.empty_hint.text() and page.demo_button.isVisible()
    assert primaries(window) == ["&New forum…"]

    click_nav(qtbot, window.nav, mw.TRIAGE)
    triage = window.triage
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation)
    assert triage.empty.isVisible() and triage.empty.title.text() == "No recommendations yet"
    assert triage.forum.currentText() == "Any forum"  # the filter's choice, though no forum exists yet
    assert triage.pane.none_chosen.isVisible()

    click_nav(qtbot, window.nav, mw.FOLLOW_UP)
    assert window.follow_up.no_forums.isVisible() and window.follow_up.no_overdue.isVisible()

    forum = office_ws.write(
        forums.create_forum, unit_id=office_ws.ctx.home_unit_id, title="FKP Standar Pelayanan", held_on="2026-11-30"
    )
    workspace = window.open_forum(forum)
    assert workspace is not None
    for tab in (workspace.attendance, workspace.agenda, workspace.capture):
        click_tab(qtbot, workspace.tabs, tab)
        assert tab.empty.isVisible(), tab
        assert len(primaries(tab)) == 1, primaries(tab)  # sign in, add an item, save


def test_a_filter_that_matches_nothing_says_so(qtbot: QtBot, demo_ws: Workspace, window: MainWindow) -> None:
    click_nav(qtbot, window.nav, mw.TRIAGE)
    triage = window.triage
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation)
    assert not triage.empty.isVisible() and triage.table.isVisible()
    click(qtbot, triage.text)
    qtbot.keyClicks(triage.text, "zzzz tidak ada")
    qtbot.waitUntil(lambda: triage.empty.isVisible())
    assert triage.empty.title.text() == "No recommendation matches the filters"


def test_the_next_step_is_the_main_action(
    qtbot: QtBot, demo_ws: Workspace, reopened_demo: str, window: MainWindow
) -> None:
    """On the triage board the next step of the chosen recommendation stands out: accept a
    proposed one, then start its follow-up; in a forum's details, close a running forum."""
    rec = demo_ws.write(recs.add_recommendation, reopened_demo, text="Sediakan kursi roda", scope="unit")
    click_nav(qtbot, window.nav, mw.TRIAGE)
    triage = window.triage
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation)
    click_row(qtbot, triage.table, triage.model.row_of(rec), column=1)
    assert primaries(triage.pane) == ["Accept"]
    demo_ws.write(recs.accept, rec)
    triage.pane.show_recommendation(rec)
    assert primaries(triage.pane) == ["Start follow-up"]
    workspace = window.open_forum(reopened_demo)
    assert workspace is not None
    assert primaries(workspace.details) == ["C&lose the forum"]


def drawn_logo(path: Path) -> Path:
    image = Image.new("RGB", (400, 400), "white")
    ImageDraw.Draw(image).ellipse([20, 20, 380, 380], fill=(240, 180, 0))
    image.save(path)
    return path


@pytest.fixture
def named_office(ws: Workspace) -> str:
    """KPPN Sorong with its full official name, set up before the window opens."""
    unit = office(ws)
    ws.write(update_unit, unit, full_name="Kantor Pelayanan Perbendaharaan Negara Sorong")
    return unit


def test_the_window_shows_the_office_name_and_logo(
    qtbot: QtBot, named_office: str, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    banner = window.office
    assert banner.name.text() == "KPPN Sorong" and banner.isVisible()
    assert banner.full_name.text() == "Kantor Pelayanan Perbendaharaan Negara Sorong"
    default = banner.logo.pixmap().toImage()
    monkeypatch.setenv("HOME", str(tmp_path))
    click_nav(qtbot, window.nav, mw.SETTINGS)
    chosen = type_file_name(qtbot, drawn_logo(tmp_path / "logo.png"))
    click(qtbot, window.settings.logo.choose_button)
    qtbot.waitUntil(lambda: bool(chosen))
    qtbot.waitUntil(lambda: banner.logo.pixmap().toImage() != default)
    shown = banner.logo.pixmap().toImage()
    assert shown.pixelColor(shown.width() // 2, shown.height() // 2).name() == "#f0b400"  # the logo's gold


def test_the_interface_font_is_the_bundled_one(window: MainWindow) -> None:
    from PySide6.QtWidgets import QApplication

    assert QApplication.font().family() == UI_FONT
    assert window.forums.search.fontInfo().family() == UI_FONT  # found, not a fallback


def test_numbers_are_grouped_as_indonesian_writes_them(qtbot: QtBot, demo_ws: Workspace, shell: Shell) -> None:
    shell.switch_language("id")
    bar = shell.window.sync_bar
    bar.show_status(SyncStatus(SyncState.OFFLINE, pending=123_456, message="—"))
    assert bar.pending_label.text() == "123.456 perubahan belum terkirim"
    shell.switch_language("en")
    shell.window.sync_bar.show_status(SyncStatus(SyncState.OFFLINE, pending=123_456, message="—"))
    assert shell.window.sync_bar.pending_label.text() == "123,456 change(s) not yet sent"
