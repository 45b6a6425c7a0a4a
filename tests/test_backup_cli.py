"""`mufakat backup`, `backups` and `restore`: one line on stderr and exit 2 for a mistake,
nothing changed; a restore works on a database too damaged to open."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.app.workspace import Workspace
from desktop.core.config import DB_FILENAME
from desktop.services import units
from tests.test_cli import run


def test_backup_list_and_restore(ws: Workspace, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = str(ws.data_dir)
    ws.write(units.create_unit, code="KPPN-SORONG", name="KPPN Sorong")
    stick = tmp_path / "usb"
    stick.mkdir()
    code, out, err = run(capsys, "--data-dir", data, "--lang", "en", "backup", "--to", str(stick))
    backup = Path(out.strip())
    assert code == 0 and backup.exists() and (stick / backup.name).exists(), err
    code, out, _ = run(capsys, "--data-dir", data, "--lang", "en", "backup", "--auto")
    assert code == 0 and out.strip() == "A backup was already taken today."
    code, out, _ = run(capsys, "--data-dir", data, "backups")
    when, size, kind, path = out.strip().split("\t")
    assert len(when) == len("2026-11-30 20:05")
    assert kind == "diambil manual" and path == str(backup) and size.endswith("B")
    ws.close()
    (ws.data_dir / DB_FILENAME).write_bytes(b"rusak" * 1000)  # damaged beyond opening
    code, out, err = run(capsys, "--data-dir", data, "--lang", "en", "restore", str(backup))
    assert code == 0, err
    assert "Restored" in out
    code, out, _ = run(capsys, "--data-dir", data, "--lang", "en", "export", "--format", "csv", "--table", "units")
    assert code == 0 and "KPPN Sorong" in out


def test_a_second_folder_that_is_missing_fails_the_command_but_keeps_the_backup(
    ws: Workspace, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, out, err = run(
        capsys, "--data-dir", str(ws.data_dir), "--lang", "en", "backup", "--to", str(tmp_path / "usb")
    )
    assert code == 2 and len(err.strip().splitlines()) == 1 and "not there" in err
    assert Path(out.strip()).exists()


def test_a_file_that_is_not_a_backup_is_refused_and_nothing_changes(
    ws: Workspace, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ws.close()
    db = ws.data_dir / DB_FILENAME
    before = db.read_bytes()
    wrong = tmp_path / "undangan.csv"
    wrong.write_text("nama,instansi\n", encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", str(ws.data_dir), "--lang", "en", "restore", str(wrong))
    assert code == 2 and err.count("\n") == 1 and "not a Mufakat backup" in err and out == ""
    assert db.read_bytes() == before
    assert not (ws.data_dir / "backups").exists()
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "empty"), "--lang", "en", "backup")
    assert code == 2 and "no database" in err


def test_nothing_is_replaced_while_the_app_has_the_folder_open(
    ws: Workspace, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    from desktop.store.folder_lock import hold

    code, out, _ = run(capsys, "--data-dir", str(ws.data_dir), "--lang", "en", "backup")
    backup = out.strip()
    app = hold(ws.data_dir)  # as the running app holds it
    assert app is not None
    before = (ws.data_dir / DB_FILENAME).read_bytes()
    try:
        for args in (("restore", backup), ("move", "import", str(tmp_path / "pindah.zip"), "--replace")):
            code, _, err = run(capsys, "--data-dir", str(ws.data_dir), "--lang", "en", *args)
            assert code == 2 and "close it first" in err and err.count("\n") == 1
        assert (ws.data_dir / DB_FILENAME).read_bytes() == before
    finally:
        app.release()
    ws.close()
    code, _, err = run(capsys, "--data-dir", str(ws.data_dir), "--lang", "en", "restore", backup)
    assert code == 0, err
