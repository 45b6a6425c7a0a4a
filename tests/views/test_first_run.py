"""First run, as office staff do it with nobody to help: a laptop with no office and no server
opens on the set-up, the office is named (with its parent office, letterhead lines, logo and
time zone) and the operator, and the app is ready: a forum is created at once. Or the sample
forum is loaded from the app."""

from __future__ import annotations

import base64
import io
import json
from pathlib import Path

import pytest
from PIL import Image, ImageDraw
from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QScrollArea, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.core.vocab import OfficeZone
from desktop.models import AuditEvent, Forum, OutboxOp, Unit, User
from desktop.services.logo import MAX_LOGO_BYTES
from desktop.services.units import home_unit
from desktop.views.forum_dialog import NewForumDialog
from desktop.views.main_window import MainWindow
from tests.views.drive import activate, one, press_ok, type_file_name, when_modal


def photo_logo(path: Path) -> Path:
    """A logo photographed with a phone: a 3000×2000 JPEG of about a megabyte."""
    image = Image.effect_noise((3000, 2000), 60).convert("RGB")
    draw = ImageDraw.Draw(image)
    draw.ellipse([700, 200, 2300, 1800], fill=(240, 180, 0))
    draw.rectangle([1350, 500, 1650, 1500], fill=(0, 60, 140))
    image.save(path, quality=95)
    assert path.stat().st_size > 4 * MAX_LOGO_BYTES
    return path


