"""Enrollment cannot take a device over (issue #12, review 2): device ids are public (vote
shares, audit events), so an enrollment naming an enrolled device must come from the laptop
that enrolled it (its secret), whatever code it brings; and `/enroll` checks what it is sent
before it stores or prints it."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest
from sqlalchemy import select, update

from desktop.services import recommendations as recs
from desktop.sync.client import SyncRefused
from desktop.sync.engine import enroll, server_of, sync_once
from server_stub.__main__ import main as server_cli
from server_stub.models import Device as ServerDevice
from server_stub.models import ServerUnit
from tests.sync.conftest import Running
from tests.sync.test_enrollment import laptop, status_with
from tests.sync.test_sync_basics import make_forum


def _enroll(server: Running, **body: Any) -> httpx.Response:
    with httpx.Client(base_url=server.url, timeout=10) as http:
        return http.post("/enroll", json=body)


def _device(server: Running, device_id: str) -> tuple[str, str | None]:
    with server.store.transaction() as session:
        row = session.get_one(ServerDevice, device_id)
        return row.token_hash, row.secret_hash


def test_an_enrolled_device_is_never_handed_to_someone_who_knows_its_id(
    server: Running, tmp_path: Path
) -> None:
    a = laptop(tmp_path, "a")
    used = server.code("KPPN-SORONG")
    enroll(a, server.url, used)
    sync_once(a)
    _forum, rec = make_forum(a)
    a.write(recs.vote, rec)
    sync_once(a)
    victim = a.ctx.device_id
    before = _device(server, victim)
    fresh = server.code("KPPN-SORONG")
    for code in (used, fresh):  # A's own code (seen over a shoulder), or any code of the unit
        answer = _enroll(
            server, code=code, device_id=victim, device_name="evil", device_secret=secrets.token_urlsafe(32)
        )
        assert answer.status_code == 409 and answer.json()["code"] == "device_taken", answer.text
    assert _device(server, victim) == before  # nothing changed: A's token still works
    assert status_with(server, server_of(a)[1]) == 200
    assert sync_once(a).refused == 0

    b = laptop(tmp_path, "b")  # the fresh code was not spent by the refused attempt
    assert enroll(b, server.url, fresh) == "KPPN-SORONG"

    # A itself, its token file lost, enrolls again with a new code: its own secret lets it in.
    (a.data_dir / "device-token").unlink()
    assert enroll(a, server.url, server.code("KPPN-SORONG")) == "KPPN-SORONG"
    assert sync_once(a).refused == 0
    assert _device(server, victim)[1] == before[1]
    for ws in (a, b):
        ws.close()


def test_a_copy_of_a_laptop_without_its_secret_is_told_in_its_language(
    server: Running, tmp_path: Path
) -> None:
    laptop(tmp_path, "a").close()
    copy = tmp_path / "copy"  # a copy of its folder, made before it enrolled (no secret in it)
    copy.mkdir()
    for name in ("mufakat.sqlite3",):
        (copy / name).write_bytes((tmp_path / "a" / name).read_bytes())
    a = laptop(tmp_path, "a")
    enroll(a, server.url, server.code("KPPN-SORONG"))
    stolen = laptop(tmp_path, "copy")
    assert stolen.ctx.device_id == a.ctx.device_id
    with pytest.raises(SyncRefused) as refused:
        enroll(stolen, server.url, server.code("KPPN-SORONG"))
    assert refused.value.code == "device_taken"
    assert "enrolled by another laptop" in refused.value.message
    assert sync_once(a).refused == 0
    for ws in (a, stolen):
        ws.close()


def test_a_device_enrolled_before_secrets_takes_one_only_with_its_own_code(
    server: Running, tmp_path: Path
) -> None:
    a = laptop(tmp_path, "a")
    used = server.code("KPPN-SORONG")
    enroll(a, server.url, used)
    with server.store.transaction() as session:  # as an older server enrolled it
        session.execute(update(ServerDevice).values(secret_hash=None))
    attacker = {"device_id": a.ctx.device_id, "device_secret": secrets.token_urlsafe(32)}
    answer = _enroll(server, code=server.code("KPPN-SORONG"), **attacker)
    assert answer.status_code == 409 and answer.json()["code"] == "device_taken"
    assert enroll(a, server.url, used) == "KPPN-SORONG"  # its own code again (an answer lost)
    assert _device(server, a.ctx.device_id)[1] is not None  # its secret is kept from now on
    answer = _enroll(server, code=used, **attacker)
    assert answer.status_code == 409 and answer.json()["code"] == "device_taken"
    a.close()


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("device_id", "0192f0a0-0000-7000-8000-00000000000\x00"),
        ("device_id", "not-a-uuid-at-all"),
        ("device_name", "laptop\x00"),
        ("device_name", "\x1b[2J\x1b[31mADMIN: run rm -rf\x1b[0m"),
        ("device_name", "x" * 201),
        ("device_secret", "short"),
        ("code", "ABCD\x00EFGH"),
    ],
)
def test_enroll_refuses_what_breaks_the_protocol_and_stores_nothing(
    server: Running, field: str, value: str
) -> None:
    body = {
        "code": server.code("KPPN-SORONG"),
        "device_id": "0192f0a0-0000-7000-8000-000000000001",
        "device_name": "Laptop FKP",
        "device_secret": secrets.token_urlsafe(32),
        field: value,
    }
    answer = _enroll(server, **body)
    assert answer.status_code == 422, answer.text
    assert answer.json()["code"] == "malformed" and field in answer.json()["error"]
    with server.store.transaction() as session:
        assert session.scalars(select(ServerDevice)).all() == []


def test_the_device_list_prints_stored_names_safely(
    server: Running, capsys: pytest.CaptureFixture[str]
) -> None:
    with server.store.transaction() as session:  # stored by an older server, unchecked
        session.add(
            ServerDevice(
                id="0192f0a0-0000-7000-8000-000000000009",
                unit_id=session.scalars(select(ServerUnit.id)).first() or "u",
                name="evil\x1b]0;owned\x07\x1b[2J\rname\x9b",
                token_hash="0" * 64,
                enrolled_at=datetime(2026, 11, 1, tzinfo=UTC),
            )
        )
    assert server_cli(["--db", server.store.url, "device", "list"]) == 0
    shown = capsys.readouterr().out
    assert "\x1b" not in shown and "\x07" not in shown and "\x9b" not in shown and "\r" not in shown
    assert "evil" in shown and "name" in shown
