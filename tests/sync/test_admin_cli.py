"""`mufakat-server`: every command acts on the database --db names (before or after the
command), and every mistake is one line on stderr with exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from server_stub.__main__ import main
from server_stub.models import Device, ServerUnit
from server_stub.store import ServerStore
from tests.sync.conftest import Running


def run(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    try:
        code = main(list(args))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def units_in(url: str) -> list[str]:
    store = ServerStore(url)
    try:
        with store.transaction() as session:
            return sorted(session.scalars(select(ServerUnit.code)))
    finally:
        store.close()


def test_db_before_the_command_is_the_database_acted_on(
    server_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MUFAKAT_SERVER_DB", raising=False)
    assert run(capsys, "--db", server_db, "unit", "add", "--code", "DJPB", "--name", "DJPb")[0] == 0
    assert (
        run(
            capsys,
            "unit",
            "add",
            "--code",
            "KANWIL",
            "--name",
            "Kanwil",
            "--parent",
            "DJPB",
            "--db",
            server_db,
        )[0]
        == 0
    )
    assert units_in(server_db) == ["DJPB", "KANWIL"]
    assert not (tmp_path / "mufakat-server.sqlite3").exists()
    code, out, _ = run(capsys, "--db", server_db, "enroll-code", "KANWIL")
    assert code == 0 and len(out.strip()) == 14


def test_a_revocation_lands_in_the_database_named(
    device: object,
    server: Running,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    from desktop.workspace import Workspace

    assert callable(device)
    a = device("a", "KPPN-SORONG")
    assert isinstance(a, Workspace)
    monkeypatch.chdir(tmp_path)
    url = server.store.engine.url.render_as_string(hide_password=False)
    code, out, _ = run(capsys, "--db", url, "device", "revoke", a.ctx.device_id)
    assert code == 0 and a.ctx.device_id in out
    with server.store.transaction() as session:
        assert session.get(Device, a.ctx.device_id).revoked_at is not None  # type: ignore[union-attr]
    code, out, _ = run(capsys, "--db", url, "device", "list")
    assert a.ctx.device_id in out and "revoked" in out


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--db", "not a url", "unit", "list"], "is not a database URL"),
        (["--db", "sqlite:////no/such/folder/s.sqlite3", "unit", "list"], "does not exist"),
        (["--db", "nosuchdriver://x/y", "unit", "list"], "database"),
        (["--db", "postgresql+psycopg://mufakat:wrong@127.0.0.1:1/x", "unit", "list"], "database"),
        (["enroll-code", "NO-SUCH-UNIT"], "no unit with code NO-SUCH-UNIT"),
        (["unit", "add", "--code", "DJPB", "--name", "again"], "unit code DJPB is already used"),
        (["unit", "add", "--code", "X", "--name", "X", "--parent", "NOPE"], "no parent unit with code NOPE"),
        (["device", "revoke", "no-such-device"], "no device no-such-device"),
        (["unit", "frobnicate"], "invalid choice"),
    ],
)
def test_every_admin_mistake_is_one_line_and_exit_2(
    args: list[str],
    expected: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    monkeypatch.setenv("MUFAKAT_SERVER_DB", url)
    assert run(capsys, "unit", "add", "--code", "DJPB", "--name", "DJPb")[0] == 0
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert expected in err and err.count("\n") == 1 and err.startswith("mufakat-server")
    assert "Traceback" not in err and "Error)" not in err and "wrong" not in err
