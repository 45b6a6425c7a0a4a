from __future__ import annotations

import io
from pathlib import Path

import pypdf
from PySide6.QtPrintSupport import QPrinter
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.core.i18n import set_language
from desktop.services import forums
from desktop.views.document_dialog import DocumentDialog, forum_document
from desktop.views.forums_page import ForumsPage
from tests.helpers import make_tree


def _wait_ready(qtbot: QtBot, dialog: DocumentDialog) -> None:
    qtbot.waitUntil(lambda: dialog.pdf is not None or "color" in dialog.status.styleSheet(), timeout=15_000)


def test_preview_then_save_and_print(
    qtbot: QtBot, demo_ws: Workspace, demo_forum: str, tmp_path: Path
) -> None:
    dialog = DocumentDialog(forum_document(demo_ws, demo_forum, "minutes"))
    qtbot.addWidget(dialog)
    dialog.show()
    _wait_ready(qtbot, dialog)
    assert dialog.pdf is not None and dialog.save_button.isEnabled() and dialog.print_button.isEnabled()
    assert dialog.pages.count() == len(pypdf.PdfReader(io.BytesIO(dialog.pdf)).pages) >= 2

    target = tmp_path / "berita-acara.pdf"
    dialog.save_to(target)
    assert target.read_bytes() == dialog.pdf

    printed = tmp_path / "printed.pdf"
    printer = QPrinter(QPrinter.PrinterMode.ScreenResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(printed))
    dialog.print_to(printer)
    assert len(pypdf.PdfReader(printed).pages) == dialog.pages.count()


def test_folio_rebuilds_the_document(qtbot: QtBot, demo_ws: Workspace, demo_forum: str) -> None:
    dialog = DocumentDialog(forum_document(demo_ws, demo_forum, "attendance-sheet"))
    qtbot.addWidget(dialog)
    _wait_ready(qtbot, dialog)
    a4 = dialog.pdf
    dialog.paper.setCurrentIndex(1)
    _wait_ready(qtbot, dialog)
    qtbot.waitUntil(lambda: dialog.pdf is not None and dialog.pdf != a4, timeout=15_000)
    height = float(pypdf.PdfReader(io.BytesIO(dialog.pdf)).pages[0].mediabox.height)
    assert abs(height - 935.43) < 1  # 330 mm


def test_refusal_is_shown_inline(qtbot: QtBot, ws: Workspace) -> None:
    set_language("id")
    tree = make_tree(ws)
    dialog = DocumentDialog(forum_document(ws, tree.forum, "escalation-letter"))
    qtbot.addWidget(dialog)
    _wait_ready(qtbot, dialog)
    assert dialog.pdf is None and not dialog.save_button.isEnabled()
    assert "Belum ada rekomendasi forum ini yang dieskalasi" in dialog.status.text()


def test_documents_menu_opens_for_the_selected_forum(
    qtbot: QtBot, demo_ws: Workspace, demo_forum: str
) -> None:
    window = ForumsPage(demo_ws)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(window.loaded)
    assert window.selected_forum() == demo_forum and window.documents_button.isEnabled()
    titles = [action.text() for action in window.documents_button.menu().actions()]
    assert titles[:4] == [
        "Invitation letters (surat undangan)",
        "Attendance sheet (daftar hadir)",
        "Minutes (berita acara)",
        "Notes (notulen)",
    ] and len(titles) == 7
    dialog = window.open_document("followup-report")
    assert dialog is not None
    qtbot.addWidget(dialog)
    _wait_ready(qtbot, dialog)
    assert dialog.pdf is not None


def test_no_forum_no_documents(qtbot: QtBot, ws: Workspace) -> None:
    window = ForumsPage(ws)
    qtbot.addWidget(window)
    qtbot.waitUntil(window.loaded)
    assert not window.documents_button.isEnabled()
    assert window.open_document("minutes") is None
    ws.write(forums.create_forum, unit_id=make_tree(ws).leaf, title="Baru", held_on="2026-12-01")
    window.refresh()
    qtbot.waitUntil(window.loaded)
    assert window.documents_button.isEnabled()
