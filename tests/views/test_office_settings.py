"""The office's own settings, edited in Settings as the office head does it: they are fields of
the unit record (audited, queued for the server), the services follow them, and the berita
acara printed from the app carries them in its letterhead."""

from __future__ import annotations

import io
from pathlib import Path

import pypdf
from PIL import Image, ImageDraw
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMenu, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.models import AuditEvent, OutboxOp
from desktop.services.forums import create_forum
from desktop.services.units import home_unit
from desktop.views import save_file
from desktop.views.document_dialog import DocumentDialog
from desktop.views.main_window import MainWindow
from tests.reports.conftest import pdf_text
from tests.views.drive import Opened, click_row, type_file_name, when_popup


def replace_text(qtbot: QtBot, field: QWidget, text: str) -> None:
    """Click into a field, select what is there, type over it, and leave with Tab."""
    target = field.viewport() if hasattr(field, "viewport") else field
    qtbot.mouseClick(target, Qt.MouseButton.LeftButton)
    qtbot.keyClick(field, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    for number, line in enumerate(text.split("\n")):
        if number:
            qtbot.keyClick(field, Qt.Key.Key_Return)
        qtbot.keyClicks(field, line)
    qtbot.keyClick(field, Qt.Key.Key_Tab)


def drawn_logo(path: Path) -> Path:
    image = Image.new("RGBA", (900, 900), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.ellipse([40, 40, 860, 860], fill=(240, 180, 0, 255))
    draw.rectangle([380, 200, 520, 700], fill=(0, 60, 140, 255))
    image.save(path)
    return path


def test_office_settings_are_fields_of_the_unit_and_print_in_the_letterhead(
    qtbot: QtBot, demo_ws: Workspace, demo_forum: str, window: MainWindow, tmp_path: Path, monkeypatch
) -> None:
    ws = demo_ws
    monkeypatch.setenv("HOME", str(tmp_path))
    # The demo forum is closed: its berita acara was frozen with the letterhead of that day and
    # never changes. A forum still being prepared prints the office as it is now.
    planned = ws.write(
        create_forum, unit_id=ws.ctx.home_unit_id, title="FKP Maklumat Pelayanan 2027", held_on="2027-02-03",
        starts_at="09:00", ends_at="12:00",
    )
    qtbot.keyClick(window, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)
    page = window.settings
    assert window.stack.currentWidget() is page
    replace_text(qtbot, page.unit_lines["full_name"], "Kantor Pelayanan Perbendaharaan Negara Tipe A1 Sorong")
    replace_text(
        qtbot,
        page.letterhead,
        "KEMENTERIAN KEUANGAN REPUBLIK INDONESIA\nDIREKTORAT JENDERAL PERBENDAHARAAN",
    )
    replace_text(qtbot, page.unit_lines["address"], "Jl. Basuki Rahmat Km 7, Kota Sorong 98416")
    replace_text(qtbot, page.unit_lines["phone"], "(0951) 322500")
    replace_text(qtbot, page.unit_lines["email"], "kppn sorong at kemenkeu")  # not an address
    assert "not an e-mail address" in page.office_message.text()
    replace_text(qtbot, page.unit_lines["email"], "kppnsorong@kemenkeu.go.id")
    replace_text(qtbot, page.deadlines["escalation_working_days"], "7")
    asked = type_file_name(qtbot, drawn_logo(tmp_path / "logo-djpb.png"))
    qtbot.mouseClick(page.logo.choose_button, Qt.MouseButton.LeftButton)
    assert asked and not page.logo.preview.pixmap().isNull()

    office = ws.read(home_unit, ws.ctx.home_unit_id)
    assert office is not None
    assert office.full_name == "Kantor Pelayanan Perbendaharaan Negara Tipe A1 Sorong"
    assert office.letterhead == "KEMENTERIAN KEUANGAN REPUBLIK INDONESIA\nDIREKTORAT JENDERAL PERBENDAHARAAN"
    assert (office.address, office.phone, office.email) == (
        "Jl. Basuki Rahmat Km 7, Kota Sorong 98416",
        "(0951) 322500",
        "kppnsorong@kemenkeu.go.id",
    )
    assert office.escalation_working_days == 7 and office.logo
    assert ws.ctx.escalation_working_days == 7  # the services follow the unit at once
    with ws.store.read() as session:
        changed = {
            name
            for event in session.scalars(
                select(AuditEvent).where(
                    AuditEvent.entity == "units", AuditEvent.entity_id == office.id, AuditEvent.action == "update"
                )
            )
            for name in event.after
        }
        queued = session.scalars(
            select(OutboxOp).where(OutboxOp.entity == "units", OutboxOp.kind == "update")
        ).all()
    fields = {"full_name", "letterhead", "address", "phone", "email", "escalation_working_days", "logo"}
    assert fields <= changed  # each one audited…
    assert fields <= {name for op in queued for name in op.fields["set"]}  # …and on its way to the server

    # The berita acara, from the forum list's Documents menu, saved as PDF.
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(window.forums.loaded)
    table = window.forums.table
    row = next(r for r in range(window.forums.model.rowCount()) if window.forums.model.forum_at(r) == planned)
    click_row(qtbot, table, row, column=2)
    qtbot.waitUntil(lambda: window.forums.selected_forum() == planned)

    def the_minutes(menu: QWidget) -> None:
        assert isinstance(menu, QMenu)
        for _ in range(len(menu.actions())):  # down the menu to the berita acara
            qtbot.keyClick(menu, Qt.Key.Key_Down)
            if menu.activeAction() is not None and menu.activeAction().text() == "Minutes (berita acara)":
                break
        qtbot.keyClick(menu, Qt.Key.Key_Return)

    documents = Opened(DocumentDialog)  # an earlier test's may not be deleted yet
    opened = when_popup(the_minutes)
    qtbot.mouseClick(window.forums.documents_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(opened))
    qtbot.waitUntil(lambda: bool(documents.new()), timeout=15_000)
    dialog = documents.new()[0]
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.save_button.isEnabled(), timeout=15_000)
    target = tmp_path / "berita-acara.pdf"
    monkeypatch.setattr(save_file, "_last_folder", [tmp_path])  # the folder the user saved in last
    asked = type_file_name(qtbot, target)
    qtbot.mouseClick(dialog.save_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(asked) and target.exists() and target.read_bytes() == dialog.pdf)

    first_page = pdf_text(target.read_bytes())[0]
    for line in (
        "KEMENTERIAN KEUANGAN REPUBLIK INDONESIA",
        "DIREKTORAT JENDERAL PERBENDAHARAAN",
        "KANTOR PELAYANAN PERBENDAHARAAN NEGARA TIPE A1 SORONG",
        "Jl. Basuki Rahmat Km 7, Kota Sorong 98416",
        "Telepon (0951) 322500",  # each contact whole on the line
        "Surel kppnsorong@kemenkeu.go.id",
        "pukul 09.00 sampai dengan 12.00 WIT",  # the office's time zone
        "KPPN Sorong",  # sentences keep the short name
    ):
        assert line in first_page, line
    logos = pypdf.PdfReader(io.BytesIO(target.read_bytes())).pages[0].images
    assert len(logos) == 1 and Image.open(io.BytesIO(logos[0].data)).size[0] <= 512
