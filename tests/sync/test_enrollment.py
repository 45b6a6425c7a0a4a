"""Enrollment that cannot lock a laptop out: the same code again from the same device gives a
working token (the lost one stops working), another device is still refused, and a laptop
whose enrollment failed half-way on its own side can simply try again."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.core.errors import InputError, StoreError
from desktop.models import OutboxOp
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync import engine
from desktop.sync.client import SyncClient, SyncRefused, SyncUnavailable
from desktop.sync.engine import enroll, is_enrolled, sync_once
from server_stub import admin
from server_stub.models import Device as ServerDevice
from tests.sync.conftest import Running
from tests.sync.test_sync_basics import Device, make_forum


class LoseEnrollAnswer(httpx.HTTPTransport):
    """Passes the enrollment to the server, keeps the token it answered, and loses the answer."""

    def __init__(self) -> None:
        super().__init__()
        self.lost_token = ""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path == "/enroll":
            self.lost_token = response.read() and response.json().get("token", "")
            raise httpx.ReadError("connection lost after the server answered")
        return response


def laptop(tmp_path: Path, name: str) -> Workspace:
    return Workspace.open(tmp_path / name, Settings(language="en", operator=name))


def status_with(server: Running, token: str) -> int:
    with httpx.Client(base_url=server.url, timeout=10) as http:
        return http.get("/sync/pull", headers={"Authorization": f"Bearer {token}"}).status_code


def test_a_lost_enrollment_answer_does_not_lock_the_laptop_out(server: Running, tmp_path: Path) -> None:
    a = laptop(tmp_path, "a")
    code = server.code("KPPN-SORONG")
    lossy = LoseEnrollAnswer()
    with SyncClient(server.url, transport=lossy) as client, pytest.raises(SyncUnavailable):
        enroll(a, server.url, code, client)
    assert lossy.lost_token and not is_enrolled(a)
    assert enroll(a, server.url, code) == "KPPN-SORONG"  # the same code again
    report = sync_once(a)
    assert report.pulled == 4 and is_enrolled(a)
    assert status_with(server, lossy.lost_token) == 401  # the token never received is dead
    with server.store.transaction() as session:
        assert len(session.scalars(select(ServerDevice)).all()) == 1
    a.close()


def test_a_used_code_is_refused_to_another_device_in_its_language(server: Running, tmp_path: Path) -> None:
    a, b = laptop(tmp_path, "a"), laptop(tmp_path, "b")
    code = server.code("KPPN-SORONG")
    enroll(a, server.url, code)
    with pytest.raises(SyncRefused) as refused:
        enroll(b, server.url, code)
    assert refused.value.code == "enrollment_code_used"
    assert "already used by another device" in refused.value.message
    assert "(" not in refused.value.message  # no server text, no class name
    b.settings.language = "id"
    b.close()
    b = Workspace.open(tmp_path / "b", Settings(language="id"))
    with pytest.raises(SyncRefused) as refused:
        enroll(b, server.url, code)
    assert "sudah dipakai perangkat lain" in refused.value.message
    assert not is_enrolled(b)
    for ws in (a, b):
        ws.close()


def test_an_enrollment_that_failed_half_way_on_the_laptop_can_be_retried(
    server: Running, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = laptop(tmp_path, "a")
    forum, rec = make_forum_before_enrollment(a)
    code = server.code("KPPN-SORONG")

    def disk_full(*_args: object) -> int:
        raise StoreError("The disk is full.")

    monkeypatch.setattr(engine, "rehome", disk_full)
    with pytest.raises(StoreError):
        enroll(a, server.url, code)
    assert not is_enrolled(a)
    monkeypatch.undo()
    assert enroll(a, server.url, code) == "KPPN-SORONG"
    sync_once(a)
    b = laptop(tmp_path, "b")
    enroll(b, server.url, server.code("KPPN-SORONG"))
    sync_once(b)
    assert rec in b.read(export_json) and forum in b.read(export_json)
    for ws in (a, b):
        ws.close()


def make_forum_before_enrollment(ws: Workspace) -> tuple[str, str]:
    from desktop.services import forums, units

    unit = ws.write(units.create_unit, code="KPPN-SORONG", name="KPPN Sorong")
    ws.write(units.set_home_unit, unit)
    forum = ws.write(forums.create_forum, unit_id=unit, title="FKP sebelum server", held_on="2024-08-21")
    rec = ws.write(recs.add_recommendation, forum, text="Dicatat sebelum server ada", scope="unit")
    return forum, rec


def test_an_enrolled_laptop_may_enroll_again_and_keeps_its_data(device: Device, server: Running) -> None:
    a = device("a", "KPPN-SORONG")
    _forum, rec = make_forum(a)  # not yet sent
    pending = a.read(lambda s: len(s.scalars(select(OutboxOp)).all()))
    assert enroll(a, server.url, server.code("KPPN-SORONG")) == "KPPN-SORONG"  # a lost token file
    assert a.read(lambda s: len(s.scalars(select(OutboxOp)).all())) == pending
    report = sync_once(a)
    assert report.pushed == pending and report.refused == 0
    with pytest.raises(InputError, match="already enrolled with"):
        enroll(a, "http://127.0.0.1:9", server.code("KPPN-SORONG"))
    before = a.store.device()
    with pytest.raises(SyncRefused) as refused:  # a code of another unit: refused, nothing recorded
        enroll(a, server.url, server.code("KPPN-MANOKWARI"))
    assert refused.value.code == "enrollment_other_unit"
    assert "KPPN-SORONG" in refused.value.message and "KPPN-MANOKWARI" in refused.value.message
    assert a.store.device().home_unit_id == before.home_unit_id
    sync_once(a)
    assert rec in a.read(export_json)


def test_a_revoked_device_stays_revoked_whatever_code_it_brings(device: Device, server: Running) -> None:
    a = device("a", "KPPN-SORONG")
    with server.store.transaction() as session:
        admin.revoke(session, a.ctx.device_id)
    with pytest.raises(SyncRefused) as refused:
        sync_once(a)
    assert refused.value.code == "revoked" and "outbox export" in refused.value.message
    with pytest.raises(SyncRefused) as again:
        enroll(a, server.url, server.code("KPPN-SORONG"))
    assert again.value.code == "revoked"
    with pytest.raises(SyncRefused):
        sync_once(a)


def test_an_address_without_http_is_refused_before_anything_is_sent(tmp_path: Path) -> None:
    a = laptop(tmp_path, "a")
    for address in ("server.example:8765", "ftp://server.example", "https://"):
        with pytest.raises(InputError, match="must start with http:// or https://"):
            enroll(a, address, "ABCD-EFGH-JKLM")
    assert not is_enrolled(a)
    a.close()
