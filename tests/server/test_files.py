"""Attached files on the server, over HTTP (`protocol.files`, `server_stub.file_access`): the
resumable upload, the ranged download, the limits, and who may have which file, with requests
a buggy or malicious device could send. SQLite and PostgreSQL. (tests/sync/test_file_sync.py:
the same with real laptops.)"""

from __future__ import annotations

import hashlib
import threading
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

from sqlalchemy import delete, select

from protocol.entities import MAX_FILE_SIZE
from protocol.files import CHUNK_BYTES
from protocol.ids import new_id
from server_stub.file_sweep import sweep
from server_stub.models import FileGrant, FileQuota
from tests.server.conftest import STAMP, World, applied, create, transition
from tests.server.file_wire import attachment, download, photo, put, state, upload
from tests.server.serving import Running
from tests.server.wire import Raw, on_server, valid_fields


def _attach(raw: Raw, owner_entity: str, owner_id: str, data: bytes, **values: object) -> str:
    sha256 = upload(raw, data)
    record = new_id()
    fields = attachment(raw, owner_entity, owner_id, sha256, len(data), **values)
    applied(raw, raw.op("attachments", record, "create", fields))
    return record


def test_an_upload_cut_after_a_chunk_resumes_where_the_server_stands_and_is_checked(
    world: World, server: Running
) -> None:
    kppn = world.kppn
    data, sha256 = photo(2 * CHUNK_BYTES + 12_345)
    first = put(kppn, sha256, data, 0)
    assert first.status_code == 200, first.text
    assert first.json() == {"sha256": sha256, "size": len(data), "received": CHUNK_BYTES, "complete": False}
    # the laptop comes back later: it asks, and sends only the rest
    assert state(kppn, sha256, len(data)).json()["received"] == CHUNK_BYTES
    again = put(kppn, sha256, data, 0)  # a chunk sent twice (its answer was lost) changes nothing
    assert again.status_code == 409 and again.json()["code"] == "offset_mismatch", again.text
    assert again.json()["params"] == {"received": CHUNK_BYTES}
    assert upload(kppn, data) == sha256
    assert server.files is not None and server.files.path(sha256).read_bytes() == data
    whole = download(kppn, sha256)
    assert whole.status_code == 200 and whole.content == data
    rest = download(kppn, sha256, Range=f"bytes={CHUNK_BYTES}-")
    assert rest.status_code == 206 and rest.content == data[CHUNK_BYTES:]
    assert rest.headers["content-range"] == f"bytes {CHUNK_BYTES}-{len(data) - 1}/{len(data)}"


def test_bytes_that_are_not_the_file_named_are_refused_and_nothing_is_kept(world: World, server: Running) -> None:
    kppn = world.kppn
    data, _ = photo(5000)
    claimed = hashlib.sha256(b"another file").hexdigest()
    answer = put(kppn, claimed, data, 0)
    assert answer.status_code == 422 and answer.json()["code"] == "hash_mismatch", answer.text
    assert state(kppn, claimed, len(data)).json()["received"] == 0
    assert download(kppn, claimed).status_code == 404
    code, params = kppn.refusal(
        kppn.op("attachments", new_id(), "create", attachment(kppn, "forums", world.forum, claimed, len(data)))
    )
    assert (code, params) == ("file_unknown", {"sha256": claimed})


def test_a_file_too_large_or_past_the_quota_is_refused_with_its_code(world: World, server: Running) -> None:
    kppn = world.kppn
    data, sha256 = photo(3000)
    large = state(kppn, sha256, MAX_FILE_SIZE + 1)
    assert large.status_code == 413, large.text
    assert large.json()["code"] == "file_too_large"
    assert large.json()["params"] == {"size": MAX_FILE_SIZE + 1, "max": MAX_FILE_SIZE}
    upload(kppn, data)  # 3,000 bytes used
    with server.store.transaction() as session:
        session.add(FileQuota(unit_id=kppn.unit_id, quota=5000))
    more, _ = photo(2500)
    refused = put(kppn, hashlib.sha256(more).hexdigest(), more, 0)
    assert refused.status_code == 413, refused.text
    assert refused.json()["code"] == "quota_exceeded"
    assert refused.json()["params"] == {"size": 2500, "used": 3000, "quota": 5000}
    small, _ = photo(2000)
    upload(kppn, small)  # within the quota
    # another office pays for its own uploads, whoever else holds the same bytes
    upload(world.other, more)


