"""Votes converge (issue #12): each device's contribution is its own entry, the total their sum;
every laptop ends with the server's entries whichever voted last; a laptop shows the server's
total plus its unpushed change; a merge moves the duplicate's total under `merge:<id>`, counted
by the server."""

from __future__ import annotations

from collections.abc import Callable

from desktop.app.workspace import Workspace
from desktop.models import Recommendation
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync.client import SyncClient
from desktop.sync.clock_offset import OffsetProbe
from desktop.sync.engine import SyncReport, _Exchange, _pull_all, server_of, sync_once
from server_stub.models import Record
from tests.sync.conftest import Running
from tests.sync.test_actions import assert_same, on_server, synced, two_recs

Device = Callable[[str, str], Workspace]


def votes_on(ws: Workspace, rec: str) -> tuple[int, dict[str, int]]:
    with ws.store.read() as session:
        row = session.get(Recommendation, rec)
        assert row is not None
        return row.votes, dict(row.vote_counts)


def pull_only(ws: Workspace) -> None:
    """The pull step of a sync alone (what a laptop holds while its own changes still wait)."""
    url, token = server_of(ws)
    client = SyncClient(url, token)
    try:
        _pull_all(_Exchange(ws, client, SyncReport(), None, OffsetProbe()))
    finally:
        client.close()


def server_votes(server: Running, rec: str) -> tuple[int, dict[str, int]]:
    held: Record | None = on_server(server, "recommendations", rec)
    assert held is not None
    return held.data["votes"], held.data["vote_counts"]


def test_the_laptop_that_voted_last_gets_the_others_votes(device: Device, server: Running) -> None:
    a, b, c = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG"), device("c", "KPPN-SORONG")
    _forum, rec, _other = two_recs(a)  # 5 votes counted on a when it was typed
    synced(a, b, c)
    for _ in range(2):
        a.write(recs.vote, rec)
    sync_once(a)
    b.write(recs.vote, rec)
    c.write(recs.vote, rec)
    c.write(recs.vote, rec)
    c.write(recs.vote, rec, -1)
    synced(b, c)  # c voted last: it used to keep 5 + 2 + 1 + 1 - ... and never see b's
    synced(a, b)
    expected = {a.ctx.device_id: 7, b.ctx.device_id: 1, c.ctx.device_id: 1}
    assert server_votes(server, rec) == (9, expected)
    for ws in (a, b, c):
        assert votes_on(ws, rec) == (9, expected)
    assert_same(a, b, c)


def test_a_laptop_shows_the_servers_total_plus_its_unpushed_change(device: Device, server: Running) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, rec, _other = two_recs(a)
    synced(a, b)
    b.write(recs.vote, rec)
    b.write(recs.vote, rec)
    a.write(recs.vote, rec, -1)
    sync_once(a)
    pull_only(b)  # b's votes stay queued
    assert votes_on(b, rec) == (6, {a.ctx.device_id: 4, b.ctx.device_id: 2})
    assert server_votes(server, rec) == (4, {a.ctx.device_id: 4})
    synced(b, a)
    assert_same(a, b)


def test_a_merge_counts_the_duplicates_votes_as_the_server_holds_them(
    device: Device, server: Running
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, survivor, duplicate = two_recs(a)  # 5 and 2 votes
    synced(a, b)
    a.write(recs.vote, duplicate)  # b has not seen these when it merges
    a.write(recs.vote, duplicate)
    sync_once(a)
    b.write(recs.merge, duplicate, survivor)
    assert votes_on(b, survivor)[0] == 7  # what b knew: 5 + 2
    assert sync_once(b).refused == 0
    merged = {a.ctx.device_id: 5, f"merge:{duplicate}": 4}
    assert server_votes(server, survivor) == (9, merged)
    assert votes_on(b, survivor) == (9, merged)
    sync_once(a)
    assert_same(a, b)


def test_a_vote_cast_on_a_duplicate_merged_elsewhere_reaches_the_survivor(
    device: Device, server: Running
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, survivor, duplicate = two_recs(a)
    synced(a, b)
    a.write(recs.merge, duplicate, survivor)
    sync_once(a)
    b.write(recs.vote, duplicate)  # offline, before b saw the merge: a person's vote all the same
    assert sync_once(b).refused == 0
    assert server_votes(server, duplicate)[0] == 3
    assert server_votes(server, survivor) == (8, {a.ctx.device_id: 5, f"merge:{duplicate}": 3})
    sync_once(a)
    assert_same(a, b)
    assert votes_on(a, survivor)[0] == 8


def test_votes_sent_again_after_a_server_restore_count_once(
    device: Device, server: Running, tmp_path
) -> None:
    """A restored server gets each device's contribution again, never a delta added twice."""
    from tests.sync.test_sync_restore import copy_database, server_file

    live = server_file(server)
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, rec, _other = two_recs(a)
    synced(a, b)
    backup = tmp_path / "backup.sqlite3"
    copy_database(live, backup)
    a.write(recs.vote, rec)
    b.write(recs.vote, rec)
    b.write(recs.vote, rec)
    synced(a, b, a)
    copy_database(backup, live)
    for _ in range(2):
        synced(a, b)
    expected = (8, {a.ctx.device_id: 6, b.ctx.device_id: 2})
    assert server_votes(server, rec) == expected
    assert votes_on(a, rec) == votes_on(b, rec) == expected
    assert a.read(export_json) == b.read(export_json)
