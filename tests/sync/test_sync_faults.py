"""Faults on the wire and concurrent edits: nothing lost, nothing applied twice."""

from __future__ import annotations

import gzip
from collections.abc import Callable

import httpx
import pytest
from sqlalchemy import func, select

from desktop.app.workspace import Workspace
from desktop.models import OutboxOp, Recommendation
from desktop.services import recommendations as recs
from desktop.services.export import export_json
from desktop.sync import engine
from desktop.sync.client import SyncClient, SyncUnavailable
from desktop.sync.engine import server_of, sync_once
from protocol.version import PROTOCOL_VERSION, SPOKEN_VERSIONS
from tests.sync.conftest import Running
from tests.sync.test_sync_basics import make_forum, refused_on, stale_rejection

Device = Callable[[str, str], Workspace]


class Flaky(httpx.HTTPTransport):
    """Passes requests to the real server, then loses the answer of the chosen ones."""

    def __init__(self, lose: Callable[[httpx.Request, int], bool]) -> None:
        super().__init__()
        self.lose = lose
        self.calls = 0

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        self.calls += 1
        response = super().handle_request(request)
        if self.lose(request, self.calls):
            response.read()
            raise httpx.ReadError("connection lost after the server answered")
        return response


def flaky_client(ws: Workspace, lose: Callable[[httpx.Request, int], bool]) -> SyncClient:
    url, token = server_of(ws)
    return SyncClient(url, token, transport=Flaky(lose))


def outbox_size(ws: Workspace) -> int:
    with ws.store.read() as session:
        return session.scalar(select(func.count()).select_from(OutboxOp)) or 0


def test_lost_push_answer_then_retry_applies_everything_exactly_once(device: Device) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, rec = make_forum(a)
    for _ in range(5):
        a.write(recs.vote, rec)  # increments: applied twice they would count twice
    pending = outbox_size(a)
    lost = flaky_client(a, lambda request, _n: request.url.path == "/sync/push")
    with pytest.raises(SyncUnavailable):
        sync_once(a, lost)
    assert outbox_size(a) == pending  # nothing was dropped locally
    report = sync_once(a)
    assert outbox_size(a) == 0 and report.refused == 0
    sync_once(b)
    with b.store.read() as session:
        assert session.get(Recommendation, rec).votes == 8  # type: ignore[union-attr]
    assert b.read(export_json) == a.read(export_json)


def test_push_in_batches_with_an_answer_lost_midway(device: Device, monkeypatch: pytest.MonkeyPatch) -> None:
    """Batches go out one after another (the next is read while one is applied): a lost answer
    keeps that batch and the rest queued, the batches before it are settled, and the retry
    applies each operation exactly once."""
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum, rec = make_forum(a)
    for n in range(10):
        a.write(recs.add_recommendation, forum, text=f"Usulan nomor {n}", scope="unit")
    for _ in range(4):
        a.write(recs.vote, rec)
    pending = outbox_size(a)
    monkeypatch.setattr(engine, "PUSH_BATCH", 4)
    pushes = {"n": 0}

    def second_push(request: httpx.Request, _n: int) -> bool:
        if request.url.path != "/sync/push":
            return False
        pushes["n"] += 1
        return pushes["n"] == 2

    with pytest.raises(SyncUnavailable):
        sync_once(a, flaky_client(a, second_push))
    assert outbox_size(a) == pending - 4  # only the first batch was settled
    report = sync_once(a)
    assert outbox_size(a) == 0 and report.refused == 0
    sync_once(b)
    with b.store.read() as session:
        assert session.get(Recommendation, rec).votes == 7  # type: ignore[union-attr]
        assert session.scalar(select(func.count()).select_from(Recommendation)) == 11
    assert b.read(export_json) == a.read(export_json)


def test_a_refusal_whose_answer_was_lost_is_still_set_aside(device: Device) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, rec = stale_rejection(a, b)
    lost = flaky_client(b, lambda request, _n: request.url.path == "/sync/push")
    with pytest.raises(SyncUnavailable):
        sync_once(b, lost)
    report = sync_once(b)  # sent again: the server answers "duplicate", with the refusal's reason
    assert report.refused == 1 and outbox_size(b) == 0
    refused = refused_on(b)
    assert refused.entity_id == rec and refused.code == "stale_transition"
    assert refused.params == {
        "entity": "recommendations",
        "id": rec,
        "action": "reject",
        "status": "accepted",
    }