def test_another_office_learns_nothing_of_a_file_it_may_not_see(world: World, server: Running) -> None:
    kppn, other = world.kppn, world.other
    data, sha256 = photo(4000)
    _attach(kppn, "recommendations", world.local, data)
    absent = hashlib.sha256(b"never uploaded").hexdigest()
    for probe in (sha256, absent):  # held for another office, or not at all: the same answers
        assert state(other, probe, len(data)).json() == {
            "sha256": probe,
            "size": len(data),
            "received": 0,
            "complete": False,
        }
        fetched = download(other, probe)
        assert fetched.status_code == 404, fetched.text
        assert fetched.json()["code"] == "file_unknown" and fetched.json()["params"] == {"sha256": probe}
        fields = attachment(other, "forums", world.other_forum, probe, len(data))
        code, params = other.refusal(other.op("attachments", new_id(), "create", fields))
        assert (code, params) == ("file_unknown", {"sha256": probe})
    # naming it needs the bytes: once uploaded (proof it holds them), it may, and pays for it
    upload(other, data)
    _attach(other, "forums", world.other_forum, data)
    assert download(other, sha256).content == data


def test_the_office_above_gets_the_files_of_an_escalated_recommendation_and_no_others(
    world: World, server: Running
) -> None:
    kppn, kanwil = world.kppn, world.kanwil
    escalated, escalated_sha = photo(3000)
    local, local_sha = photo(3100)
    scan, scan_sha = photo(3200)
    forum_photo, forum_sha = photo(3300)
    on_policy = _attach(kppn, "recommendations", world.policy, escalated)  # escalated before
    _attach(kppn, "recommendations", world.local, local)
    _attach(kppn, "forums", world.forum, scan, kind="attendance_scan")
    _attach(kppn, "forums", world.forum, forum_photo)
    pulled = [r for r in kanwil.pull_all() if r["entity"] == "attachments"]
    assert [r["id"] for r in pulled] == [on_policy]
    assert download(kanwil, escalated_sha).content == escalated
    for hidden in (local_sha, scan_sha, forum_sha):
        assert download(kanwil, hidden).status_code == 404
    # a file attached before its recommendation is escalated reaches the office above with it
    later, later_sha = photo(3400)
    rec = create(kppn, "recommendations", forum_id=world.forum, text="Antrean daring", scope="policy")
    _attach(kppn, "recommendations", rec, later)
    assert download(kanwil, later_sha).status_code == 404
    applied(kppn, {**transition(kppn, "recommendations", rec, "accept", status="accepted", **STAMP)})
    action = new_id()
    sent = valid_fields(
        "escalations",
        kppn.unit_id,
        recommendation_id=rec,
        from_unit_id=kppn.unit_id,
        to_unit_id=world.units["KANWIL-PBD"],
        rec_text="Antrean daring",
        forum_title="FKP Sorong",
    )
    applied(
        kppn,
        kppn.op("escalations", new_id(), "create", sent, action_id=action),
        {**transition(kppn, "recommendations", rec, "escalate", status="escalated", **STAMP), "action_id": action},
    )
    assert download(kanwil, later_sha).content == later
    # another office below Kanwil gets none of it
    for any_sha in (escalated_sha, later_sha, scan_sha):
        assert download(world.other, any_sha).status_code == 404
    # only a forum's file is its signed attendance scan: a recommendation's, which went up with
    # the escalation, is never re-marked as one (a laptop refuses it; a buggy one is refused)
    marked = {"set": {"kind": "attendance_scan"}, "base": {}, "at": "2026-11-01T08:31:00+00:00"}
    code, params = kppn.refusal(kppn.op("attachments", on_policy, "update", marked))
    assert (code, params.get("field"), params.get("problem")) == ("invalid_field", "kind", "not_allowed")
    assert on_server(server, "attachments", on_policy).data["kind"] == "photo"  # type: ignore[union-attr]
    assert download(kanwil, escalated_sha).content == escalated


def test_a_deleted_attachment_releases_its_file_after_the_grace_period(world: World, server: Running) -> None:
    kppn, kanwil = world.kppn, world.kanwil
    data, sha256 = photo(3000)
    record = _attach(kppn, "recommendations", world.policy, data)
    assert server.files is not None
    assert sweep(server.store, server.files, timedelta(0)).files == 0  # named by a live record: kept
    assert server.files.has(sha256)
    applied(kppn, kppn.op("attachments", record, "delete", {"at": "2026-11-01T08:31:00+00:00"}))
    found = on_server(server, "attachments", record)
    assert found is not None and found.deleted
    assert download(kanwil, sha256).status_code == 404  # a tombstone names no file
    assert sweep(server.store, server.files).files == 0  # within the grace period: kept
    swept = sweep(server.store, server.files, timedelta(0))
    assert (swept.grants, swept.files, swept.bytes) == (1, 1, 3000)
    assert not server.files.has(sha256)
    assert download(kppn, sha256).status_code == 404


