"""Forged vote shares (issue #12, review 2): a laptop sets its own share of a recommendation's
votes, or that of a revoked laptop of its office whose outbox it imports; never a colleague's
still at work, another office's, or an invented voter's, whatever stamp it writes on the
operation. The total stays within 0 and MAX_VOTES. Refused with a code; nothing stored."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from desktop.app.workspace import Workspace
from desktop.models import Recommendation
from desktop.services import recommendations as recs
from desktop.sync.engine import sync_once
from desktop.sync.repush import restate_op
from protocol.entities import MAX_VOTES
from protocol.hlc import HybridClock
from protocol.ids import new_id
from server_stub import admin
from server_stub.models import Record
from tests.sync.conftest import Running
from tests.sync.crafted import Raw, World, on_server, valid_fields

MakeRaw = Callable[[Workspace], Raw]


def _share(raw: Raw, rec: str, key: str, value: int, maker: str | None = None) -> dict[str, Any]:
    """A counter operation; `maker`: the device written into its stamp (any text a laptop likes)."""
    stamp = HybridClock(maker).now().encode() if maker else raw.clock.now().encode()
    fields = {"field": "votes", "key": key, "value": value, "at": "2026-11-01T08:30:00+00:00"}
    return raw.op("recommendations", rec, "counter", fields, hlc=stamp)


def _votes(server: Running, rec: str) -> tuple[int, dict[str, int]]:
    record = on_server(server, "recommendations", rec)
    assert record is not None
    return record.data["votes"], dict(record.data["vote_counts"])


def test_a_laptop_sets_no_share_but_its_own_or_a_revoked_colleagues(
    world: World, raw: MakeRaw, device: Callable[[str, str], Workspace], server: Running
) -> None:
    world.kppn.write(recs.vote, world.local)
    assert sync_once(world.kppn).refused == 0
    victim = world.kppn.ctx.device_id
    before = _votes(server, world.local)
    assert before == (1, {victim: 1})
    colleague = raw(device("kppn2", "KPPN-SORONG"))  # the same office, still at work
    invented = [new_id() for _ in range(3)]
    forged = [
        _share(colleague, world.local, victim, -1000),  # a colleague's vote share taken to -1000
        _share(colleague, world.local, victim, 0, maker=victim),  # with the colleague's stamp
        *(_share(colleague, world.local, k, 100_000, maker=k) for k in invented),  # voters invented
        _share(colleague, world.local, world.kanwil.ctx.device_id, 50),  # another office's laptop
    ]
    for op in forged:
        code, params = colleague.refusal(op)
        assert (code, params["field"], params["problem"]) == ("invalid_field", "vote_counts", "not_allowed")
    assert _votes(server, world.local) == before

    # Its own share: not beyond the limit, not below zero in total (the only vote is kppn's).
    for value in (MAX_VOTES, -2):
        code, params = colleague.refusal(_share(colleague, world.local, colleague.device_id, value))
        assert (code, params["field"], params["problem"]) == ("invalid_field", "votes", "out_of_range")
    assert _votes(server, world.local) == before
    [applied] = colleague.push(_share(colleague, world.local, colleague.device_id, -1))  # un-vote it
    assert applied["status"] == "applied"
    assert _votes(server, world.local) == (0, {victim: 1, colleague.device_id: -1})

    # A create carries its maker's share only, and only a maker the pushing laptop speaks for.
    rec = new_id()
    fields = valid_fields(
        "recommendations",
        colleague.unit_id,
        forum_id=world.forum,
        scope="unit",
        votes=MAX_VOTES,
        vote_counts={k: 100_000 for k in invented},
    )
    stamp = HybridClock(invented[0]).now().encode()
    [created] = colleague.push(colleague.op("recommendations", rec, "create", fields, hlc=stamp))
    assert created["status"] == "applied", created
    assert _votes(server, rec) == (0, {})

    # A revoked laptop of the office: its unsent votes come in through a colleague's import.
    with server.store.transaction() as session:
        admin.revoke(session, victim)
    [imported] = colleague.push(_share(colleague, world.local, victim, 2, maker=victim))
    assert imported["status"] == "applied"
    assert _votes(server, world.local) == (1, {victim: 2, colleague.device_id: -1})
    # ...but not another office's laptop, revoked or not.
    other = raw(world.other)
    with server.store.transaction() as session:
        admin.revoke(session, world.kanwil.ctx.device_id)
    code, _params = colleague.refusal(_share(colleague, world.local, world.kanwil.ctx.device_id, 1))
    assert code == "invalid_field"
    assert other.refusal(_share(other, world.local, other.device_id, 1))[0] == "unknown_record"


def test_state_re_sent_brings_back_shares_of_known_devices_only(
    world: World, raw: MakeRaw, server: Running
) -> None:
    world.kppn.write(recs.vote, world.local)
    assert sync_once(world.kppn).refused == 0
    kppn = raw(world.kppn)
    with server.store.transaction() as session:  # the server lost the record (a restore)
        session.delete(session.get_one(Record, ("recommendations", world.local)))
    with world.kppn.store.read() as session:
        row = session.get_one(Recommendation, world.local)
        op = restate_op(Recommendation, row, None)
    assert op is not None
    fields = op.fields
    invented = {new_id(): 100_000 for _ in range(3)}
    forged = {
        **fields,
        "data": {**fields["data"], "vote_counts": {**fields["data"]["vote_counts"], **invented}},
    }
    [result] = kppn.push(kppn.op("recommendations", world.local, "restate", forged, hlc=op.hlc))
    assert result["status"] == "applied"
    assert _votes(server, world.local) == (1, {world.kppn.ctx.device_id: 1})
