"""A `-wal` of another copy beside a restored database is never replayed into it; the
database's own `-wal` after a crash still is."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.app.workspace import Workspace
from desktop.cli.commands import main as cli
from desktop.core.config import DB_FILENAME, Settings, log_path
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from tests.helpers import make_tree


def crash_image(ws: Workspace, target: Path) -> None:
    """The data folder as a power cut would leave it: the database, its -wal, -shm and mark."""
    target.mkdir()
    for item in ws.data_dir.iterdir():
        if item.name.startswith(DB_FILENAME):
            shutil.copyfile(item, target / item.name)


def test_a_journal_of_another_copy_is_set_aside(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "d"
    ws = Workspace.open(data, Settings(language="en"))
    forum = make_tree(ws).forum
    ws.write(recs.add_recommendation, forum, text="Tersimpan di salinan cadangan", scope="unit")
    ws.close()
    backup = tmp_path / "backup.sqlite3"
    shutil.copyfile(data / DB_FILENAME, backup)  # the laptop's backup, taken while closed

    ws = Workspace.open(data, Settings(language="en"))
    ws.write(recs.add_recommendation, forum, text="Hanya di jurnal salinan lama", scope="unit")
    crash_image(ws, tmp_path / "crashed")  # the app dies here: its journal stays
    ws.close()
    crashed = tmp_path / "crashed"
    assert (crashed / f"{DB_FILENAME}-wal").stat().st_size > 0
    shutil.copyfile(backup, crashed / DB_FILENAME)  # the user restores the backup copy

    code = cli(["--data-dir", str(crashed), "--lang", "en", "export", "--format", "json"])
    out, err = capsys.readouterr()
    assert code == 0
    assert "Tersimpan di salinan cadangan" in out and "Hanya di jurnal salinan lama" not in out
    assert "replaced by another copy" in err and "It was not applied" in err
    assert [p.name for p in crashed.iterdir() if ".other-copy-" in p.name]  # kept for support
    with sqlite3.connect(crashed / DB_FILENAME) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_the_user_reads_one_message_and_the_log_file_keeps_the_details(tmp_path: Path) -> None:
    """The command line as a user runs it (no test harness catching log lines): the English log
    line goes to the data folder's log file, stderr holds the one message in the user's language."""
    data = tmp_path / "d"
    ws = Workspace.open(data, Settings(language="id"))
    forum = make_tree(ws).forum
    ws.close()
    backup = tmp_path / "backup.sqlite3"
    shutil.copyfile(data / DB_FILENAME, backup)
    ws = Workspace.open(data, Settings(language="id"))
    ws.write(recs.add_recommendation, forum, text="Hanya di jurnal salinan lama", scope="unit")
    crash_image(ws, tmp_path / "crashed")
    ws.close()
    crashed = tmp_path / "crashed"
    shutil.copyfile(backup, crashed / DB_FILENAME)
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(crashed), "--lang", "id", "forums"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert result.stderr.count("\n") == 1 and result.stderr.startswith("mufakat: ")
    assert "belonged to another copy" not in result.stderr  # English, for support: in the log
    assert "belonged to another copy" in log_path(crashed).read_text(encoding="utf-8")


def test_the_databases_own_journal_is_replayed_after_a_crash(tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "d", Settings(language="en"))
    forum = make_tree(ws).forum
    ws.write(recs.add_recommendation, forum, text="Diketik tepat sebelum listrik padam", scope="unit")
    crash_image(ws, tmp_path / "crashed")
    ws.close()
    again = Workspace.open(tmp_path / "crashed", Settings(language="en"))
    try:
        assert again.store.notices == []
        assert "Diketik tepat sebelum listrik padam" in again.read(export_json)
    finally:
        again.close()


def test_another_program_reading_the_database_never_takes_the_apps_journal(tmp_path: Path) -> None:
    """While the app has the database open, another program (the CLI, a backup, a check) opens
    and closes it: the -wal the app writes into stays, and what the app saves afterwards is in
    the database for everyone. (Opening the app once dropped its own file locks, and that other
    program's closing deleted the -wal: everything saved after it was lost at exit.)"""
    ws = Workspace.open(tmp_path / "d", Settings(language="en"))
    try:
        forum = make_tree(ws).forum
        path = ws.data_dir / DB_FILENAME
        reader = (
            "import sqlite3, sys; c = sqlite3.connect(sys.argv[1]); "
            "c.execute('SELECT count(*) FROM recommendations').fetchall(); c.close()"
        )
        subprocess.run([sys.executable, "-c", reader, str(path)], check=True, timeout=60)
        ws.write(recs.add_recommendation, forum, text="Disimpan setelah program lain membaca", scope="unit")
        assert path.with_name(DB_FILENAME + "-wal").exists()
        count = (
            "import sqlite3, sys; print(sqlite3.connect(sys.argv[1]).execute("
            "\"SELECT count(*) FROM recommendations WHERE text LIKE 'Disimpan setelah%'\").fetchone()[0])"
        )
        seen = subprocess.run(
            [sys.executable, "-c", count, str(path)], check=True, timeout=60, capture_output=True, text=True
        )
        assert seen.stdout.strip() == "1"
    finally:
        ws.close()
