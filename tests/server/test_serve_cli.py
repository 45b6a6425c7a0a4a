"""`mufakat-server serve`, `backup` and `restore` as an administrator types them: every mistake is
one line on stderr and exit code 2, found before anything starts or changes."""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path

import pytest

from tests.server.processes import add_units, admin_cli, free_port, make_certs, running_server
from tests.server.serving import server_db  # noqa: F401 - fixture


def one_line_error(done: subprocess.CompletedProcess[str], expected: str) -> None:
    assert done.returncode == 2, done.stderr
    assert done.stderr.startswith("mufakat-server: ") and done.stderr.count("\n") == 1, done.stderr
    assert expected in done.stderr, done.stderr
    assert "Traceback" not in done.stderr


@pytest.fixture
def certs(tmp_path: Path):
    return make_certs(tmp_path / "tls")


def test_more_than_one_worker_on_sqlite_is_refused_before_the_database_is_made(tmp_path: Path) -> None:
    database = tmp_path / "s.sqlite3"
    done = admin_cli("serve", "--db", f"sqlite:///{database}", "--port", str(free_port()), "--workers", "2")
    one_line_error(done, "--workers 2: a SQLite database takes one server process")
    assert "PostgreSQL" in done.stderr
    assert not database.exists()


@pytest.mark.parametrize(
    ("option", "expected"),
    [
        ("missing", "--certfile {cert}.nowhere: no such file"),
        ("key as cert", "not a PEM certificate"),
        ("cert as key", "not a PEM private key"),
        ("other key", "is not the key of the certificate"),
        ("only cert", "--certfile and --keyfile go together"),
        ("encrypted key", "the key has a password"),
    ],
)
def test_a_wrong_certificate_or_key_is_one_line(certs, tmp_path: Path, option: str, expected: str) -> None:
    cert, key = str(certs.cert), str(certs.key)
    other = make_certs(tmp_path / "other")
    encrypted = tmp_path / "encrypted.key"
    encrypted.write_text(
        "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIFLTBXBgkqhkiG9w0BBQ0w\n-----END ENCRYPTED PRIVATE KEY-----\n"
    )
    tls = {
        "missing": ["--certfile", cert + ".nowhere", "--keyfile", key],
        "key as cert": ["--certfile", key, "--keyfile", key],
        "cert as key": ["--certfile", cert, "--keyfile", cert],
        "other key": ["--certfile", cert, "--keyfile", str(other.key)],
        "only cert": ["--certfile", cert],
        "encrypted key": ["--certfile", cert, "--keyfile", str(encrypted)],
    }[option]
    database = tmp_path / "s.sqlite3"
    done = admin_cli("serve", "--db", f"sqlite:///{database}", "--port", str(free_port()), *tls)
    one_line_error(done, expected.format(cert=cert))
    assert not database.exists()


def test_a_port_in_use_is_one_line(tmp_path: Path) -> None:
    add_units(f"sqlite:///{tmp_path / 's.sqlite3'}")
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        done = admin_cli("serve", "--db", f"sqlite:///{tmp_path / 's.sqlite3'}", "--port", str(port))
    one_line_error(done, f"port {port} on 127.0.0.1 is in use")


def test_an_address_not_of_this_machine_is_one_line(tmp_path: Path) -> None:
    add_units(f"sqlite:///{tmp_path / 's.sqlite3'}")
    done = admin_cli(
        "serve", "--db", f"sqlite:///{tmp_path / 's.sqlite3'}", "--host", "192.0.2.7", "--port", "8765"
    )
    one_line_error(done, "--host 192.0.2.7: not an address of this machine")


def test_a_second_server_on_one_sqlite_file_is_refused(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    add_units(url)
    with running_server(url, tmp_path) as first:
        done = admin_cli("serve", "--db", url, "--port", str(free_port()))
        one_line_error(done, "another mufakat-server serve is already running on")
        with first.client() as http:
            assert http.get("/readyz").json() == {"ready": True}  # the first one serves on


def test_restore_is_refused_while_a_server_runs(server_db: str, tmp_path: Path) -> None:  # noqa: F811
    add_units(server_db)
    made = admin_cli("backup", "--db", server_db, "--to", str(tmp_path / "backups"))
    assert made.returncode == 0, made.stderr
    backup = Path(made.stdout.strip())
    with running_server(server_db, tmp_path):
        done = admin_cli("restore", "--db", server_db, str(backup), "--to", str(tmp_path / "backups"))
        one_line_error(done, "a mufakat-server is running on")
        assert "stop it first" in done.stderr
    assert sorted(p.name for p in (tmp_path / "backups").iterdir()) == [backup.name]  # nothing done


def test_backup_and_restore_mistakes_are_one_line(server_db: str, tmp_path: Path) -> None:  # noqa: F811
    add_units(server_db)
    kind = "sqlite" if server_db.startswith("sqlite") else "postgresql"
    backups = tmp_path / "backups"
    one_line_error(admin_cli("backup", "--db", server_db, "--to", str(backups), "--keep", "0"), "--keep 0")
    nowhere = tmp_path / "nowhere.sqlite3"
    one_line_error(admin_cli("restore", "--db", server_db, str(nowhere)), f"{nowhere}: no such file")
    text = tmp_path / "notes.txt"
    text.write_text("not a backup\n")
    expected = "is not a SQLite database" if kind == "sqlite" else "is not a pg_dump archive"
    one_line_error(admin_cli("restore", "--db", server_db, str(text)), expected)
    made = admin_cli("backup", "--db", server_db, "--to", str(backups))
    assert made.returncode == 0, made.stderr
    other = f"sqlite:///{tmp_path / 'other.sqlite3'}" if kind == "postgresql" else None
    if other is not None:  # a PostgreSQL backup restored into a SQLite database
        one_line_error(admin_cli("restore", "--db", other, made.stdout.strip()), "is a PostgreSQL backup")
    else:
        assert made.stdout.strip().endswith(".sqlite3")
    one_line_error(
        admin_cli("backup", "--db", f"sqlite:///{nowhere}"),
        f"sqlite:///{nowhere} is not a Mufakat server database (no such file)",
    )


def test_an_enrollment_code_allowing_plain_http_says_so(tmp_path: Path) -> None:
    url = f"sqlite:///{tmp_path / 's.sqlite3'}"
    add_units(url)
    plain = admin_cli("enroll-code", "--db", url, "KPPN-SORONG", "--allow-http")
    usual = admin_cli("enroll-code", "--db", url, "KPPN-SORONG")
    assert plain.returncode == usual.returncode == 0
    assert plain.stdout.startswith("HTTP-") and len(plain.stdout.strip()) == 19
    assert not usual.stdout.startswith("HTTP") and len(usual.stdout.strip()) == 14