def test_a_removal_undone_after_the_sweep_waits_for_its_file(world: World, server: Running) -> None:
    """The sweep released the file of a deleted attachment; a laptop undoes the removal: the
    record does not come back naming a file the server no longer has (`file_unknown`, which
    the laptop's queue waits out) until the file is uploaded again."""
    kppn, kanwil = world.kppn, world.kanwil
    data, sha256 = photo(3000)
    record = _attach(kppn, "recommendations", world.policy, data)
    restore = {"at": "2026-11-02T08:31:00+00:00"}
    applied(kppn, kppn.op("attachments", record, "delete", {"at": "2026-11-01T08:31:00+00:00"}))
    assert server.files is not None
    assert sweep(server.store, server.files, timedelta(0)).files == 1
    code, params = kppn.refusal(kppn.op("attachments", record, "restore", restore))
    assert (code, params.get("sha256")) == ("file_unknown", sha256)
    found = on_server(server, "attachments", record)
    assert found is not None and found.deleted  # still a tombstone
    assert download(kanwil, sha256).status_code == 404
    upload(kppn, data)  # the laptop sends the file first
    applied(kppn, kppn.op("attachments", record, "restore", restore))
    found = on_server(server, "attachments", record)
    assert found is not None and not found.deleted
    assert download(kanwil, sha256).content == data  # the office above has it again


def test_an_upload_whole_on_disk_but_not_finished_is_finished_when_asked(world: World, server: Running) -> None:
    kppn = world.kppn
    data, sha256 = photo(5000)
    assert server.files is not None
    server.files.append(kppn.unit_id, sha256, 0, data)  # every byte written, then the server stopped
    assert state(kppn, sha256, len(data)).json()["complete"] is True
    fields = attachment(kppn, "forums", world.forum, sha256, len(data))
    applied(kppn, kppn.op("attachments", new_id(), "create", fields))  # checked, and the office's
    assert server.files.path(sha256).read_bytes() == data


def _quota(server: Running, raw: Raw, quota: int) -> None:
    with server.store.transaction() as session:
        session.add(FileQuota(unit_id=raw.unit_id, quota=quota))


def test_an_upload_under_way_holds_its_size_against_the_quota(world: World, server: Running) -> None:
    """Two uploads of one office, each within the quota alone but not together: the second is
    refused at its first chunk while the first is on its way, not after both are whole."""
    kppn = world.kppn
    _quota(server, kppn, 3 * CHUNK_BYTES)
    first, first_sha = photo(2 * CHUNK_BYTES + 10)
    second, second_sha = photo(2 * CHUNK_BYTES)
    assert put(kppn, first_sha, first, 0).status_code == 200  # one chunk of three sent
    refused = put(kppn, second_sha, second, 0)
    assert refused.status_code == 413, refused.text
    assert refused.json()["code"] == "quota_exceeded"
    assert refused.json()["params"] == {"size": len(second), "used": len(first), "quota": 3 * CHUNK_BYTES}
    assert state(kppn, second_sha, len(second)).json()["received"] == 0  # nothing of it kept
    assert upload(kppn, first) == first_sha  # the first goes on and completes
    again = put(kppn, second_sha, second, 0)
    assert again.status_code == 413 and again.json()["params"]["used"] == len(first)


def test_two_uploads_at_once_never_pass_the_quota_together(world: World, server: Running) -> None:
    """Both first chunks arrive at the same moment, several times over: each time exactly one
    upload may go on, the other is refused, and the office's grants stay within its quota."""
    kppn = world.kppn
    size = CHUNK_BYTES // 2  # one chunk: the first chunk is also the last
    _quota(server, kppn, 2 * size + size // 2)
    upload(kppn, photo(size)[0])  # room left for one more, not two
    for _round in range(4):
        pair = [photo(size) for _ in range(2)]
        start = threading.Barrier(2)

        def send(data: bytes, sha256: str, start: threading.Barrier = start) -> int:
            start.wait()
            return put(kppn, sha256, data, 0).status_code

        with ThreadPoolExecutor(2) as pool:
            answers = sorted(pool.map(lambda p: send(*p), pair))
        assert answers == [200, 413], answers
        with server.store.transaction() as session:
            grants = session.scalars(select(FileGrant.size).where(FileGrant.unit_id == kppn.unit_id)).all()
        assert sum(grants) == 2 * size  # within the quota, whatever the order
        with server.store.transaction() as session:  # room for the next round
            session.execute(delete(FileGrant).where(FileGrant.unit_id == kppn.unit_id, FileGrant.size == size))
        upload(kppn, photo(size)[0])
