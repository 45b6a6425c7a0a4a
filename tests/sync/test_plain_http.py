"""How a laptop reaches its server: plain http:// to another computer is refused before anything
is sent unless the administrator's enrollment code allowed it (--allow-http), which the laptop
remembers and the status bar shows ("Not encrypted"); an office CA is trusted from the system's
store or from the file given at enrollment (--ca-file), kept in the data folder.

"Another computer" is the server on 127.0.0.1 under a name of the office network
(`mufakat.kppn-sorong.test`, resolved here to 127.0.0.1): nothing leaves this machine."""

from __future__ import annotations

import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
import trustme
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot
from sqlalchemy import update

from desktop.app.workspace import Workspace
from desktop.cli.commands import main
from desktop.core.config import Settings
from desktop.core.errors import InputError
from desktop.models import DeviceState
from desktop.services import forums
from desktop.sync.address import NotEncrypted
from desktop.sync.client import CertificateProblem
from desktop.sync.controller import SyncController, SyncState
from desktop.sync.engine import enroll, sync_once
from desktop.sync.trust import CA_FILENAME
from desktop.views.sync_status import SyncStatusBar
from server_stub import auth
from tests.sync.conftest import Running, prepared_store, serving

OFFICE_NAME = "mufakat.kppn-sorong.test"


