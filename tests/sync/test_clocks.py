"""Wrong clocks never lose or block a change (issue #12, DESIGN.md sync step 6).

Field laptops' clocks are often wrong: WIB set with the WIT zone is 2 hours off, a dead CMOS
battery years. A laptop 10 minutes, 2 hours or a year behind must still pull; one ahead must
not have its changes refused; after the clock is fixed its changes still apply; and every
laptop of the unit ends with the same export, byte for byte (a stamp the server re-stamped is
adopted by the laptop that made it). The first test runs over plain HTTP and over TLS (a server
certificate of an office CA the laptops trust through the system's store)."""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest
import trustme
from sqlalchemy import func, select

from desktop.app.workspace import Workspace
from desktop.core.vocab import RecStatus
from desktop.models import AuditEvent, Recommendation, RejectedOp
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync.client import SyncUnavailable
from desktop.sync.engine import server_of, sync_once
from protocol.ids import new_id
from protocol.version import PROTOCOL_VERSION
from server_stub.models import AppliedOp, Record
from tests.sync.conftest import Running, prepared_store, serving
from tests.sync.test_sync_basics import make_forum
from tests.sync.test_sync_faults import flaky_client

Device = Callable[..., Workspace]
MINUTE = 60_000
HOUR = 60 * MINUTE
DAY = 24 * HOUR
SKEWS = {
    "10 min behind": -10 * MINUTE,
    "10 min ahead": 10 * MINUTE,
    "2 h behind": -2 * HOUR,
    "2 h ahead": 2 * HOUR,
    "2 days ahead": 2 * DAY,
    "a year behind": -365 * DAY,
}


class WrongClock:
    """A laptop's machine clock, `skew_ms` off the true time (set and fixed by the test)."""

    def __init__(self) -> None:
        self.skew_ms = 0

    def __call__(self) -> int:
        return time.time_ns() + self.skew_ms * 1_000_000


@pytest.fixture
def server(
    request: pytest.FixtureRequest, server_db: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Running]:
    """The suite's server; over TLS when a test asks for "https" (indirect parametrization)."""
    store = prepared_store(server_db)
    pem = None
    if getattr(request, "param", "http") == "https":
        authority = trustme.CA()
        ca_file = tmp_path / "office-ca.pem"
        authority.cert_pem.write_to_path(str(ca_file))
        monkeypatch.setenv("SSL_CERT_FILE", str(ca_file))  # installed on the laptops
        pem = tmp_path / "server.pem"
        authority.issue_cert("127.0.0.1").private_key_and_cert_chain_pem.write_to_path(str(pem))
    with serving(store, pem) as url:
        yield Running(url, store)
    store.close()


def refusals(ws: Workspace) -> int:
    with ws.store.read() as session:
        return session.scalar(select(func.count()).select_from(RejectedOp)) or 0


def text_on(ws: Workspace, rec: str) -> tuple[str, RecStatus, int]:
    with ws.store.read() as session:
        row = session.get(Recommendation, rec)
        assert row is not None
        return row.text, row.status, row.votes


def exchange(*laptops: Workspace) -> None:
    for ws in laptops:
        assert sync_once(ws).refused == 0


@pytest.mark.parametrize("server", ["http", "https"], indirect=True)
@pytest.mark.parametrize("skew", SKEWS.values(), ids=list(SKEWS))
def test_a_laptop_with_a_wrong_clock_loses_nothing(device: Device, server: Running, skew: int) -> None:
    clock = WrongClock()
    good = device("good", "KPPN-SORONG")
    wrong = device("wrong", "KPPN-SORONG", clock)  # enrolled while its clock was right
    forum, rec = make_forum(good)
    exchange(good, wrong)

    clock.skew_ms = skew  # the clock goes wrong; the laptop does not know yet
    mine = wrong.write(
        recs.add_recommendation, forum, text="Dicatat di laptop yang jamnya salah", scope="unit"
    )
    wrong.write(recs.edit_recommendation, rec, text="Diubah di laptop yang jamnya salah")
    wrong.write(recs.vote, rec)
    wrong.write(recs.accept, mine)
    exchange(wrong)  # its changes are accepted (re-stamped if ahead), the pull refuses nothing
    assert abs(wrong.store.device().clock_offset_ms + skew) < 5_000  # measured: the server's time
    # Meanwhile, before it has seen that edit, the laptop with the right clock edits the same
    # text: later in real time, so it wins everywhere (the other value is kept as a conflict).
    good.write(recs.edit_recommendation, rec, text="Versi laptop yang benar")
    good.write(recs.vote, rec)
    good.write(recs.edit_recommendation, rec, priority=1)
    exchange(good, wrong, good)
    for ws in (good, wrong):
        assert text_on(ws, rec) == ("Versi laptop yang benar", RecStatus.PROPOSED, 5)
        assert text_on(ws, mine)[1] == RecStatus.ACCEPTED
    assert wrong.read(export_json) == good.read(export_json)

    # Now that its clock is corrected, what it does later wins too.
    wrong.write(recs.edit_recommendation, mine, text="Sesudah koreksi jam")
    wrong.write(recs.edit_recommendation, rec, text="Versi laptop yang salah, sesudahnya")
    exchange(wrong, good)
    assert text_on(good, rec)[0] == "Versi laptop yang salah, sesudahnya"
    assert text_on(good, mine)[0] == "Sesudah koreksi jam"

    clock.skew_ms = 0  # someone fixes the clock; the stored offset is stale until the next sync
    wrong.write(recs.edit_recommendation, mine, text="Sesudah jam dibetulkan")
    wrong.write(recs.vote, mine)
    exchange(wrong, good, wrong)
    assert text_on(good, mine)[0] == "Sesudah jam dibetulkan" and text_on(good, mine)[2] == 1
    assert abs(wrong.store.device().clock_offset_ms) < 5_000
    assert refusals(wrong) == refusals(good) == 0
    assert wrong.read(export_json) == good.read(export_json)


