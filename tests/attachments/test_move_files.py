"""Moving to a new laptop carries the attached files (a photo not yet sent exists nowhere else):
each checked by its hash on the way in, a damaged one refusing the whole move."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.core.errors import InputError
from desktop.models import Forum
from desktop.services import attachments
from desktop.store.db import known_revisions
from desktop.store.move import export_move, import_move
from protocol.vocab import AttachmentOwner
from tests.attachments import samples
from tests.helpers import make_tree


def _old_laptop(ws: Workspace, tmp_path: Path) -> tuple[str, str]:
    tree = make_tree(ws)
    photo = attachments.store_file(ws.files, samples.phone_photo(tmp_path / "foto.jpg", (1600, 1200)))
    scan = attachments.store_file(ws.files, samples.pdf(tmp_path / "daftar hadir.pdf"))
    for stored in (photo, scan):
        ws.write(attachments.attach, AttachmentOwner.FORUM, tree.forum, stored)
    return photo.sha256, scan.sha256


def test_the_attached_files_move_to_the_new_laptop(ws: Workspace, tmp_path: Path) -> None:
    photo, scan = _old_laptop(ws, tmp_path)
    target = tmp_path / "pindah.mufakat"
    manifest = export_move(ws.data_dir, target, known_revisions())
    assert set(manifest["attached"]) == {photo, scan}
    new = tmp_path / "new-laptop"
    import_move(new, target, known_revisions())
    moved = Workspace.open(new, Settings(language="en"))
    try:
        for sha in (photo, scan):
            assert moved.files.read(sha) == ws.files.read(sha)
        with moved.store.read() as session:
            forum = str(session.scalar(select(Forum.id)))
        assert len(moved.read(attachments.forum_attachments, forum)) == 2
    finally:
        moved.close()


def test_a_damaged_attached_file_refuses_the_move(ws: Workspace, tmp_path: Path) -> None:
    photo, _scan = _old_laptop(ws, tmp_path)
    target = tmp_path / "pindah.mufakat"
    export_move(ws.data_dir, target, known_revisions())
    damaged = tmp_path / "rusak.mufakat"
    with zipfile.ZipFile(target) as src, zipfile.ZipFile(damaged, "w") as out:
        for info in src.infolist():
            data = src.read(info)
            if info.filename == f"files/{photo[:2]}/{photo[2:]}":
                data = data[:-1] + bytes([data[-1] ^ 1])  # one bit flipped
            out.writestr(info, data)
    new = tmp_path / "new-laptop"
    with pytest.raises(InputError, match="is damaged"):
        import_move(new, damaged, known_revisions())
    assert not (new / "files").exists() and not (new / "mufakat.sqlite3").exists()
    manifest = json.loads(zipfile.ZipFile(target).read("manifest.json"))
    assert manifest["version"] == 1  # an older Mufakat still takes the file (without the files)


def test_a_backup_copies_the_new_attached_files_to_the_second_folder(ws: Workspace, tmp_path: Path) -> None:
    from desktop.store import backups
    from desktop.store.file_store import FileStore

    stick = tmp_path / "usb"
    stick.mkdir()
    photo, scan = _old_laptop(ws, tmp_path)
    assert backups.back_up(ws.data_dir, backups.MANUAL, stick).note is None
    on_stick = FileStore.of(stick)
    assert set(on_stick.stored()) == {photo, scan} and on_stick.read(scan) == ws.files.read(scan)
    copied_at = on_stick.path_of(photo).stat().st_mtime_ns
    more = attachments.store_file(ws.files, samples.pdf(tmp_path / "notulen.pdf", pages=2))
    backups.back_up(ws.data_dir, backups.MANUAL, stick)
    assert set(on_stick.stored()) == {photo, scan, more.sha256}
    assert on_stick.path_of(photo).stat().st_mtime_ns == copied_at  # only the new one copied
