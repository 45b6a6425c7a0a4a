from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.app.workspace import Workspace
from desktop.cli.commands import main
from desktop.core.config import Settings
from desktop.services import forums


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:  # argparse's own refusals
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_demo_forums_and_export(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    code, out, _ = run(capsys, "--data-dir", data, "demo")
    forum_id = out.strip()
    assert code == 0 and len(forum_id) == 36
    code, out, err = run(capsys, "demo", "--data-dir", data)
    assert code == 0 and out.strip() == forum_id and "sudah dimuat" in err  # Indonesian by default
    code, out, _ = run(capsys, "--data-dir", data, "--lang", "en", "forums")
    assert code == 0
    header, row = out.strip().splitlines()
    assert header.split("\t")[:3] == ["ID", "Date", "Unit"]
    assert row.split("\t")[:3] == [forum_id, "2024-08-21", "KPPN-SORONG"] and "12/13" in row
    target = tmp_path / "all.json"
    assert run(capsys, "--data-dir", data, "export", "--format", "json", "-o", str(target))[0] == 0
    code, out, _ = run(capsys, "--data-dir", data, "export", "--format", "json")
    assert target.read_text(encoding="utf-8") == out
    assert json.loads(out)["tables"]["forums"][0]["id"] == forum_id
    code, out, _ = run(capsys, "--data-dir", data, "export", "--forum", forum_id, "--format", "csv")
    assert code == 0 and out.startswith("\ufeffForum;Rekomendasi;Agenda")  # Indonesian Excel's separator
    code, out, _ = run(capsys, "--data-dir", data, "export", "--forum", forum_id, "--format", "csv", "--raw")
    assert code == 0 and out.startswith("\ufeffid;unit_id;forum_id")  # the stored columns, for programs
    code, out, _ = run(
        capsys, "--data-dir", data, "--lang", "en", "export", "--forum", forum_id, "--format", "csv", "--raw"
    )
    assert code == 0 and out.startswith("\ufeffid,unit_id,forum_id")


def test_demo_beside_an_offices_own_forums_is_a_sample(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """An office of the demo's very code keeps its forums as they are: `mufakat demo` adds the
    sample beside them (its own units, titled CONTOH), and queues nothing for the server."""
    from sqlalchemy import func, select

    from desktop.models import Forum, OutboxOp
    from desktop.services.units import create_unit, set_home_unit

    data = tmp_path / "d"
    ws = Workspace.open(data, Settings(language="en", operator="Tester"))
    office = ws.write(create_unit, code="KPPN-SORONG", name="KPPN Sorong")
    ws.write(set_home_unit, office)
    own = ws.write(forums.create_forum, unit_id=office, title="FKP 2026", held_on="2026-12-07")
    with ws.store.read() as session:
        queued = session.scalar(select(func.count()).select_from(OutboxOp))
    ws.close()
    code, out, _ = run(capsys, "--data-dir", str(data), "demo")
    sample = out.strip()
    assert code == 0 and sample != own
    ws = Workspace.open(data, Settings(language="en", operator="Tester"))
    with ws.store.read() as session:
        assert session.scalars(select(Forum.title).where(Forum.unit_id == office)).all() == ["FKP 2026"]
        loaded = session.get(Forum, sample)
        assert loaded is not None and loaded.title.startswith("CONTOH — ") and loaded.unit_id != office
        assert session.scalar(select(func.count()).select_from(OutboxOp)) == queued
    ws.close()


def test_indonesian_is_the_default_language(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    run(capsys, "--data-dir", data, "demo")
    code, out, _ = run(capsys, "--data-dir", data, "forums")
    assert code == 0
    assert out.splitlines()[0].split("\t")[:3] == ["ID", "Tanggal", "Unit"]
    assert "Ditutup" in out


def test_import_participants(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = str(tmp_path / "d")
    forum_id = run(capsys, "--data-dir", data, "demo")[1].strip()
    good = tmp_path / "ok.csv"
    good.write_text(
        "Nama,Instansi,Unsur\nNur Yulianti,Rekanan pengadaan,pengguna layanan\nAna Baru,Dinas,satker\n",
        encoding="utf-8",
    )
    code, _out, err = run(capsys, "--data-dir", data, "--lang", "en", "import-participants", forum_id, str(good))
    assert code == 2 and "is closed" in err and len(err.strip().splitlines()) == 1  # its attendance is final
    ws = Workspace.open(Path(data), Settings(language="en"))
    ws.write(forums.reopen_forum, forum_id, "Daftar hadir susulan")
    ws.close()
    code, out, _ = run(capsys, "--data-dir", data, "--lang", "en", "import-participants", forum_id, str(good))
    assert code == 0 and "1 participant(s) imported, 1 already on the list" in out


def _export(capsys: pytest.CaptureFixture[str], data: str) -> str:
    return run(capsys, "--data-dir", data, "export", "--format", "json")[1]


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["import-participants", "{forum}", "{bad}"], "line 3"),
        (["import-participants", "no-such-forum", "{good}"], "does not exist"),
        (["import-participants", "{forum}", "{missing}"], "Cannot read"),
        (["export", "--format", "csv", "--table", "outbox"], "has no spreadsheet layout"),
        (["export", "--format", "csv", "--table", "outbox", "--raw"], "Unknown table"),
        (["export", "--format", "json", "--forum", "nope"], "does not exist"),
        (["export", "--format", "json", "-o", "{nodir}"], "Cannot write"),
        (["export", "--format", "xml"], "invalid choice"),
        (["frobnicate"], "invalid choice"),
    ],
)
def test_errors_are_one_line_exit_2_and_write_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: list[str], message: str
) -> None:
    data = str(tmp_path / "d")
    forum_id = run(capsys, "--data-dir", data, "demo")[1].strip()
    bad = tmp_path / "bad.csv"
    bad.write_text("Nama,Unsur\nAna,satker\n,satker\n", encoding="utf-8")
    good = tmp_path / "good.csv"
    good.write_text("Nama,Unsur\nAna,satker\n", encoding="utf-8")
    values = {
        "forum": forum_id,
        "bad": str(bad),
        "good": str(good),
        "missing": str(tmp_path / "nope.csv"),
        "nodir": str(tmp_path / "no" / "such" / "dir.json"),
    }
    before = _export(capsys, data)
    code, _, err = run(capsys, "--data-dir", data, "--lang", "en", *[a.format(**values) for a in args])
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and message in err
    assert _export(capsys, data) == before