def test_a_stamp_far_ahead_is_re_stamped_by_the_server_and_the_retry_gets_the_same(
    device: Device, server: Running
) -> None:
    """At the protocol: a change stamped two days ahead is applied with the server's stamp, the
    result says which, and the same operation sent again (its answer lost) is told the same."""
    good = device("good", "KPPN-SORONG")
    _forum, rec = make_forum(good)
    sync_once(good)
    ahead = f"{time.time_ns() // 1_000_000 + 2 * DAY:015d}-000000-{good.ctx.device_id}"
    op = {
        "op_id": new_id(),
        "action_id": new_id(),
        "device_seq": 10**6,
        "entity": "recommendations",
        "entity_id": rec,
        "kind": "update",
        "fields": {"set": {"text": "Dari masa depan"}, "base": {}, "at": "2024-08-22T00:00:00+00:00"},
        "hlc": ahead,
    }
    _url, token = server_of(good)
    body = {
        "device_id": good.ctx.device_id,
        "schema_version": PROTOCOL_VERSION,
        "device_high": 10**6,
        "ops": [op],
    }
    with httpx.Client(base_url=server.url, timeout=10) as http:
        first = http.post("/sync/push", json=body, headers={"Authorization": f"Bearer {token}"}).json()
        again = http.post("/sync/push", json=body, headers={"Authorization": f"Bearer {token}"}).json()
        health = http.get("/healthz").json()
    [result] = first["results"]
    assert result["status"] == "applied" and result["hlc"] < ahead
    assert result["hlc"].endswith(good.ctx.device_id)  # still the device's change
    now_ms = time.time_ns() // 1_000_000
    assert abs(int(result["hlc"][:15]) - now_ms) < 60_000
    assert abs(first["server_ms"] - now_ms) < 60_000 and abs(health["server_ms"] - now_ms) < 60_000
    assert again["results"] == [{"op_id": op["op_id"], "status": "duplicate", "hlc": result["hlc"]}]
    with server.store.transaction() as session:
        held = session.get(Record, ("recommendations", rec))
        assert (
            held is not None
            and held.data["text"] == "Dari masa depan"
            and held.clocks["text"] == result["hlc"]
        )
        assert session.get(AppliedOp, op["op_id"]).hlc == result["hlc"]  # type: ignore[union-attr]


def test_a_laptop_ahead_adopts_the_servers_stamps(device: Device, server: Running) -> None:
    """Its record's clocks and its audit event's stamp become the server's, so its own copy
    (which the no-echo rule does not send back) is byte for byte everyone's."""
    clock = WrongClock()
    wrong = device("wrong", "KPPN-SORONG", clock)
    clock.skew_ms = 2 * DAY  # since its last sync
    _forum, rec = make_forum(wrong)
    no_pull = flaky_client(wrong, lambda request, _n: request.url.path == "/sync/pull")
    with pytest.raises(SyncUnavailable):  # adopted when the push is settled, before any pull
        sync_once(wrong, no_pull)
    with server.store.transaction() as session:
        held = session.get(Record, ("recommendations", rec))
        assert held is not None
        server_clocks = dict(held.clocks)
    with wrong.store.read() as session:
        row = session.get(Recommendation, rec)
        assert row is not None and row.clocks == server_clocks
        [event] = session.scalars(select(AuditEvent).where(AuditEvent.entity_id == rec)).all()
        assert event.hlc == server_clocks["*"] and event.clocks == {"*": event.hlc}
    sync_once(wrong)
    colleague = device("colleague", "KPPN-SORONG")
    assert colleague.read(export_json) == wrong.read(export_json)
    # The clock dropped back: what it stamps next is not two days ahead any more.
    assert wrong.ctx.clock.now().wall_ms < time.time_ns() // 1_000_000 + 60_000
