"""The evidence pack ("Paket bukti") from the user's seat, keys and clicks only: from a forum's
Documents menu, and for a period from the Follow-up page (the period chosen in a small dialog);
the save dialog proposes the pack's name, the pack is made in the background with its progress
on a line of the screen, and the ZIP holds the forum's files and an index that says what is
still missing. Set-up goes through the services; what is saved is checked."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt, QUrl
from PySide6.QtWidgets import QApplication, QMenu
from pytestqt.qtbot import QtBot

from desktop.app.workspace import Workspace
from desktop.models import Forum
from desktop.services import attachments, forums
from desktop.services.evidence_pack import Gap
from desktop.views.evidence_pack import PeriodDialog
from desktop.views.main_window import FOLLOW_UP, MainWindow
from protocol.vocab import AttachmentOwner
from tests.attachments import samples
from tests.reports.conftest import all_text
from tests.views.drive import LEFT, Keyboard, activate, click, click_nav, one, replace_text, when_popup
from tests.views.test_saved_files import DEMO_NAME, accept_proposed, folder, opened

__all__ = ["folder", "opened"]  # the fixtures, shared with the other saving tests
DEMO_FOLDER = "fkp-2024-08-21-forum-konsultasi-publik-kppn-sorong"


def _index_missing(pack: zipfile.ZipFile) -> list[str]:
    book = load_workbook(io.BytesIO(pack.read("00-indeks-paket-bukti.xlsx")))
    return [str(row[2]) for row in book["Yang masih kurang"].iter_rows(min_row=2, values_only=True)]


def test_a_forums_evidence_pack_from_its_documents_menu(
    qtbot: QtBot, demo_ws: Workspace, demo_forum: str, window: MainWindow, folder: Path, opened: list[QUrl],
    tmp_path: Path,
) -> None:
    photo = attachments.store_file(demo_ws.files, samples.phone_photo(tmp_path / "foto.jpg", (1600, 1200)))
    demo_ws.write(attachments.attach, AttachmentOwner.FORUM, demo_forum, photo, caption="Sesi tanya jawab")
    workspace = window.open_forum(demo_forum)
    assert workspace is not None
    steps: list[tuple[int, int]] = []
    workspace.pack._steps.step.connect(lambda done, total, _what: steps.append((done, total)))
    chosen = when_popup(lambda menu: qtbot.keyClick(menu, Qt.Key.Key_E))  # &Evidence pack (paket bukti)…
    click(qtbot, workspace.documents_button)  # the menu pops up (and waits here while it is open)
    assert len(chosen) == 1 and isinstance(chosen[0], QMenu)
    accept_proposed(qtbot, f"paket-bukti-{DEMO_NAME}.zip", folder)
    saved = folder / f"paket-bukti-{DEMO_NAME}.zip"
    qtbot.waitUntil(lambda: workspace.pack.result is not None, timeout=30_000)
    assert saved.exists() and not workspace.pack.bar.isVisible()
    # The progress reached the screen file by file, to the last (the window kept working meanwhile).
    assert steps[-1] == (8, 8) and len(steps) == 9
    pack = zipfile.ZipFile(saved)
    assert f"{DEMO_FOLDER}/05-dokumentasi/01-sesi-tanya-jawab.jpg" in pack.namelist()
    assert pack.read(f"{DEMO_FOLDER}/05-dokumentasi/01-sesi-tanya-jawab.jpg") == demo_ws.files.read(photo.sha256)
    missing = _index_missing(pack)
    assert Gap.NO_PHOTO not in missing and Gap.NO_SIGNED_LIST in missing
    assert "Sesi tanya jawab" in all_text(pack.read("00-indeks-paket-bukti.pdf"))
    said = workspace.pack.text.text()
    assert said == f"Saved as {saved.name} in {folder} — its index lists {len(missing)} thing(s) still missing."
    activate(qtbot, window)
    click(qtbot, workspace.pack.open_button)
    assert opened == [QUrl.fromLocalFile(str(folder))]


def test_a_periods_evidence_pack_from_the_follow_up_page(
    qtbot: QtBot, demo_ws: Workspace, demo_forum: str, window: MainWindow, folder: Path
) -> None:
    unit = one(demo_ws, Forum, id=demo_forum).unit_id
    demo_ws.write(forums.create_forum, unit_id=unit, title="FKP Standar Pelayanan", held_on="2024-11-05")
    demo_ws.write(forums.create_forum, unit_id=unit, title="FKP Awal Tahun", held_on="2025-01-15")
    click_nav(qtbot, window.nav, FOLLOW_UP)
    page = window.follow_up
    qtbot.waitUntil(lambda: page.pack_button.isEnabled())
    click(qtbot, page.pack_button)
    qtbot.waitUntil(lambda: isinstance(QApplication.activeModalWidget(), PeriodDialog))
    dialog = QApplication.activeModalWidget()
    assert isinstance(dialog, PeriodDialog)
    qtbot.waitExposed(dialog)
    activate(qtbot, dialog)
    assert Keyboard(qtbot, dialog).focused() is dialog.year  # a year can be typed at once
    # "From one day to another", clicked on its circle (a radio button answers on its circle and words).
    qtbot.mouseClick(dialog.by_days, LEFT, pos=QPoint(8, dialog.by_days.height() // 2))
    assert dialog.by_days.isChecked()
    assert dialog.starts.isEnabled() and not dialog.year.isEnabled()
    replace_text(qtbot, dialog.starts, "01-08-2024")
    replace_text(qtbot, dialog.ends, "31-07-2024")  # before the start: said, nothing made
    qtbot.keyClick(dialog.ends, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: "before it starts" in dialog.message.text())
    assert dialog.isVisible()
    replace_text(qtbot, dialog.ends, "31-12-2024")
    qtbot.keyClick(dialog.ends, Qt.Key.Key_Return)
    name = "paket-bukti-2024-08-01-sd-2024-12-31-kppn-sorong.zip"
    accept_proposed(qtbot, name, folder)
    qtbot.waitUntil(lambda: page.pack.result is not None, timeout=30_000)
    pack = zipfile.ZipFile(folder / name)
    folders = sorted({n.split("/")[0] for n in pack.namelist() if "/" in n})
    assert folders == [DEMO_FOLDER, "fkp-2024-11-05-fkp-standar-pelayanan"]  # not the forum of 2025
    assert Gap.DRAFT_MINUTES in _index_missing(pack) and Gap.NO_SURVEY_PERIOD in _index_missing(pack)
    text = all_text(pack.read("00-indeks-paket-bukti.pdf"))
    assert "1 Agustus 2024 s.d. 31 Desember 2024" in text and "2 forum" in text
    assert page.pack.open_button.isVisible()
