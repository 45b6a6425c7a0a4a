"""Saving from the app as a user does it: the save dialog proposes a name that says what the file
is (document, forum date, forum title), Enter saves it there, and "Open folder" shows where it
went. Covers the PDF documents and "Export to Excel" of the forum list and the triage board."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.services import forums, participants
from desktop.services import recommendations as recs
from desktop.views import save_file
from desktop.views.main_window import MainWindow
from desktop.views.save_file import SavedNotice
from tests.helpers import make_tree

DEMO_NAME = "2024-08-21-forum-konsultasi-publik-kppn-sorong-tahun-2024"


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, qapp: QApplication) -> Iterator[Path]:
    """Where the save dialog opens (as if the user last saved there); Qt's own dialog, as on a
    desktop without a native one."""
    target = tmp_path / "Dokumen"
    target.mkdir()
    monkeypatch.setattr(save_file, "_last_folder", [target])
    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, True)
    yield target
    qapp.setAttribute(Qt.ApplicationAttribute.AA_DontUseNativeDialogs, False)


@pytest.fixture
def opened(monkeypatch: pytest.MonkeyPatch) -> list[QUrl]:
    """Folders the app asked the system to show (the file manager is not started in tests)."""
    urls: list[QUrl] = []

    def open_url(url: QUrl) -> bool:
        urls.append(url)
        return True

    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(open_url))
    return urls


def save_dialog(qtbot: QtBot) -> tuple[QFileDialog, QLineEdit]:
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), QFileDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, QFileDialog)
    qtbot.waitExposed(dialog)
    name = dialog.findChild(QLineEdit, "fileNameEdit")
    assert name is not None
    return dialog, name


def accept_proposed(qtbot: QtBot, expected: str, folder: Path) -> None:
    dialog, name = save_dialog(qtbot)
    assert name.text() == expected
    assert Path(dialog.directory().absolutePath()) == folder
    qtbot.keyClick(name, Qt.Key.Key_Return)


def open_folder(qtbot: QtBot, notice: SavedNotice, opened: list[QUrl], folder: Path) -> None:
    qtbot.waitUntil(lambda: notice.open_button.isVisible())
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    assert opened == [QUrl.fromLocalFile(str(folder))]


def test_a_document_is_saved_under_its_name_and_its_folder_opens(
    qtbot: QtBot, demo_ws: Workspace, window: MainWindow, folder: Path, opened: list[QUrl]
) -> None:
    qtbot.waitUntil(window.forums.loaded)
    dialog = window.forums.open_document("minutes")
    assert dialog is not None
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=15_000)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    accept_proposed(qtbot, f"berita-acara-{DEMO_NAME}.pdf", folder)
    saved = folder / f"berita-acara-{DEMO_NAME}.pdf"
    qtbot.waitUntil(saved.exists)
    assert saved.read_bytes() == dialog.pdf
    assert dialog.notice.text.text() == f"Saved as {saved.name} in {folder}"
    open_folder(qtbot, dialog.notice, opened, folder)


def test_a_folder_that_cannot_be_opened_is_said_plainly(
    qtbot: QtBot, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setattr(QDesktopServices, "openUrl", staticmethod(lambda _url: False))
    notice = SavedNotice()
    qtbot.addWidget(notice)
    notice.show()
    assert notice.write(tmp_path / "rekap.xlsx", b"data")
    qtbot.mouseClick(notice.open_button, Qt.MouseButton.LeftButton)
    assert "could not be opened" in notice.text.text() and not notice.open_button.isVisible()
    assert not notice.write(tmp_path / "no-such-folder" / "rekap.xlsx", b"data")
    assert "Cannot write" in notice.text.text()


def test_export_to_excel_from_the_forum_list(
    qtbot: QtBot, demo_ws: Workspace, window: MainWindow, folder: Path, opened: list[QUrl]
) -> None:
    forums_page = window.forums
    qtbot.waitUntil(forums_page.loaded)
    qtbot.keyClick(window, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)  # E&xport to Excel
    accept_proposed(qtbot, f"rekap-forum-{DEMO_NAME}.xlsx", folder)
    saved = folder / f"rekap-forum-{DEMO_NAME}.xlsx"
    qtbot.waitUntil(lambda: forums_page.notice.open_button.isVisible(), timeout=15_000)
    book = load_workbook(io.BytesIO(saved.read_bytes()))
    assert book.sheetnames == ["Ringkasan", "Peserta per unsur", "Daftar peserta", "Rekomendasi", "Tindak lanjut"]
    assert book["Ringkasan"]["B3"].value == "Forum Konsultasi Publik KPPN Sorong Tahun 2024"
    assert book["Rekomendasi"].max_row - 1 == 7  # the demo's live recommendations
    open_folder(qtbot, forums_page.notice, opened, folder)


def test_export_to_excel_from_triage_holds_what_the_filter_shows(
    qtbot: QtBot, ws: Workspace, window: MainWindow, folder: Path, opened: list[QUrl]
) -> None:
    tree = make_tree(ws)
    other = ws.write(forums.create_forum, unit_id=tree.leaf, title="FKP Lain", held_on="2024-09-02")
    person = ws.write(participants.add_participant, tree.forum, name="Martina Rumbiak", category="satker")
    for n in range(210):  # more than the page the board shows at once
        ws.write(recs.add_recommendation, tree.forum, text=f"Perbaiki antrean loket {n}", scope="unit",
                 raised_by_id=person)
    ws.write(recs.add_recommendation, other, text="Perbaiki antrean di forum lain", scope="unit")
    ws.write(recs.add_recommendation, tree.forum, text="Tambah kursi ruang tunggu", scope="unit")
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    triage = window.triage
    assert window.stack.currentWidget() is triage
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation)
    triage.text.setFocus()
    qtbot.keyClicks(triage.text, "antrean loket")
    qtbot.waitUntil(lambda: triage.shown_generation == triage._generation and triage.model.rowCount() == 200)
    qtbot.mouseClick(triage.excel_button, Qt.MouseButton.LeftButton)
    today = ws.ctx.today().isoformat()
    accept_proposed(qtbot, f"rekap-rekomendasi-{today}-antrean-loket.xlsx", folder)
    saved = folder / f"rekap-rekomendasi-{today}-antrean-loket.xlsx"
    qtbot.waitUntil(lambda: triage.notice.open_button.isVisible(), timeout=15_000)
    book = load_workbook(io.BytesIO(saved.read_bytes()))
    texts = [row[3] for row in book["Rekomendasi"].iter_rows(min_row=2, values_only=True)]
    assert len(texts) == 210 and texts[0] == "Perbaiki antrean loket 209" and texts[-1] == "Perbaiki antrean loket 0"
    about = {row[0]: row[1] for row in book["Keterangan"].iter_rows(min_row=2, values_only=True)}
    assert about["Teks memuat"] == "antrean loket" and about["Jumlah rekomendasi"] == 210
    everything = " ".join(str(c) for sheet in book for row in sheet.iter_rows(values_only=True) for c in row)
    assert "Martina Rumbiak" not in everything  # who raised it stays in the unit's participant list
    open_folder(qtbot, triage.notice, opened, folder)


def test_the_save_dialog_opens_where_the_user_saved_last(
    qtbot: QtBot, demo_ws: Workspace, window: MainWindow, folder: Path, opened: list[QUrl], tmp_path: Path
) -> None:
    elsewhere = tmp_path / "Arsip FKP"
    elsewhere.mkdir()
    forums_page = window.forums
    qtbot.waitUntil(forums_page.loaded)
    qtbot.mouseClick(forums_page.excel_button, Qt.MouseButton.LeftButton)
    dialog, name = save_dialog(qtbot)
    dialog.setDirectory(str(elsewhere))  # the user goes to another folder (not what is tested)
    qtbot.keyClick(name, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: forums_page.notice.open_button.isVisible(), timeout=15_000)
    assert (elsewhere / f"rekap-forum-{DEMO_NAME}.xlsx").exists()
    (elsewhere / f"rekap-forum-{DEMO_NAME}.xlsx").unlink()
    qtbot.keyClick(window, Qt.Key.Key_X, Qt.KeyboardModifier.AltModifier)
    accept_proposed(qtbot, f"rekap-forum-{DEMO_NAME}.xlsx", elsewhere)
    qtbot.waitUntil((elsewhere / f"rekap-forum-{DEMO_NAME}.xlsx").exists, timeout=15_000)
