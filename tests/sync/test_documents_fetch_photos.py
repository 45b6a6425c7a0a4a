"""Printing on a laptop that fetches files when they are opened (issue 16): the Laporan
Pelaksanaan and the follow-up report fetch the photos they print from the server first, in the
background, saying how far they are; with the server out of reach they print a box saying where
each photo is, and the preview says why, instead of empty frames."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop.app.workspace import Workspace
from desktop.core.config import FETCH_ON_DEMAND, Settings
from desktop.models import DeviceState
from desktop.services import attachments
from desktop.sync.engine import sync_once
from desktop.views.document_dialog import DocumentDialog, forum_document
from protocol.vocab import AttachmentOwner
from tests.attachments import samples
from tests.reports.conftest import all_text
from tests.reports.test_photo_annexes import images_per_page
from tests.sync.attached import a_forum

Device = Callable[..., Workspace]


def _two_laptops(device: Device, tmp_path: Path) -> tuple[Workspace, Workspace, str, list[str]]:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    b.settings = Settings(language="en", operator="b", fetch_files=FETCH_ON_DEMAND)
    forum = a_forum(a)
    hashes = []
    for n in range(3):
        photo = samples.phone_photo(tmp_path / f"kegiatan {n}.jpg", (1600 + n, 1200))
        stored = attachments.store_file(a.files, photo)
        a.write(attachments.attach, AttachmentOwner.FORUM, forum, stored, caption=f"Kegiatan ke-{n + 1}")
        hashes.append(stored.sha256)
    sync_once(a)
    sync_once(b)
    assert not any(b.files.has(sha) for sha in hashes)
    return a, b, forum, hashes


def _preview(qtbot: QtBot, ws: Workspace, forum: str) -> DocumentDialog:
    dialog = DocumentDialog(forum_document(ws, forum, "implementation-report"))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=30_000)
    return dialog


def test_the_report_fetches_its_photos_before_it_is_made(qtbot: QtBot, device: Device, tmp_path: Path) -> None:
    _a, b, forum, hashes = _two_laptops(device, tmp_path)
    dialog = DocumentDialog(forum_document(b, forum, "implementation-report"))
    qtbot.addWidget(dialog)
    assert dialog.status.text() == "Fetching the photos from the server: 0 of 3…"  # in the background
    qtbot.waitUntil(lambda: dialog.pdf is not None, timeout=30_000)
    assert all(b.files.has(sha) for sha in hashes)
    assert dialog.pdf is not None
    assert "belum diterima" not in all_text(dialog.pdf)
    assert sum(len(p) for p in images_per_page(dialog.pdf)) >= 3


def test_offline_the_report_says_where_each_photo_is(qtbot: QtBot, device: Device, tmp_path: Path) -> None:
    a, b, forum, hashes = _two_laptops(device, tmp_path)
    with b.store.write() as session:  # the server out of reach (nothing listens on port 9)
        session.execute(update(DeviceState).values(server_url="http://127.0.0.1:9"))
    dialog = _preview(qtbot, b, forum)
    assert not any(b.files.has(sha) for sha in hashes)
    assert dialog.pdf is not None
    where = f"Foto belum diterima di laptop ini; ada di laptop “{a.ctx.device_name}”"  # a's name travelled
    assert all_text(dialog.pdf).count(where) == 3
    assert "The server could not be reached" in dialog.status.text()
    assert dialog.save_button.isEnabled()