def test_interrupted_pull_resumes_from_its_checkpoint(
    device: Device, monkeypatch: pytest.MonkeyPatch
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    forum, _rec = make_forum(a)
    for n in range(12):
        a.write(recs.add_recommendation, forum, text=f"Usulan nomor {n}", scope="unit")
    sync_once(a)
    monkeypatch.setattr(engine, "PULL_PAGE", 5)
    pulls = {"n": 0}

    def third_pull(request: httpx.Request, _n: int) -> bool:
        if request.url.path != "/sync/pull":
            return False
        pulls["n"] += 1
        return pulls["n"] == 3

    with pytest.raises(SyncUnavailable):
        sync_once(b, flaky_client(b, third_pull))
    checkpoint = b.store.device().checkpoint
    assert checkpoint > 0  # two pages were stored with their checkpoint
    report = sync_once(b)
    assert report.pages >= 2
    assert b.read(export_json) == a.read(export_json)


def test_different_fields_both_kept_same_field_later_wins_everywhere(device: Device) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, rec = make_forum(a)
    sync_once(a)
    sync_once(b)
    a.write(recs.edit_recommendation, rec, text="Perkuat customer service (A)")
    b.write(recs.edit_recommendation, rec, priority=1)
    b.write(recs.edit_recommendation, rec, category="staff")
    a.write(recs.edit_recommendation, rec, category="information")  # later stamp than b's
    for ws in (b, a, b):  # b pushes first, yet a's later category wins
        sync_once(ws)
    for ws in (a, b):
        with ws.store.read() as session:
            row = session.get(Recommendation, rec)
            assert row is not None
            assert (row.text, row.priority, row.category) == (
                "Perkuat customer service (A)",
                1,
                "information",
            )
    assert a.read(export_json) == b.read(export_json)


def test_server_answers_bad_requests_with_json_4xx(server: Running, device: Device) -> None:
    a = device("a", "KPPN-SORONG")
    _url, token = server_of(a)
    auth = {"Authorization": f"Bearer {token}"}
    with httpx.Client(base_url=server.url, timeout=10) as http:
        cases = [
            http.post(
                "/sync/push", json={"device_id": a.ctx.device_id, "schema_version": PROTOCOL_VERSION, "ops": []}
            ),
            http.post(
                "/sync/push", content=b"{not json", headers={**auth, "Content-Type": "application/json"}
            ),
            http.post(
                "/sync/push",
                json={"device_id": a.ctx.device_id, "schema_version": min(SPOKEN_VERSIONS) - 1, "ops": []},
                headers=auth,
            ),
            http.post(
                "/sync/push",
                json={"device_id": "someone-else", "schema_version": PROTOCOL_VERSION, "ops": []},
                headers=auth,
            ),
            http.post("/sync/push", json={"ops": "nope"}, headers=auth),
            http.get("/sync/pull", params={"since": -1}, headers=auth),
            http.get("/sync/pull", headers={"Authorization": "Bearer forged"}),
            http.post(
                "/enroll",
                json={
                    "code": "AAAA-BBBB-CCCC",
                    "device_id": "0192f0a0-0000-7000-8000-00000000000d",
                    "device_secret": "s" * 43,
                },
            ),
            http.post(
                "/sync/push",
                content=b"x" * (17 * 1024 * 1024),
                headers={**auth, "Content-Type": "application/json"},
            ),
            http.post(  # 17 MB of zeros packed into 17 kB
                "/sync/push",
                content=gzip.compress(b"0" * (17 * 1024 * 1024)),
                headers={**auth, "Content-Type": "application/json", "Content-Encoding": "gzip"},
            ),
            http.post(
                "/sync/push",
                content=gzip.compress(b'{"ops": []}')[:-12],
                headers={**auth, "Content-Type": "application/json", "Content-Encoding": "gzip"},
            ),
        ]
        expected = [401, 400, 426, 403, 422, 422, 401, 404, 413, 413, 400]
        assert [r.status_code for r in cases] == expected
        assert all(isinstance(r.json().get("error"), str) and r.json()["error"] for r in cases)
        assert [r.json()["code"] for r in cases] == [
            "unknown_token",
            "malformed",
            "upgrade_required",
            "wrong_device",
            "malformed",
            "malformed",
            "unknown_token",
            "enrollment_code_unknown",
            "too_large",
            "too_large",
            "malformed",
        ]
        assert cases[2].json()["params"] == {
            "server_version": PROTOCOL_VERSION,
            "client_version": min(SPOKEN_VERSIONS) - 1,
        }
        odd = {
            "op_id": "x" * 20,
            "action_id": "y" * 20,
            "device_seq": 1,
            "entity": "passwords",
            "entity_id": "p",
            "kind": "create",
            "fields": {},
            "hlc": "000000000000001-000000-x",
        }
        answer = http.post(
            "/sync/push",
            json={"device_id": a.ctx.device_id, "schema_version": PROTOCOL_VERSION, "ops": [odd]},
            headers=auth,
        )
        assert answer.status_code == 200
        assert answer.json()["results"] == [
            {
                "op_id": "x" * 20,
                "status": "rejected",
                "code": "unknown_entity",
                "params": {"entity": "passwords"},
            }
        ]
        assert http.get("/healthz").json()["ok"] is True


def test_the_losing_value_is_kept_and_shown_on_every_device(device: Device) -> None:
    from desktop.services.conflicts import conflicts_of

    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, rec = make_forum(a)
    sync_once(a)
    sync_once(b)
    b.write(recs.edit_recommendation, rec, text="Perkuat layanan pelanggan (B)")
    a.write(recs.edit_recommendation, rec, text="Perkuat customer service (A)")  # later: wins
    a.write(recs.edit_recommendation, rec, priority=1)  # nobody else touched priority
    for ws in (b, a, b):
        sync_once(ws)
    for ws in (a, b):
        with ws.store.read() as session:
            [changed] = conflicts_of(session, "recommendations", rec)
            assert changed.register == "text"
            assert changed.kept == {"text": "Perkuat customer service (A)"}
            assert changed.lost == {"text": "Perkuat layanan pelanggan (B)"}
            assert session.get(Recommendation, rec).text == "Perkuat customer service (A)"  # type: ignore[union-attr]


def test_sequential_edits_on_two_devices_are_no_conflict(device: Device) -> None:
    from desktop.services.conflicts import conflicts_of

    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    _forum, rec = make_forum(a)
    sync_once(a)
    sync_once(b)
    a.write(recs.edit_recommendation, rec, text="Versi A")
    sync_once(a)
    sync_once(b)
    b.write(recs.edit_recommendation, rec, text="Versi B, setelah membaca versi A")
    sync_once(b)
    sync_once(a)
    with a.store.read() as session:
        assert conflicts_of(session, "recommendations", rec) == []
        assert session.get(Recommendation, rec).text == "Versi B, setelah membaca versi A"  # type: ignore[union-attr]
