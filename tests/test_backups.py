"""Backups of the laptop's database: taken while the database is in use, thinned out to 7 daily
and 12 monthly ones, copied to a second folder when it is there; a restore checks the copy
before it replaces anything and keeps what it replaced."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from desktop.app.workspace import Workspace
from desktop.core.config import DB_FILENAME, Settings
from desktop.core.errors import InputError
from desktop.services import units
from desktop.services.export import export_json
from desktop.store import backups
from desktop.store.db import known_revisions

NOON = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def with_office(ws: Workspace, name: str) -> None:
    ws.write(units.create_unit, code=name.upper().replace(" ", "-"), name=name)


def test_a_backup_is_taken_while_the_database_is_in_use_and_holds_the_last_save(ws: Workspace) -> None:
    with_office(ws, "KPPN Sorong")  # committed in the journal (WAL), not yet in the main file
    result = backups.back_up(ws.data_dir, backups.MANUAL)
    assert result.note is None and result.backup.label == "manual"
    with sqlite3.connect(result.backup.path) as conn:
        assert conn.execute("SELECT name FROM units").fetchall() == [("KPPN Sorong",)]
    assert backups.list_backups(backups.backup_dir(ws.data_dir)) == [result.backup]
    assert not [p for p in backups.backup_dir(ws.data_dir).iterdir() if p.name.startswith(".")]


def test_seven_daily_and_twelve_monthly_backups_are_kept(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    start = NOON - timedelta(days=449)
    for day in range(450):  # a backup every day for 450 days, two on some (named as taken)
        when = start + timedelta(days=day)
        for label, hours in ((backups.DAILY, 0), (backups.MANUAL, 3))[: 2 if day % 10 == 0 else 1]:
            stamp = (when + timedelta(hours=hours)).strftime("%Y%m%dT%H%M%S%fZ")
            (folder / f"mufakat-{stamp}-{label}.sqlite3").write_bytes(b"")
    backups.rotate(folder)
    kept = backups.list_backups(folder)
    days = sorted({b.local_day for b in kept}, reverse=True)
    newest_days = days[:7]
    assert newest_days == [NOON.astimezone().date() - timedelta(days=n) for n in range(7)]
    months = sorted({(b.local_day.year, b.local_day.month) for b in kept}, reverse=True)
    assert len(months) == 12
    # one per day at most (its newest), and beyond the last 7 days one per month: its last day
    assert len(kept) == len({b.local_day for b in kept})
    assert all(b.label == "manual" for b in kept if (b.local_day - start.date()).days % 10 == 0)
    older = [b for b in kept if b.local_day not in newest_days]
    for backup in older:
        assert (backup.local_day + timedelta(days=1)).month != backup.local_day.month
    assert len(kept) == 7 + 11  # this month's newest is among the last 7 days


def test_each_backup_thins_out_the_older_ones(tmp_path: Path) -> None:
    data_dir = tiny_data_folder(tmp_path)
    for day in range(10):
        backups.back_up(data_dir, backups.DAILY, now=NOON + timedelta(days=day))
    kept = backups.list_backups(backups.backup_dir(data_dir))
    # the last 7 days, and 30 November: the newest of its month
    assert [b.taken_at for b in kept] == [NOON + timedelta(days=d) for d in (*range(9, 2, -1), 0)]


def test_other_backups_are_never_thinned_out(tmp_path: Path) -> None:
    data_dir = tiny_data_folder(tmp_path)
    folder = backups.backup_dir(data_dir)
    backups.take_backup(data_dir / DB_FILENAME, folder, "before-0013", now=NOON - timedelta(days=900))
    backups.take_backup(data_dir / DB_FILENAME, folder, backups.REPLACED, now=NOON - timedelta(days=800))
    for day in range(30):
        backups.back_up(data_dir, backups.DAILY, now=NOON - timedelta(days=day))
    labels = [b.label for b in backups.list_backups(folder)]
    assert "before-0013" in labels and "replaced" in labels


def test_an_automatic_backup_is_due_once_a_day(ws: Workspace) -> None:
    folder = backups.backup_dir(ws.data_dir)
    assert backups.is_due(folder, NOON)
    backups.back_up(ws.data_dir, backups.DAILY, now=NOON)
    assert not backups.is_due(folder, NOON + timedelta(hours=3))
    assert backups.is_due(folder, NOON + timedelta(days=1))


def test_a_copy_goes_to_the_second_folder_and_a_missing_one_is_a_note(ws: Workspace, tmp_path: Path) -> None:
    stick = tmp_path / "usb"
    result = backups.back_up(ws.data_dir, backups.MANUAL, stick)
    assert result.note is not None and str(stick) in result.note
    assert result.backup.path.exists()  # kept in the data folder all the same
    stick.mkdir()
    result = backups.back_up(ws.data_dir, backups.MANUAL, stick)
    assert result.note is None
    assert (stick / result.backup.path.name).read_bytes() == result.backup.path.read_bytes()


def tiny_data_folder(tmp_path: Path) -> Path:
    """The rotation does not look inside the copies: a small database is copied faster."""
    folder = tmp_path / "tiny"
    folder.mkdir()
    with sqlite3.connect(folder / DB_FILENAME) as conn:
        conn.execute("CREATE TABLE t (x)")
    return folder


# -- restoring ---------------------------------------------------------------------------------
def reopen(ws: Workspace) -> Workspace:
    return Workspace.open(ws.data_dir, Settings(language="en", operator="Tester"))


def test_a_restore_brings_back_the_copy_and_keeps_what_it_replaced(ws: Workspace) -> None:
    with_office(ws, "KPPN Sorong")
    copy = backups.back_up(ws.data_dir, backups.MANUAL).backup
    before = ws.read(export_json)
    with_office(ws, "KPPN Manokwari")
    after = ws.read(export_json)
    ws.close()
    kept = backups.restore(ws.data_dir, copy.path, known_revisions())
    assert kept is not None and kept.label == "replaced"
    restored = reopen(ws)
    try:
        assert restored.read(export_json) == before
    finally:
        restored.close()
    with sqlite3.connect(kept.path) as conn:  # the replaced database is whole
        assert {r[0] for r in conn.execute("SELECT name FROM units")} == {"KPPN Sorong", "KPPN Manokwari"}
    assert "KPPN Manokwari" in after


def damaged(copy: Path) -> Path:
    data = bytearray(copy.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):
        data[offset : offset + 64] = b"\xff" * 64
    copy.write_bytes(bytes(data))
    return copy


def newer(copy: Path) -> Path:
    with sqlite3.connect(copy) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    return copy


def foreign(copy: Path) -> Path:
    copy.unlink()
    with sqlite3.connect(copy) as conn:
        conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY)")
    return copy


def not_a_database(copy: Path) -> Path:
    copy.write_text("Daftar hadir\n", encoding="utf-8")
    return copy


@pytest.mark.parametrize(
    ("spoil", "words"),
    [
        (damaged, "damaged"),
        (newer, "newer version"),
        (foreign, "another program"),
        (not_a_database, "not a Mufakat backup"),
    ],
)
def test_a_copy_unfit_to_restore_is_refused_and_nothing_changes(ws: Workspace, spoil, words: str) -> None:
    with_office(ws, "KPPN Sorong")
    copy = spoil(backups.back_up(ws.data_dir, backups.MANUAL).backup.path)
    ws.close()
    db = ws.data_dir / DB_FILENAME
    before = db.read_bytes()
    listed = backups.list_backups(backups.backup_dir(ws.data_dir))
    with pytest.raises(InputError, match=words):
        backups.restore(ws.data_dir, copy, known_revisions())
    assert db.read_bytes() == before
    assert backups.list_backups(backups.backup_dir(ws.data_dir)) == listed


def test_the_day_of_a_backup_is_the_laptops_own(ws: Workspace) -> None:
    backup = backups.back_up(ws.data_dir, backups.MANUAL, now=NOON).backup
    assert backup.local_day == NOON.astimezone().date()
    assert isinstance(backup.local_day, date)


def test_an_update_backs_the_older_database_up_first_and_it_can_be_restored(tmp_path: Path) -> None:
    """A newer Mufakat opening a data folder of an older one: the backup taken before migrating
    is listed with the others, and restoring it brings the older data up to date again."""
    from sqlalchemy import create_engine

    from desktop.store.db import head_revision, migrate

    data_dir = tmp_path / "data"
    data_dir.mkdir()
    engine = create_engine(f"sqlite:///{data_dir / DB_FILENAME}")
    with engine.connect() as conn:
        migrate(conn, "0013")
        conn.commit()
    engine.dispose()
    ws = Workspace.open(data_dir, Settings(language="en"))
    try:
        with_office(ws, "KPPN Sorong")
    finally:
        ws.close()
    (taken,) = backups.list_backups(backups.backup_dir(data_dir))
    assert taken.label == f"before-{head_revision()}"
    assert backups.label_text(taken.label) == f"taken before the update to schema {head_revision()}"
    assert backups.check_copy(taken.path, known_revisions()) == "0013"
    backups.restore(data_dir, taken.path, known_revisions())
    again = Workspace.open(data_dir, Settings(language="en"))  # migrated again, with a backup first
    try:
        assert "KPPN Sorong" not in again.read(export_json)
    finally:
        again.close()
    labels = sorted(b.label for b in backups.list_backups(backups.backup_dir(data_dir)))
    assert labels == [f"before-{head_revision()}", f"before-{head_revision()}", "replaced"]