@pytest.fixture
def office_name(monkeypatch: pytest.MonkeyPatch) -> None:
    """The office network's name of the server, resolved to this machine."""
    real = socket.getaddrinfo

    def resolve(host: Any, *args: Any, **kwargs: Any) -> Any:
        return real("127.0.0.1" if host == OFFICE_NAME else host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", resolve)


@pytest.fixture
def plain(server_db: str) -> Iterator[Running]:
    store = prepared_store(server_db)
    with serving(store) as url:
        yield Running(url.replace("127.0.0.1", OFFICE_NAME), store)
    store.close()


@pytest.fixture
def laptop(tmp_path: Path) -> Iterator[Callable[[str], Workspace]]:
    opened: list[Workspace] = []

    def make(name: str) -> Workspace:
        ws = Workspace.open(tmp_path / name, Settings(language="en", operator=name))
        opened.append(ws)
        return ws

    yield make
    for ws in opened:
        ws.close()


def code(server: Running, allow_http: bool = False) -> str:
    with server.store.transaction() as session:
        return auth.new_enroll_code(session, "KPPN-SORONG", allow_http=allow_http)


def test_plain_http_to_another_computer_is_refused_before_anything_is_sent(
    office_name: None, plain: Running, laptop: Callable[[str], Workspace]
) -> None:
    ws = laptop("a")
    usual = code(plain)
    with pytest.raises(NotEncrypted) as refused:
        enroll(ws, plain.url, usual)
    assert "https://" in refused.value.message and "--allow-http" in refused.value.message
    assert ws.store.device().server_url == ""
    # Nothing reached the server: the code is still unused and works at this computer's address.
    here = plain.url.replace(OFFICE_NAME, "127.0.0.1")
    assert enroll(ws, here, usual) == "KPPN-SORONG"
    assert sync_once(ws).refused == 0
    assert not ws.store.device().plain_http  # this computer itself: nothing crosses a network


def test_a_code_made_with_allow_http_is_remembered_and_the_status_bar_says_not_encrypted(
    qtbot: QtBot, office_name: None, plain: Running, laptop: Callable[[str], Workspace]
) -> None:
    ws = laptop("a")
    assert enroll(ws, plain.url, code(plain, allow_http=True)) == "KPPN-SORONG"
    assert ws.store.device().plain_http
    unit = ws.store.device().home_unit_id
    ws.write(forums.create_forum, unit_id=unit, title="FKP lewat http", held_on="2026-03-12")
    assert sync_once(ws).refused == 0  # and every later sync, without asking again
    controller = SyncController(ws, debounce_ms=60_000)
    bar = SyncStatusBar(controller)
    qtbot.addWidget(bar)
    bar.show()
    try:
        qtbot.mouseClick(bar.sync_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda: controller.status().state == SyncState.UP_TO_DATE, timeout=15_000)
        assert bar.plain_label.isVisible() and bar.plain_label.text() == "Not encrypted"
    finally:
        controller.shutdown()


def test_a_laptop_not_allowed_plain_http_refuses_to_sync_over_it_and_says_what_to_do(
    office_name: None, plain: Running, laptop: Callable[[str], Workspace]
) -> None:
    """Its address changed to a plain one it was never allowed (a copied data folder, an edited
    database): the sync stops before sending the token."""
    ws = laptop("a")
    enroll(ws, plain.url.replace(OFFICE_NAME, "127.0.0.1"), code(plain))
    with ws.store.remote_write(durable=True) as session:
        session.execute(update(DeviceState).values(server_url=plain.url))
    with pytest.raises(NotEncrypted) as refused:
        sync_once(ws)
    assert "enroll again" in refused.value.message and plain.url in refused.value.message


@pytest.fixture
def tls(server_db: str, tmp_path: Path) -> Iterator[tuple[Running, Path]]:
    """A server with a certificate of an office CA that is not installed on this computer; the
    CA's file, as the administrator hands it out."""
    authority = trustme.CA()
    ca_file = tmp_path / "office-ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    pem = tmp_path / "server.pem"
    authority.issue_cert(OFFICE_NAME).private_key_and_cert_chain_pem.write_to_path(str(pem))
    store = prepared_store(server_db)
    with serving(store, pem) as url:
        yield Running(url.replace("127.0.0.1", OFFICE_NAME), store), ca_file
    store.close()


def test_the_office_ca_given_at_enrollment_is_kept_and_trusted_from_then_on(
    office_name: None,
    tls: tuple[Running, Path],
    laptop: Callable[[str], Workspace],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    server, ca_file = tls
    monkeypatch.setenv("SSL_CERT_FILE", str(tmp_path / "no-such-store.pem"))  # an empty system store
    stranger = laptop("stranger")
    with pytest.raises(CertificateProblem):
        enroll(stranger, server.url, code(server))  # the system's store does not know the CA
    ws = laptop("a")
    assert enroll(ws, server.url, code(server), ca_file=ca_file) == "KPPN-SORONG"
    assert (ws.data_dir / CA_FILENAME).read_bytes() == ca_file.read_bytes()
    ca_file.unlink()  # the USB stick it came on is gone
    assert sync_once(ws).refused == 0
    assert not ws.store.device().plain_http


def test_a_wrong_ca_file_is_a_clear_message_and_enrolls_nothing(
    office_name: None, tls: tuple[Running, Path], laptop: Callable[[str], Workspace], tmp_path: Path
) -> None:
    server, _ca_file = tls
    ws = laptop("a")
    notes = tmp_path / "notes.txt"
    notes.write_text("bukan sertifikat\n")
    with pytest.raises(InputError) as wrong:
        enroll(ws, server.url, code(server), ca_file=notes)
    assert "not a certificate file" in wrong.value.message and "PEM" in wrong.value.message
    with pytest.raises(InputError) as missing:
        enroll(ws, server.url, code(server), ca_file=tmp_path / "nowhere.pem")
    assert "does not exist" in missing.value.message
    assert ws.store.device().server_url == "" and not (ws.data_dir / CA_FILENAME).exists()


def test_the_cli_refuses_plain_http_in_one_line(
    plain: Running, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """`mufakat enroll` with a plain address of the office network: exit 2, one line."""
    data = str(tmp_path / "cli")
    server = "http://192.0.2.10:8765"  # TEST-NET: refused before any connection is tried
    assert (
        main(["--data-dir", data, "--lang", "en", "enroll", "--server", server, "--code", code(plain)]) == 2
    )
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "--allow-http" in err and "Traceback" not in err
