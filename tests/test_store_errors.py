"""SQLite's failures told apart at the store's boundary, on real disks: a full 1 MB tmpfs, a
read-only mount, a lock held by another writer, pages damaged in the middle of the file. Each
has its own message with what to do; a full disk is never called damaged."""

from __future__ import annotations

import logging
import sqlite3
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.app.workspace import Workspace
from desktop.cli.commands import main as cli
from desktop.core.config import DB_FILENAME, Settings
from desktop.core.errors import StoreError
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.store import db
from tests.helpers import make_tree


def mount(folder: Path, options: str) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    done = subprocess.run(["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode().strip()}")


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real small disk (tmpfs, 4 MB: an empty Mufakat database and its journal take about
    one), unmounted afterwards."""
    folder = tmp_path / "disk"
    mount(folder, "size=4m")
    yield folder
    logging.basicConfig(handlers=[logging.NullHandler()], force=True)  # the CLI logged there
    subprocess.run(["umount", "-l", str(folder)], check=False)


def fill(disk: Path) -> Path:
    """Fill the disk to the last byte; returns the filler file (delete it to free the space)."""
    filler = disk / "filler"
    try:
        with filler.open("wb") as fh:
            while True:
                fh.write(b"\0" * 4096)
                fh.flush()
    except OSError:
        pass
    return filler


def test_a_full_disk_says_full_never_damaged_and_keeps_what_was_saved(small_disk: Path) -> None:
    data = small_disk / "mufakat"
    ws = Workspace.open(data, Settings(language="en"))
    tree = make_tree(ws)
    kept = ws.write(recs.add_recommendation, tree.forum, text="Disimpan sebelum disk penuh", scope="unit")
    filler = fill(small_disk)
    with pytest.raises(StoreError) as full:
        for n in range(200):
            ws.write(recs.add_recommendation, tree.forum, text=f"Usulan panjang {n} " + "x" * 1900, scope="unit")
    message = full.value.message
    assert "is full" in message and "damaged" not in message and "restore" not in message
    assert str(data / DB_FILENAME) in message
    ws.close()
    # Opening again on the full disk: still not "damaged".
    try:
        again = Workspace.open(data, Settings(language="en"))
    except StoreError as exc:
        assert "damaged" not in exc.message and "restore" not in exc.message
    else:
        again.close()
    filler.unlink()
    reopened = Workspace.open(data, Settings(language="en"))
    assert "Disimpan sebelum disk penuh" in reopened.read(export_json) and kept
    reopened.write(recs.add_recommendation, tree.forum, text="Sesudah ruang dikosongkan", scope="unit")
    reopened.close()


def test_a_full_disk_in_the_cli_is_one_line(small_disk: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = small_disk / "mufakat"
    assert cli(["--data-dir", str(data), "--lang", "en", "demo"]) == 0
    forum = capsys.readouterr().out.strip()
    sheet = small_disk.parent / "list.csv"
    rows = "".join(f"Peserta {n} {'y' * 150},Dinas,satker\n" for n in range(400))
    sheet.write_text("Nama,Instansi,Unsur\n" + rows, encoding="utf-8")
    fill(small_disk)
    code = cli(["--data-dir", str(data), "--lang", "en", "import-participants", forum, str(sheet)])
    err = capsys.readouterr().err
    assert code == 2 and "is full" in err and err.count("\n") == 1
    assert "damaged" not in err and "Error" not in err


def test_a_read_only_disk_says_read_only(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    mount(disk, "size=8m")
    try:
        data = disk / "mufakat"
        ws = Workspace.open(data, Settings(language="en"))
        forum = make_tree(ws).forum
        ws.close()
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        with pytest.raises(StoreError, match="cannot be written"):
            Workspace.open(data, Settings(language="en"))  # refused at the door, as before
        store = db.Store(data / DB_FILENAME)  # and if the disk turns read-only while in use:
        try:
            with pytest.raises(StoreError) as refused, store.write() as session:
                session.execute(text_update(forum))
            assert "read-only" in refused.value.message and "damaged" not in refused.value.message
        finally:
            store.close()
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)


def text_update(forum: str) -> object:
    from sqlalchemy import text

    return text("UPDATE forums SET venue = 'Aula' WHERE id = :id").bindparams(id=forum)


def test_a_lock_held_too_long_says_busy(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(db, "BUSY_TIMEOUT_MS", 50)
    ws = Workspace.open(tmp_path / "d", Settings(language="en"))
    tree = make_tree(ws)
    other = sqlite3.connect(tmp_path / "d" / DB_FILENAME, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another program holds the write lock
    try:
        with pytest.raises(StoreError, match="is busy: another program"):
            ws.write(recs.add_recommendation, tree.forum, text="Menunggu kunci", scope="unit")
    finally:
        other.execute("ROLLBACK")
        other.close()
    ws.write(recs.add_recommendation, tree.forum, text="Sesudah kunci dilepas", scope="unit")
    ws.close()


def test_damage_in_the_middle_pages_found_while_reading_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tmp_path / "d"
    ws = Workspace.open(data, Settings(language="en"))
    tree = make_tree(ws)
    for n in range(400):
        ws.write(recs.add_recommendation, tree.forum, text=f"Usulan nomor {n} " + "z" * 300, scope="unit")
    ws.close()
    path = data / DB_FILENAME
    with sqlite3.connect(path) as conn:
        page = conn.execute("PRAGMA page_size").fetchone()[0]
        # The middle of the recommendations' pages (the middle of the file may hold pages the
        # export never reads, such as the outbox's).
        query = "SELECT pageno FROM dbstat WHERE name = 'recommendations' ORDER BY pageno"
        pages = [n for (n,) in conn.execute(query)]
    raw = bytearray(path.read_bytes())
    middle = (pages[len(pages) // 2] - 1) * page
    raw[middle : middle + 8 * page] = b"\xa5" * (8 * page)  # eight pages in the middle
    path.write_bytes(bytes(raw))
    code = cli(["--data-dir", str(data), "--lang", "en", "export", "--format", "json"])
    err = capsys.readouterr().err
    assert code == 2 and "is damaged" in err and "backups folder" in err
    assert "unexpected error" not in err and err.count("\n") == 1