def click_and_type(qtbot: QtBot, field: QWidget, text: str) -> None:
    qtbot.mouseClick(field, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(field, text)


def units_of(ws: Workspace) -> dict[str, Unit]:
    with ws.store.read() as session:
        return {u.name: u for u in session.scalars(select(Unit))}


def test_first_run_to_a_ready_app_and_a_forum(
    qtbot: QtBot, ws: Workspace, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))  # where the file dialog opens: the user's files
    page = window.first_run
    assert page is not None and window.stack.currentWidget() is page and page.isVisible()
    assert not window.nav.isVisible()
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)  # nowhere to go yet
    assert window.stack.currentWidget() is page

    click_and_type(qtbot, page.name, "KPPN Sorong")
    click_and_type(qtbot, page.full_name, "Kantor Pelayanan Perbendaharaan Negara Sorong")
    click_and_type(qtbot, page.city, "Sorong")  # where its documents are signed
    click_and_type(qtbot, page.parent_office, "Kanwil DJPb Provinsi Papua Barat Daya")
    qtbot.mouseClick(page.letterhead.viewport(), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(page.letterhead, "KEMENTERIAN KEUANGAN REPUBLIK INDONESIA")
    qtbot.keyClick(page.letterhead, Qt.Key.Key_Return)
    qtbot.keyClicks(page.letterhead, "DIREKTORAT JENDERAL PERBENDAHARAAN")

    # A file that is not an image is refused, in words; then the logo, a large photo.
    not_image = tmp_path / "logo.png"
    not_image.write_text("not an image at all", encoding="utf-8")
    asked = type_file_name(qtbot, not_image)
    qtbot.mouseClick(page.logo.choose_button, Qt.MouseButton.LeftButton)
    assert asked and "logo.png is not an image" in page.message.text() and page.message.shown()
    asked = type_file_name(qtbot, photo_logo(tmp_path / "foto-logo.jpg"))
    qtbot.mouseClick(page.logo.choose_button, Qt.MouseButton.LeftButton)
    assert asked and not page.logo.preview.pixmap().isNull() and not page.message.shown()

    qtbot.mouseClick(page.time_zone, Qt.MouseButton.LeftButton)  # opens the list
    qtbot.keyClick(page.time_zone.view(), Qt.Key.Key_End)
    qtbot.keyClick(page.time_zone.view(), Qt.Key.Key_Return)
    assert page.time_zone.currentData() == "WIT"
    page.operator.clear()
    click_and_type(qtbot, page.operator, "Rina Wulandari")  # the first administrator
    click_and_type(qtbot, page.nip, "19870512 201012 2 001")
    click_and_type(qtbot, page.jabatan, "Kepala Subbagian Umum")
    click_and_type(qtbot, page.password, "rahasia-kppn-1")
    click_and_type(qtbot, page.password_again, "rahasia-kppn-2")
    qtbot.keyClick(page.password_again, Qt.Key.Key_Return)  # Enter starts, as the button does
    assert window.first_run is page and "differ" in page.message.text() and units_of(ws) == {}
    click_and_type(qtbot, page.password_again, "rahasia-kppn-1")
    qtbot.keyClick(page.password_again, Qt.Key.Key_Return)

    # Ready: the navigation, the forum list, the office in the title.
    assert window.first_run is None and window.nav.isVisible(), page.message.text()
    assert window.stack.currentWidget() is window.forums
    assert window.windowTitle() == "Mufakat — KPPN Sorong"
    office = ws.read(home_unit, ws.ctx.home_unit_id)
    assert office is not None and office.name == "KPPN Sorong"
    assert office.full_name == "Kantor Pelayanan Perbendaharaan Negara Sorong"
    assert office.city == "Sorong"
    assert office.letterhead == "KEMENTERIAN KEUANGAN REPUBLIK INDONESIA\nDIREKTORAT JENDERAL PERBENDAHARAAN"
    assert office.time_zone == OfficeZone.WIT and ws.ctx.zone is not None
    png = base64.b64decode(office.logo)
    assert png.startswith(b"\x89PNG") and len(png) <= MAX_LOGO_BYTES
    assert max(Image.open(io.BytesIO(png)).size) <= 512
    parent = units_of(ws)["Kanwil DJPb Provinsi Papua Barat Daya"]
    assert office.parent_id == parent.id
    # The first administrator, signed in: the history names her from the first change on.
    admin = one(ws, User)
    assert (admin.name, admin.nip, admin.jabatan, admin.roles) == (
        "Rina Wulandari",
        "198705122010122001",
        "Kepala Subbagian Umum",
        ["operator", "admin"],  # she runs the forums too; the head is added in Settings
    )
    assert admin.unit_id == office.id and admin.password_hash.startswith("$argon2id$")
    assert "rahasia" not in admin.password_hash and window.badge.name.text() == "Rina Wulandari"
    rina = "Rina Wulandari (NIP 198705122010122001)"
    assert ws.ctx.actor == rina
    with ws.store.read() as session:  # audited and queued for the server, like every change
        created = session.scalars(select(AuditEvent).where(AuditEvent.entity.in_(("units", "users")))).all()
        assert {e.entity_id for e in created} == {office.id, parent.id, admin.id}
        assert {e.actor for e in created} == {rina}
        logged = next(e for e in created if e.entity_id == office.id)
        assert str(logged.after["logo"]).startswith("sha256:")  # the history keeps a digest
        assert session.scalars(select(OutboxOp).where(OutboxOp.entity == "units")).all()

    # "New forum" works at once.
    def fill(dialog: QWidget) -> None:
        assert isinstance(dialog, NewForumDialog)
        qtbot.keyClicks(dialog.title, "FKP Standar Pelayanan 2026")
        press_ok(qtbot, dialog)

    asked = when_modal(fill)
    activate(qtbot, window)  # back from the list and dialogs, as a window manager would do
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: bool(asked) and window.workspace is not None)  # Alt+N clicks a moment later
    with ws.store.read() as session:
        [forum] = session.scalars(select(Forum)).all()
    assert forum.title == "FKP Standar Pelayanan 2026" and forum.unit_id == office.id
    assert window.workspace is not None and window.workspace.forum_id == forum.id


