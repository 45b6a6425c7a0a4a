"""The office's CA file in the app's enrollment form (as the CLI's --ca-file), on a real TLS
server on 127.0.0.1 whose certificate an office authority (trustme) issued, driven with keys
and the mouse: without the CA file the form says the server's certificate is not trusted and
what to do, and nothing is enrolled; with the file chosen, the laptop enrolls and syncs, and
Settings shows the CA file it trusts."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
import trustme
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from desktop.app.shell import Shell
from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.sync.controller import SyncState
from desktop.sync.engine import sync_once
from tests.sync.conftest import Running, prepared_store, serving
from tests.sync.test_office_journeys import app_window
from tests.views.drive import type_file_name


@contextmanager
def _back_to_english(shell: Shell) -> Iterator[None]:
    try:
        yield
    finally:
        shell.translations.switch("en")  # the next test's widgets speak English again


@pytest.fixture
def office_server(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[Running, Path]]:
    """A server with a certificate of the office's own authority (installed nowhere), and the
    authority's certificate file, as the administrator hands it out."""
    for name in ("SSL_CERT_FILE", "SSL_CERT_DIR"):
        monkeypatch.delenv(name, raising=False)
    authority = trustme.CA()
    ca_file = tmp_path / "ca-kantor.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    pem = tmp_path / "server.pem"
    authority.issue_cert("127.0.0.1", "localhost").private_key_and_cert_chain_pem.write_to_path(str(pem))
    store = prepared_store(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    with serving(store, pem) as url:
        yield Running(url, store), ca_file
    store.close()


def test_without_the_office_ca_the_form_says_so_and_with_it_the_laptop_enrolls(
    qtbot: QtBot, tmp_path: Path, office_server: tuple[Running, Path], monkeypatch: pytest.MonkeyPatch
) -> None:
    server, ca_file = office_server
    monkeypatch.setenv("HOME", str(tmp_path))  # where the file dialog opens: the user's files
    ws = Workspace.open(tmp_path / "laptop", Settings(language="id", operator="Rina"))
    try:
        with app_window(qtbot, ws) as shell, _back_to_english(shell):
            page = shell.window.first_run  # a new laptop opens on the set-up
            assert page is not None and page.isVisible()
            form = page.enroll_form
            qtbot.mouseClick(form.server_url, Qt.MouseButton.LeftButton)
            qtbot.keyClicks(form.server_url, server.url)
            qtbot.mouseClick(form.enroll_code, Qt.MouseButton.LeftButton)
            qtbot.keyClicks(form.enroll_code, server.code("KPPN-SORONG"))
            qtbot.mouseClick(form.enroll_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(
                lambda: form.enroll_button.isEnabled() and "Sertifikat" in form.message.text(), timeout=15_000
            )
            said = form.message.text()
            assert "Sertifikat server tidak dipercaya" in said, said
            assert "pilih sertifikat CA kantor di kolom “Berkas CA kantor”, atau hubungi administrator" in said
            assert "ConnectError" not in said and "SSL" not in said
            assert ws.store.device().server_url == "" and form.ca_file.hasFocus()

            chosen = type_file_name(qtbot, ca_file)
            qtbot.mouseClick(form.ca_button, Qt.MouseButton.LeftButton)
            assert chosen and form.ca_file.text() == str(ca_file)
            qtbot.mouseClick(form.enroll_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(lambda: shell.sync.status().state == SyncState.UP_TO_DATE, timeout=15_000)
            kept = ws.data_dir / "server-ca.pem"  # the copy the laptop trusts from now on
            assert ws.store.device().ca_file == str(kept.absolute())
            settings = shell.window.settings
            shown = settings.server_state.text()
            assert str(kept.absolute()) in shown and "berkas CA kantor" in shown, shown
            assert str(ca_file) not in shown  # not the file once chosen, which may go
        ca_file.unlink()  # the laptop keeps its own copy: the next sync trusts it still
        assert sync_once(ws).refused == 0
    finally:
        ws.close()


def test_a_file_that_is_no_certificate_is_refused_in_the_form(
    qtbot: QtBot, tmp_path: Path, office_server: tuple[Running, Path]
) -> None:
    server, _ca_file = office_server
    wrong = tmp_path / "bukan-sertifikat.txt"
    wrong.write_text("kunci rahasia kantor\n")
    ws = Workspace.open(tmp_path / "laptop", Settings(language="en", operator="Rina"))
    try:
        with app_window(qtbot, ws) as shell:
            page = shell.window.first_run
            assert page is not None
            form = page.enroll_form
            qtbot.keyClicks(form.server_url, server.url)
            qtbot.keyClicks(form.enroll_code, server.code("KPPN-SORONG"))
            qtbot.keyClicks(form.ca_file, str(wrong))
            qtbot.keyClick(form.ca_file, Qt.Key.Key_Return)
            qtbot.waitUntil(
                lambda: form.enroll_button.isEnabled() and bool(form.message.text()), timeout=15_000
            )
            assert "is not a certificate file" in form.message.text()
            assert ws.store.device().server_url == ""
    finally:
        ws.close()


def test_an_http_address_of_a_tls_server_says_to_use_https_in_the_form(
    qtbot: QtBot, tmp_path: Path, office_server: tuple[Running, Path]
) -> None:
    server, ca_file = office_server
    plain = server.url.replace("https://", "http://")
    ws = Workspace.open(tmp_path / "laptop", Settings(language="id", operator="Rina"))
    try:
        with app_window(qtbot, ws) as shell, _back_to_english(shell):
            page = shell.window.first_run
            assert page is not None
            form = page.enroll_form
            qtbot.keyClicks(form.server_url, plain)
            qtbot.keyClicks(form.enroll_code, server.code("KPPN-SORONG"))
            qtbot.keyClicks(form.ca_file, str(ca_file))
            qtbot.mouseClick(form.enroll_button, Qt.MouseButton.LeftButton)
            qtbot.waitUntil(
                lambda: form.enroll_button.isEnabled() and "terenkripsi" in form.message.text(), timeout=15_000
            )
            said = form.message.text()
            assert f"gunakan alamat {server.url} (https://, bukan http://)" in said, said
            assert "dicoba lagi" not in said
            assert ws.store.device().server_url == "" and form.server_url.hasFocus()
    finally:
        ws.close()