def test_corrupt_database_via_cli(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    data = tmp_path / "d"
    data.mkdir()
    (data / "mufakat.sqlite3").write_bytes(b"this is not a database at all" * 50)
    code, _, err = run(capsys, "--data-dir", str(data), "--lang", "en", "forums")
    assert code == 2 and "is not a Mufakat database" in err and str(data / "mufakat.sqlite3") in err
    assert (data / "mufakat.sqlite3").read_bytes() == b"this is not a database at all" * 50


def test_data_dir_from_environment_and_entry_point(tmp_path: Path) -> None:
    env = {**os.environ, "MUFAKAT_DATA_DIR": str(tmp_path / "envdata")}
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "demo"], env=env, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "envdata" / "mufakat.sqlite3").exists()
    version = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, timeout=60
    )
    assert version.returncode == 0 and version.stdout.startswith("mufakat ")


def test_a_file_the_system_refuses_is_explained_in_the_users_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The system's own reason ("Not a directory") is English whatever the user's language: the
    message says it in Indonesian, on one line, and nothing is written."""
    data = str(tmp_path / "d")
    run(capsys, "--data-dir", data, "demo")
    blocker = tmp_path / "laporan"
    blocker.write_text("a file where a folder was meant", encoding="utf-8")
    target = blocker / "semua.json"
    code, out, err = run(capsys, "--data-dir", data, "export", "--format", "json", "-o", str(target))
    assert code != 0 and out == ""
    assert err.strip() == f"mufakat: Tidak dapat menulis {target}: sebagian jalurnya bukan folder"
    assert not target.exists()


# argparse's own English words (its usage, help and errors), none of which an Indonesian user
# should meet.
ARGPARSE_ENGLISH = re.compile(
    r"\b(usage|options|positional|following|required|invalid|choice|choose|show|message|exit|"
    r"unrecognized|expected|arguments?)\b"
)


@pytest.mark.parametrize(
    "args",
    [
        ("export",),  # --format missing
        ("export", "--format", "yaml"),  # not one of its choices
        ("no-such-command",),
        ("forums", "--no-such-option"),
    ],
)
def test_argparse_refuses_in_indonesian_on_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], args: tuple[str, ...]
) -> None:
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "d"), "--lang", "id", *args)
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert not ARGPARSE_ENGLISH.search(err), err
    assert "lihat --help" in err


@pytest.mark.parametrize("args", [("--help",), ("export", "--help"), ("survey-score", "--help")])
def test_help_is_in_indonesian(capsys: pytest.CaptureFixture[str], args: tuple[str, ...]) -> None:
    code, out, _err = run(capsys, "--lang", "id", *args)
    assert code == 0 and out.startswith("penggunaan: mufakat"), out
    assert "opsi:" in out and "tampilkan bantuan ini, lalu keluar" in out
    assert not ARGPARSE_ENGLISH.search(out), ARGPARSE_ENGLISH.findall(out)
