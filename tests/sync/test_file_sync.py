"""Attached files travel with sync, laptop to server to laptop (issue 16), on a real server
(SQLite and PostgreSQL): the same bytes arrive under the same hash, a cut upload resumes, the
office above gets an escalated recommendation's files and no others, a deletion travels, and two
server processes share one file store. (tests/server/test_files.py: the server alone, over HTTP.)"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.config import FETCH_ON_DEMAND, Settings
from desktop.core.errors import InputError
from desktop.models import Attachment, RejectedOp
from desktop.services import attachments
from desktop.sync.client import SyncClient
from desktop.sync.engine import enroll, server_of, sync_once
from desktop.sync.files import fetch_one
from protocol.files import CHUNK_BYTES
from protocol.vocab import AttachmentKind, AttachmentOwner
from server_stub.file_sweep import sweep
from server_stub.models import FileQuota
from tests.attachments import samples
from tests.server.processes import add_units, new_code, running_server
from tests.server.serving import fresh_pg_database, require_pg
from tests.sync.attached import a_forum, attach, held, photo_bytes, remove
from tests.sync.conftest import Running
from tests.sync.crafted import World
from tests.sync.faultproxy import Fault, FaultProxy

Device = Callable[..., Workspace]


def _rows(ws: Workspace) -> list[Attachment]:
    with ws.store.read() as session:
        return list(session.scalars(select(Attachment).order_by(Attachment.id)))


def test_a_photo_added_offline_on_a_appears_on_b_with_the_same_hash_and_its_deletion_too(
    device: Device, world: World
) -> None:
    a = world.kppn
    b = device("kppn-b", "KPPN-SORONG")
    data = photo_bytes()
    record, sha256 = attach(a, AttachmentOwner.RECOMMENDATION, world.local, data)  # no network needed
    sent = sync_once(a)
    assert sent.refused == 0 and sent.waiting == 0
    assert sent.files.uploaded == 1 and sent.files.bytes_sent == len(data)
    report = sync_once(b)
    assert report.files.downloaded == 1
    assert held(b, sha256) == data  # the same bytes, under the same hash
    [row] = _rows(b)
    assert (row.id, row.sha256, row.size, row.deleted) == (record, sha256, len(data), False)
    again = sync_once(b)
    assert again.files.downloaded == 0 and again.files.bytes_received == 0  # never twice
    remove(a, record)
    sync_once(a)
    sync_once(b)
    [row] = _rows(b)
    assert row.deleted


def test_files_on_demand_wait_for_their_opening(device: Device, world: World, server: Running) -> None:
    a, b = world.kppn, device("kppn-b", "KPPN-SORONG")
    b.settings = Settings(language="en", operator="b", fetch_files=FETCH_ON_DEMAND)
    data = photo_bytes()
    _record, sha256 = attach(a, AttachmentOwner.FORUM, world.forum, data)
    sync_once(a)
    assert sync_once(b).files.downloaded == 0
    assert held(b, sha256) is None and len(_rows(b)) == 1  # the record first: a placeholder
    assert fetch_one(b, sha256, len(data)) == b.files.path_of(sha256)  # when it is opened
    assert held(b, sha256) == data


def test_the_office_above_gets_the_escalated_recommendations_files_and_no_others(world: World) -> None:
    kppn, kanwil, other = world.kppn, world.kanwil, world.other
    escalated, local, scan, forum_photo = (photo_bytes(50_000 + n) for n in range(4))
    on_policy, escalated_sha = attach(kppn, AttachmentOwner.RECOMMENDATION, world.policy, escalated)
    attach(kppn, AttachmentOwner.RECOMMENDATION, world.local, local)
    attach(kppn, AttachmentOwner.FORUM, world.forum, scan, AttachmentKind.ATTENDANCE_SCAN)
    attach(kppn, AttachmentOwner.FORUM, world.forum, forum_photo)
    assert sync_once(kppn).files.uploaded == 4
    report = sync_once(kanwil)
    assert [r.id for r in _rows(kanwil)] == [on_policy]
    assert held(kanwil, escalated_sha) == escalated
    assert report.files.downloaded == 1
    for data in (local, scan, forum_photo):
        assert held(kanwil, hashlib.sha256(data).hexdigest()) is None
    sync_once(other)
    assert not _rows(other)


def test_a_file_the_server_refuses_keeps_its_record_waiting_and_says_why(world: World, server: Running) -> None:
    kppn = world.kppn
    with server.store.transaction() as session:
        session.add(FileQuota(unit_id=world.units["KPPN-SORONG"], quota=10_000))
    data = photo_bytes(20_000)
    record, sha256 = attach(kppn, AttachmentOwner.FORUM, world.forum, data)
    report = sync_once(kppn)
    assert report.files.refused == {sha256: "quota_exceeded"}
    assert report.waiting == 1 and report.refused == 0  # the record waits for its file
    with kppn.store.read() as session:
        assert session.scalar(select(RejectedOp.op_id)) is None
        assert session.get(Attachment, record) is not None
    with server.store.transaction() as session:
        quota = session.get(FileQuota, world.units["KPPN-SORONG"])
        assert quota is not None
        quota.quota = 10**9  # the administrator gives the office room
    again = sync_once(kppn)
    assert again.files.uploaded == 1 and again.pushed >= 1 and again.waiting == 0


def _offset(request_line: str) -> int | None:
    found = re.search(r"PUT /files/[0-9a-f]+/upload\?[^ ]*offset=(\d+)", request_line)
    return int(found[1]) if found else None


def test_an_upload_cut_at_90_percent_sends_less_than_15_percent_again(
    world: World, server: Running, tmp_path: Path
) -> None:
    kppn = world.kppn
    size = 10 * 1000 * 1000
    data = photo_bytes(size)
    _record, sha256 = attach(kppn, AttachmentOwner.FORUM, world.forum, data)
    cut = {"done": False}

    def choose(line: str) -> tuple[Fault, float]:
        offset = _offset(line)
        if offset is not None and offset >= 0.9 * size - CHUNK_BYTES and not cut["done"]:
            cut["done"] = True
            return Fault.DROP_BEFORE, 0.0  # the connection drops at 90 %: that chunk is lost
        return Fault.NONE, 0.0

    proxy = FaultProxy(server.url, choose).start()
    try:
        with SyncClient(proxy.url, _token(kppn), plain_http=True) as client:
            first = sync_once(kppn, client)
            assert cut["done"] and first.files.interrupted and first.files.uploaded == 0
            assert first.waiting == 1  # the record waits for its file
            second = sync_once(kppn, client)
    finally:
        proxy.stop()
    assert second.files.uploaded == 1 and second.waiting == 0
    sent = first.files.bytes_sent + second.files.bytes_sent
    again = sent - size
    assert again < 0.15 * size, f"{again} bytes sent again of {size}"
    assert server.files is not None and server.files.path(sha256).read_bytes() == data


def _token(ws: Workspace) -> str:
    return server_of(ws)[1]


def test_upload_through_one_server_process_and_fetch_through_another(tmp_path: Path) -> None:
    require_pg()
    shared = tmp_path / "shared-files"  # the volume both processes mount
    with fresh_pg_database() as url:
        add_units(url)
        with (
            running_server(url, tmp_path / "p1", "--files", str(shared), name="p1") as one,
            running_server(url, tmp_path / "p2", "--files", str(shared), name="p2") as two,
        ):
            a = Workspace.open(tmp_path / "a", Settings(language="en", operator="a"))
            b = Workspace.open(tmp_path / "b", Settings(language="en", operator="b"))
            try:
                enroll(a, one.url, new_code(url, "KPPN-SORONG", allow_http=True))
                enroll(b, two.url, new_code(url, "KPPN-SORONG", allow_http=True))
                sync_once(a)
                forum = a_forum(a)
                data = photo_bytes(3 * CHUNK_BYTES + 777)
                _record, sha256 = attach(a, AttachmentOwner.FORUM, forum, data)
                assert sync_once(a).files.uploaded == 1
                assert sync_once(b).files.downloaded == 1
                assert held(b, sha256) == data
            finally:
                a.close()
                b.close()


def test_a_download_cut_half_way_goes_on_from_where_it_stopped(
    device: Device, world: World, server: Running
) -> None:
    a, b = world.kppn, device("kppn-b", "KPPN-SORONG")
    size = 6 * 1000 * 1000
    data = photo_bytes(size)
    _record, sha256 = attach(a, AttachmentOwner.FORUM, world.forum, data)
    sync_once(a)
    cut = {"done": False}

    def choose(line: str) -> tuple[Fault, float]:
        if line.startswith(f"GET /files/{sha256} ") and not cut["done"]:
            cut["done"] = True
            return Fault.TRUNCATE, 0.5  # the answer stops half way
        return Fault.NONE, 0.0

    proxy = FaultProxy(server.url, choose).start()
    try:
        with SyncClient(proxy.url, _token(b), plain_http=True) as client:
            first = sync_once(b, client)
            assert cut["done"] and first.files.interrupted and held(b, sha256) is None
            second = sync_once(b, client)
    finally:
        proxy.stop()
    assert held(b, sha256) == data and second.files.downloaded == 1
    received = first.files.bytes_received + second.files.bytes_received
    assert received == size, f"{received - size} bytes received again of {size}"


def test_a_removal_undone_after_the_sweep_sends_its_file_again(
    device: Device, world: World, server: Running, tmp_path: Path
) -> None:
    """Undo after the server's grace period: the laptop that undoes it still has the file and
    sends it again before the record, so every laptop gets it; a laptop that never had it
    refuses the undo and says so (no record comes back naming a file nobody can fetch)."""
    a, b = world.kppn, device("kppn-b", "KPPN-SORONG")
    c = device("kppn-c", "KPPN-SORONG")
    c.settings = Settings(language="en", operator="c", fetch_files=FETCH_ON_DEMAND)
    stored = attachments.store_file(a.files, samples.pdf(tmp_path / "bast.pdf"))
    record = a.write(attachments.attach, AttachmentOwner.RECOMMENDATION, world.local, stored)
    sync_once(a)
    a.write(attachments.remove, record)
    sync_once(a)
    assert server.files is not None
    assert sweep(server.store, server.files, timedelta(0)).files == 1  # past its grace period
    sync_once(c)
    with pytest.raises(InputError, match="no longer on this laptop"):
        c.write(attachments.restore, record, c.files)
    a.write(attachments.restore, record, a.files)  # Ctrl+Z, a month later
    sent = sync_once(a)
    assert (sent.refused, sent.waiting, sent.files.uploaded) == (0, 0, 1)
    assert server.files.has(stored.sha256)
    assert sync_once(b).files.downloaded == 1
    assert held(b, stored.sha256) == a.files.path_of(stored.sha256).read_bytes()
    assert not next(r for r in _rows(b) if r.id == record).deleted
