"""Certificates, with a real TLS server on 127.0.0.1 (trustme): a certificate failure says it
is the certificate, a certificate outside its validity as the laptop's clock sees it says to
check the clock, and no message names an exception class."""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import trustme
import uvicorn

from desktop.app.workspace import Workspace
from desktop.cli.commands import main
from desktop.core.config import Settings
from desktop.core.errors import MufakatError
from desktop.sync.client import CertificateProblem, HttpsOnly, SyncUnavailable
from desktop.sync.engine import enroll, sync_once
from server_stub import admin, auth
from server_stub.app import create_app
from server_stub.store import ServerStore

Serve = Callable[..., str]


@pytest.fixture
def store(tmp_path: Path) -> Iterator[ServerStore]:
    store = ServerStore(f"sqlite:///{tmp_path / 'server.sqlite3'}")
    store.migrate()
    with store.transaction() as session:
        admin.add_unit(session, "KPPN-SORONG", "KPPN Sorong")
    yield store
    store.close()


@pytest.fixture
def ca(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> trustme.CA:
    """A certificate authority this laptop trusts (as an office CA installed on the laptop)."""
    authority = trustme.CA()
    path = tmp_path / "office-ca.pem"
    authority.cert_pem.write_to_path(str(path))
    monkeypatch.setenv("SSL_CERT_FILE", str(path))
    return authority


@pytest.fixture
def serve(store: ServerStore, tmp_path: Path) -> Iterator[Serve]:
    """serve(cert=None | trustme.LeafCert) -> the URL of a real server on 127.0.0.1."""
    servers: list[tuple[uvicorn.Server, threading.Thread]] = []

    def start(cert: trustme.LeafCert | None = None) -> str:
        options: dict[str, str] = {}
        if cert is not None:
            pem = tmp_path / f"server-{len(servers)}.pem"
            cert.private_key_and_cert_chain_pem.write_to_path(str(pem))
            options = {"ssl_keyfile": str(pem), "ssl_certfile": str(pem)}
        config = uvicorn.Config(
            create_app(store), host="127.0.0.1", port=0, log_level="critical", lifespan="off", **options
        )
        running = uvicorn.Server(config)
        thread = threading.Thread(target=running.run, daemon=True)
        thread.start()
        deadline = time.monotonic() + 15
        while not running.started:
            if time.monotonic() > deadline or not thread.is_alive():
                raise RuntimeError("the test server did not start")
            time.sleep(0.02)
        servers.append((running, thread))
        port = running.servers[0].sockets[0].getsockname()[1]
        return f"{'https' if cert else 'http'}://127.0.0.1:{port}"

    yield start
    for running, thread in servers:
        running.should_exit = True
        thread.join(timeout=10)


def code(store: ServerStore) -> str:
    with store.transaction() as session:
        return auth.new_enroll_code(session, "KPPN-SORONG")


def enroll_error(tmp_path: Path, url: str, store: ServerStore) -> MufakatError:
    ws = Workspace.open(tmp_path / "laptop", Settings(language="en"))
    try:
        with pytest.raises(MufakatError) as failed:
            enroll(ws, url, code(store))
        assert ws.store.device().server_url == ""
        return failed.value
    finally:
        ws.close()


def assert_plain(message: str) -> None:
    for name in ("Error", "Exception", "SSL", "httpx", "Unsupported"):
        assert name not in message


def test_a_trusted_certificate_enrolls_and_syncs(
    serve: Serve, ca: trustme.CA, store: ServerStore, tmp_path: Path
) -> None:
    url = serve(ca.issue_cert("127.0.0.1", "localhost"))
    ws = Workspace.open(tmp_path / "laptop", Settings(language="en"))
    try:
        assert enroll(ws, url, code(store)) == "KPPN-SORONG"
        assert sync_once(ws).pulled == 1
    finally:
        ws.close()


def test_a_certificate_of_an_unknown_authority_is_named(
    serve: Serve, store: ServerStore, tmp_path: Path
) -> None:
    url = serve(trustme.CA().issue_cert("127.0.0.1"))  # an authority nobody installed
    error = enroll_error(tmp_path, url, store)
    assert isinstance(error, CertificateProblem)
    assert "certificate" in error.message and "not trusted" in error.message
    assert "cannot be reached" not in error.message
    assert "office's CA file" in error.message


def test_an_untrusted_certificate_is_worded_in_indonesian_and_openssl_detail_only_logged(
    serve: Serve, store: ServerStore, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    url = serve(trustme.CA().issue_cert("127.0.0.1"))
    ws = Workspace.open(tmp_path / "laptop", Settings(language="id"))
    try:
        with (
            caplog.at_level(logging.WARNING, "desktop.sync.network_errors"),
            pytest.raises(CertificateProblem) as failed,
        ):
            enroll(ws, url, code(store))
    finally:
        ws.close()
    message = failed.value.message
    assert "unable to get local issuer certificate" in caplog.text  # OpenSSL's words, for support
    assert message.startswith("Sertifikat server tidak dipercaya"), message
    assert "ditandatangani oleh otoritas yang tidak dikenal laptop ini" in message, message
    for english in ("unable", "issuer", "certificate", "local"):
        assert english not in message.lower(), message


def test_an_expired_certificate_says_to_check_the_clock(
    serve: Serve, ca: trustme.CA, store: ServerStore, tmp_path: Path
) -> None:
    now = datetime.now(UTC)
    url = serve(
        ca.issue_cert("127.0.0.1", not_before=now - timedelta(days=400), not_after=now - timedelta(days=2))
    )
    error = enroll_error(tmp_path, url, store)
    assert isinstance(error, CertificateProblem)
    assert "has expired" in error.message and "clock" in error.message
    assert datetime.now().astimezone().strftime("%d-%m-%Y") in error.message  # what the laptop believes
    assert_plain(error.message)


def test_a_certificate_not_yet_valid_says_to_check_the_clock(
    serve: Serve, ca: trustme.CA, store: ServerStore, tmp_path: Path
) -> None:
    """What a laptop whose clock is a year behind sees of a certificate issued last month."""
    now = datetime.now(UTC)
    url = serve(
        ca.issue_cert("127.0.0.1", not_before=now + timedelta(days=1), not_after=now + timedelta(days=90))
    )
    error = enroll_error(tmp_path, url, store)
    assert isinstance(error, CertificateProblem)
    assert "not valid yet" in error.message and "check its date, time and time zone" in error.message
    assert_plain(error.message)


def test_a_certificate_for_another_address_is_named(
    serve: Serve, ca: trustme.CA, store: ServerStore, tmp_path: Path
) -> None:
    url = serve(ca.issue_cert("mufakat.example.go.id"))
    error = enroll_error(tmp_path, url, store)
    assert isinstance(error, CertificateProblem) and "belongs to another address" in error.message


def test_https_to_a_plain_http_server_says_so(serve: Serve, store: ServerStore, tmp_path: Path) -> None:
    url = serve().replace("http://", "https://")
    error = enroll_error(tmp_path, url, store)
    assert isinstance(error, SyncUnavailable) and "http:// or https://" in error.message
    assert_plain(error.message)


def test_a_closed_port_is_unreachable_without_a_class_name(tmp_path: Path, store: ServerStore) -> None:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    error = enroll_error(tmp_path, f"http://127.0.0.1:{port}", store)
    assert isinstance(error, SyncUnavailable) and "cannot be reached" in error.message
    assert "(" not in error.message


def test_http_to_a_tls_server_says_to_use_https_not_to_wait(
    serve: Serve, ca: trustme.CA, store: ServerStore, tmp_path: Path
) -> None:
    """uvicorn drops a plain HTTP request on its TLS port: that is no flaky network, and "sync is
    retried by itself" would never help; the address must start with https://."""
    url = serve(ca.issue_cert("127.0.0.1", "localhost"))
    plain = url.replace("https://", "http://")
    error = enroll_error(tmp_path, plain, store)
    assert isinstance(error, HttpsOnly), error.message
    assert url in error.message and "https://, not http://" in error.message
    assert "retried" not in error.message
    assert_plain(error.message)


def cli_enroll(tmp_path: Path, capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str]:
    code = main(["--data-dir", str(tmp_path / "cli-laptop"), "--lang", "en", "enroll", *args])
    _out, err = capsys.readouterr()
    return code, err


def test_the_cli_names_https_and_ca_file_where_each_helps(
    serve: Serve, store: ServerStore, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    authority = trustme.CA()  # the office's own, installed nowhere
    url = serve(authority.issue_cert("127.0.0.1", "localhost"))
    code_made = code(store)
    status, err = cli_enroll(
        tmp_path, capsys, "--server", url.replace("https://", "http://"), "--code", code_made
    )
    assert status == 2 and err.count("\n") == 1 and f"use the address {url}" in err, err
    status, err = cli_enroll(tmp_path, capsys, "--server", url, "--code", code_made)
    assert status == 2 and err.count("\n") == 1, err
    assert "not trusted" in err and "--ca-file FILE" in err, err
    ca_file = tmp_path / "office-ca.pem"
    authority.cert_pem.write_to_path(str(ca_file))
    status, err = cli_enroll(
        tmp_path, capsys, "--server", url, "--code", code_made, "--ca-file", str(ca_file)
    )
    assert status == 0, err