def test_first_run_with_the_sample_forum(qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    page = window.first_run
    assert page is not None
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    assert window.first_run is None and window.stack.currentWidget() is window.forums
    qtbot.waitUntil(lambda: window.forums.loaded() and window.forums.model.rowCount() == 1)
    assert window.forums.model.index(0, 2).data() == "Forum Konsultasi Publik KPPN Sorong Tahun 2024"
    office = ws.read(home_unit, ws.ctx.home_unit_id)
    assert office is not None and office.code == "KPPN-SORONG"
    assert window.windowTitle() == "Mufakat — KPPN Sorong"


def test_the_sample_forum_asks_who_is_typing_first(qtbot: QtBot, ws: Workspace, window: MainWindow) -> None:
    """With no name, the demo's history said "root" (the computer's user): the sample forum asks
    for the name in the same field as the set-up, and records it."""
    ws.change_settings(operator="")
    page = window.first_run
    assert page is not None
    page.operator.clear()
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    assert window.first_run is page and "Type your name first" in page.message.text()
    assert page.operator.hasFocus()
    assert units_of(ws) == {}  # nothing loaded
    qtbot.keyClicks(page.operator, "Rina Wulandari")
    qtbot.mouseClick(page.demo_button, Qt.MouseButton.LeftButton)
    assert window.first_run is None
    assert ws.settings.operator == "Rina Wulandari"
    with ws.store.read() as session:
        assert set(session.scalars(select(AuditEvent.actor))) == {"Rina Wulandari"}


def test_first_run_needs_a_name_and_changes_nothing_without_one(
    qtbot: QtBot, ws: Workspace, window: MainWindow
) -> None:
    page = window.first_run
    assert page is not None
    click_and_type(qtbot, page.parent_office, "Kanwil DJPb Provinsi Papua Barat Daya")
    qtbot.mouseClick(page.start_button, Qt.MouseButton.LeftButton)
    assert window.first_run is page and "must not be empty" in page.message.text()
    assert units_of(ws) == {}  # not even the parent office: all of it or nothing


def choose_language(qtbot: QtBot, shell: Shell, key: Qt.Key) -> MainWindow:
    page = shell.window.first_run
    assert page is not None
    qtbot.mouseClick(page.language, Qt.MouseButton.LeftButton)
    qtbot.keyClick(page.language.view(), key)  # Home: Bahasa Indonesia, End: English
    qtbot.keyClick(page.language.view(), Qt.Key.Key_Return)
    return shell.window  # the shell fixture closes whichever window is the shell's at the end


def test_first_run_speaks_the_chosen_language(qtbot: QtBot, ws: Workspace, shell: Shell) -> None:
    window = choose_language(qtbot, shell, Qt.Key.Key_Home)
    assert window.first_run is not None and window.stack.currentWidget() is window.first_run
    assert window.first_run.start_button.text() == "&Mulai memakai Mufakat"
    assert json.loads((ws.data_dir / "settings.json").read_text(encoding="utf-8"))["language"] == "id"
    window = choose_language(qtbot, shell, Qt.Key.Key_End)  # and back: the next tests read English
    assert window.first_run is not None and window.first_run.start_button.text() == "&Start using Mufakat"


@pytest.mark.parametrize("language", ["id", "en"])
def test_the_whole_first_run_screen_is_in_sight_on_a_laptop(
    qtbot: QtBot, ws: Workspace, language: str
) -> None:
    """Maximised on a 1366×768 laptop with a taskbar (1366×697), the first-run screen shows all of
    itself: the enroll button was half hidden below the window's edge."""
    ws.settings.language = language
    shell = Shell(ws)
    try:
        shell.window.resize(1366, 697)
        with qtbot.waitExposed(shell.window):
            shell.window.show()
        page = shell.window.first_run
        assert page is not None
        scroll = page.findChild(QScrollArea)
        qtbot.waitUntil(lambda: scroll.viewport().height() > 0)
        assert scroll.verticalScrollBar().maximum() == 0, scroll.widget().sizeHint()
        enroll = page.enroll_form.enroll_button
        corner = enroll.mapTo(scroll.viewport(), QPoint(0, 0))
        assert scroll.viewport().rect().contains(QRect(corner, enroll.size()))
    finally:
        shell.window.retire()
        shell.window.close()
        shell.window.deleteLater()
        shell.close()
        shell.translations.switch("en")
