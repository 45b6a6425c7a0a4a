"""The evidence pack on a laptop that has not received every file (issue #16): with the server
at hand it fetches them and packs them; without it (offline) its index says which laptop holds
each one, and the pack is made all the same."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable
from datetime import date
from pathlib import Path

from openpyxl import load_workbook

from desktop.app.workspace import Workspace
from desktop.core.config import FETCH_ON_DEMAND, Settings
from desktop.documents.evidence_pack import INDEX, make_pack
from desktop.services import attachments
from desktop.services.evidence_pack import Gap, PackScope
from desktop.sync.engine import sync_once
from protocol.vocab import AttachmentKind, AttachmentOwner
from tests.attachments import samples
from tests.sync.attached import a_forum

Device = Callable[..., Workspace]


def _missing(pack: Path) -> list[str]:
    book = load_workbook(io.BytesIO(zipfile.ZipFile(pack).read(f"{INDEX}.xlsx")))
    return [str(row[2]) for row in book["Yang masih kurang"].iter_rows(min_row=2, values_only=True)]


def test_a_pack_fetches_the_files_this_laptop_has_not_got(device: Device, tmp_path: Path) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    b.settings = Settings(language="en", operator="b", fetch_files=FETCH_ON_DEMAND)
    forum = a_forum(a)
    photo = attachments.store_file(a.files, samples.phone_photo(tmp_path / "Pembukaan.jpg", (1200, 900)))
    a.write(attachments.attach, AttachmentOwner.FORUM, forum, photo, caption="Pembukaan forum")
    scan = attachments.store_file(a.files, samples.pdf(tmp_path / "daftar hadir.pdf"))
    a.write(attachments.attach, AttachmentOwner.FORUM, forum, scan, AttachmentKind.ATTENDANCE_SCAN)
    sync_once(a)
    sync_once(b)
    assert not b.files.has(photo.sha256) and not b.files.has(scan.sha256)

    offline = tmp_path / "offline.zip"
    make_pack(b, PackScope.of_forum(forum), offline, as_of=date(2026, 12, 1), fetch=False)
    lines = _missing(offline)
    assert "Foto belum diterima dari laptop a: “Pembukaan forum”." in lines
    assert "Pindaian daftar hadir belum diterima dari laptop a: “daftar hadir.pdf”." in lines
    assert not any("05-dokumentasi" in name for name in zipfile.ZipFile(offline).namelist())

    online = tmp_path / "online.zip"
    make_pack(b, PackScope.of_forum(forum), online, as_of=date(2026, 12, 1))
    pack = zipfile.ZipFile(online)
    folder = "fkp-2026-10-01-fkp-sorong"
    assert pack.read(f"{folder}/05-dokumentasi/01-pembukaan-forum.jpg") == a.files.read(photo.sha256)
    assert pack.read(f"{folder}/02-daftar-hadir-bertanda-tangan.pdf") == a.files.read(scan.sha256)
    lines = _missing(online)
    assert not any("belum diterima" in line for line in lines)
    assert Gap.NO_PHOTO not in lines and Gap.NO_SIGNED_LIST not in lines
