"""`mufakat-server`: every command acts on the database --db names (before or after the
command), and every mistake is one line on stderr with exit code 2."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine, inspect, select
from sqlalchemy.pool import NullPool

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
    assert run(capsys, "init", "--db", server_db)[0] == 0
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
    from desktop.app.workspace import Workspace

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
    header, *rows = out.splitlines()
    assert header.split("\t") == ["DEVICE", "UNIT", "NAME", "ENROLLED", "LAST SEEN", "STATE"]
    assert all(len(row.split("\t")) == 6 for row in rows) and len(rows) == 1
    with server.store.transaction() as session:
        when = session.get(Device, a.ctx.device_id).revoked_at  # type: ignore[union-attr]
    code, out, err = run(capsys, "--db", url, "device", "revoke", a.ctx.device_id)  # again
    assert code == 0 and err == ""
    assert (
        out.strip() == f"{a.ctx.device_id} was already revoked on {when:%Y-%m-%d %H:%M} UTC; nothing changed"
    )
    with server.store.transaction() as session:
        assert session.get(Device, a.ctx.device_id).revoked_at == when  # type: ignore[union-attr]


def test_a_unit_code_written_otherwise_is_said_as_it_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("MUFAKAT_SERVER_DB", f"sqlite:///{tmp_path / 's.sqlite3'}")
    assert run(capsys, "init")[0] == 0
    code, out, err = run(capsys, "unit", "add", "--code", "kanwil  pbd", "--name", "Kanwil PBD")
    assert code == 0 and len(out.strip()) == 36  # the id, for scripts
    assert (
        err
        == "mufakat-server: note: the unit code 'kanwil  pbd' is kept as KANWIL-PBD (upper case, spaces as -)\n"
    )
    code, out, err = run(
        capsys, "unit", "add", "--code", "KPPN-SORONG", "--name", "KPPN", "--parent", "kanwil pbd"
    )
    assert code == 0 and err == ""  # written as kept: nothing to say; the parent found as typed
    assert [line.split("\t")[0] for line in run(capsys, "unit", "list")[1].splitlines()] == [
        "KANWIL-PBD",
        "KPPN-SORONG",
    ]


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
    assert run(capsys, "init")[0] == 0
    assert run(capsys, "unit", "add", "--code", "DJPB", "--name", "DJPb")[0] == 0
    code, out, err = run(capsys, *args)
    assert code == 2 and out == ""
    assert expected in err and err.count("\n") == 1 and err.startswith("mufakat-server")
    assert "Traceback" not in err and "Error)" not in err and "wrong" not in err


def tables_of(url: str) -> set[str]:
    engine = create_engine(url, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            return set(inspect(conn).get_table_names())
    finally:
        engine.dispose()


def one_line(code: int, out: str, err: str, *expected: str) -> None:
    assert code == 2 and out == "", (code, out, err)
    assert err.count("\n") == 1 and err.startswith("mufakat-server: "), err
    assert all(part in err for part in expected), err
    assert "Traceback" not in err and "mufakat:mufakat@" not in err  # no password shown


@pytest.mark.parametrize(
    "args",
    [
        ["unit", "list"],
        ["unit", "add", "--code", "DJPB", "--name", "DJPb"],
        ["enroll-code", "KPPN-SORONG"],
        ["device", "list"],
        ["closed-day", "list"],
        ["release"],
        ["restored"],
        ["backup", "--to", "backups"],
        ["serve", "--port", "0"],
    ],
    ids=lambda args: "-".join(args[:2]),
)
def test_a_database_that_is_not_a_servers_is_refused_and_left_as_it_was(
    server_db: str,
    args: list[str],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """A wrong but well-formed --db (a mistyped file name; a PostgreSQL database that is not the
    server's) is one line and exit 2, and nothing is made there: no file, no table."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("MUFAKAT_SERVER_DB", raising=False)
    wrong = server_db.replace("server.sqlite3", "servre.sqlite3")
    code, out, err = run(capsys, "--db", wrong, *args)
    one_line(code, out, err, "is not a Mufakat server database", "mufakat-server init")
    if wrong.startswith("sqlite"):
        assert "(no such file)" in err
        assert not (tmp_path / "servre.sqlite3").exists()
    else:
        assert "(it has no tables)" in err
        assert tables_of(wrong) == set()
    assert not (tmp_path / "backups").exists()


def test_the_default_database_read_in_another_folder_is_refused_with_where_it_looked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The administrator made the server in /srv/mufakat and runs a command from the home folder:
    the relative default names a file that is not there; it is said, with the folder looked in."""
    made = tmp_path / "srv"
    made.mkdir()
    monkeypatch.delenv("MUFAKAT_SERVER_DB", raising=False)
    monkeypatch.chdir(made)
    assert run(capsys, "init")[0] == 0
    assert run(capsys, "unit", "add", "--code", "DJPB", "--name", "DJPb")[0] == 0
    elsewhere = tmp_path / "home"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, out, err = run(capsys, "unit", "list")
    one_line(code, out, err, str(elsewhere / "mufakat-server.sqlite3"), "the default: in the current folder")
    assert "no such file" in err
    assert list(elsewhere.iterdir()) == []
    monkeypatch.setenv("MUFAKAT_SERVER_DB", f"sqlite:///{elsewhere / 'x.sqlite3'}")
    one_line(*run(capsys, "unit", "list"), "from MUFAKAT_SERVER_DB")
    assert list(elsewhere.iterdir()) == []


def test_init_makes_the_database_once_and_then_only_brings_it_up_to_date(
    server_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    code, out, _ = run(capsys, "init", "--db", server_db)
    assert code == 0 and out.startswith("made a new Mufakat server database")
    assert run(capsys, "--db", server_db, "unit", "add", "--code", "DJPB", "--name", "DJPb")[0] == 0
    code, out, _ = run(capsys, "init", "--db", server_db)
    assert code == 0 and "already a Mufakat server database" in out
    assert units_in(server_db) == ["DJPB"]  # nothing lost


def test_init_never_writes_into_another_programs_database(
    server_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    engine = create_engine(server_db, poolclass=NullPool)
    with engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    engine.dispose()
    one_line(*run(capsys, "init", "--db", server_db), "holds tables of another program (invoices)")
    assert tables_of(server_db) == {"invoices"}
    one_line(*run(capsys, "--db", server_db, "unit", "list"), "it holds other tables: invoices")


def test_a_database_an_init_left_half_made_is_said_so_and_init_finishes_it(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    engine = create_engine(url, poolclass=NullPool)
    with engine.begin() as conn:  # what a cut-off migration leaves: its mark, no tables yet
        conn.exec_driver_sql("CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL)")
    engine.dispose()
    one_line(*run(capsys, "--db", url, "unit", "list"), "an init was cut off; run it again")
    assert run(capsys, "--db", url, "init")[0] == 0
    assert run(capsys, "--db", url, "unit", "list")[0] == 0
