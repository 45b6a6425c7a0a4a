"""Attacks on the sync API: a real server on 127.0.0.1 (SQLite and PostgreSQL), laptops of
three offices that sync as the app does, and crafted requests in a laptop's name (httpx), as a
buggy or malicious device could send them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import httpx
import pytest
from sqlalchemy import func, select

from desktop.models import Unit
from desktop.services import agenda, escalations, forums, participants, surveys
from desktop.services import recommendations as recs
from desktop.sync.engine import server_of, sync_once
from desktop.workspace import Workspace
from protocol.entities import ENTITIES, Kind
from protocol.hlc import HybridClock
from protocol.ids import new_id
from protocol.version import PROTOCOL_VERSION
from server_stub.models import Counter, Record
from server_stub.store import SEQ
from tests.sync.conftest import Running, device, server, server_db  # noqa: F401 - fixtures

NOW = datetime(2026, 11, 1, 8, 30, tzinfo=UTC).isoformat()


def valid_fields(entity: str, unit_id: str, /, **values: Any) -> dict[str, Any]:
    """A create's fields that pass the protocol's checks: every field with a plain value of its
    kind, then `values`; references must be given (there is no plain value for them)."""
    fields: dict[str, Any] = {}
    for f in ENTITIES[entity].fields:
        if f.kind is Kind.TEXT:
            fields[f.name] = "isi" if f.required else ""
        elif f.kind is Kind.INT:
            fields[f.name] = None if f.nullable else f.low
        elif f.kind is Kind.BOOL:
            fields[f.name] = False
        elif f.kind is Kind.DATE:
            fields[f.name] = None if f.nullable else "2026-11-01"
        elif f.kind is Kind.DATETIME:
            fields[f.name] = None if f.nullable else NOW
        elif f.kind is Kind.ENUM:
            fields[f.name] = None if f.nullable else next(iter(f.values or ())).value
        elif f.kind in (Kind.SIGNATORIES,):
            fields[f.name] = []
        elif f.kind in (Kind.OBJECT, Kind.COUNTS, Kind.MAPPING):
            fields[f.name] = {}
        else:
            fields[f.name] = None
    return {**fields, "unit_id": unit_id, "created_at": NOW, "at": NOW, **values}


class Raw:
    """Crafted requests with a laptop's token (its device id and unit)."""

    def __init__(self, ws: Workspace, url: str) -> None:
        self.ws = ws
        self.device_id = ws.ctx.device_id
        unit = ws.store.device().home_unit_id
        assert unit is not None
        self.unit_id = unit
        _url, token = server_of(ws)
        # A connection per request: a kept-alive one the server closed while idle (its 5 s keep-alive
        # running out on a slow machine) would fail the next request, not the server.
        self.http = httpx.Client(
            base_url=url,
            headers={"Authorization": f"Bearer {token}"},
            timeout=30,
            limits=httpx.Limits(max_keepalive_connections=0),
        )
        self.clock = HybridClock(self.device_id)

    def op(
        self, entity: str, entity_id: str, kind: str, fields: dict[str, Any], **extra: Any
    ) -> dict[str, Any]:
        return {
            "op_id": new_id(),
            "device_seq": 1,
            "entity": entity,
            "entity_id": entity_id,
            "kind": kind,
            "fields": fields,
            "hlc": self.clock.now().encode(),
            **extra,
        }

    def push(self, *ops: dict[str, Any]) -> list[dict[str, Any]]:
        answer = self.http.post(
            "/sync/push",
            json={"device_id": self.device_id, "schema_version": PROTOCOL_VERSION, "ops": list(ops)},
        )
        assert answer.status_code == 200, answer.text
        return list(answer.json()["results"])

    def refusal(self, op: dict[str, Any]) -> tuple[str, dict[str, Any]]:
        """Push one operation that must be refused; its code and parameters."""
        [result] = self.push(op)
        assert result["status"] == "rejected", result
        return result["code"], result["params"]

    def pull_all(self, since: int = 0, limit: int = 1000) -> list[dict[str, Any]]:
        records: list[dict[str, Any]] = []
        while True:
            page = self.http.get(
                "/sync/pull", params={"since": since, "limit": limit, "schema_version": PROTOCOL_VERSION}
            )
            assert page.status_code == 200, page.text
            body = page.json()
            records += body["records"]
            since = body["next"]
            if not body["more"]:
                return records

    def close(self) -> None:
        self.http.close()


@pytest.fixture
def raw(server: Running) -> Iterator[Callable[[Workspace], Raw]]:  # noqa: F811 - the fixture above
    made: list[Raw] = []

    def make(ws: Workspace) -> Raw:
        made.append(Raw(ws, server.url))
        return made[-1]

    yield make
    for each in made:
        each.close()


def on_server(running: Running, entity: str, record_id: str) -> Record | None:
    with running.store.transaction() as session:
        return session.get(Record, (entity, record_id))


def server_state(running: Running) -> tuple[int, int, list[tuple[str, str, int]]]:
    """The number of records, the sequence counter and every record's (entity, id, seq)."""
    with running.store.transaction() as session:
        count = session.scalar(select(func.count()).select_from(Record)) or 0
        newest = session.scalars(select(Counter.value).where(Counter.name == SEQ)).one()
        rows = [
            tuple(r)
            for r in session.execute(select(Record.entity, Record.id, Record.seq).order_by(Record.seq))
        ]
    return count, newest, rows  # type: ignore[return-value]


@dataclass
class World:
    """Three offices on one server: KPPN Sorong and KPPN Manokwari below Kanwil PBD. Sorong
    has a forum (with a participant, an agenda item, two recommendations and a survey period)
    and has escalated one recommendation to Kanwil; Manokwari has its own forum, recommendation
    and survey period. Every laptop has synced."""

    kppn: Workspace
    kanwil: Workspace
    other: Workspace
    units: dict[str, str]
    forum: str
    person: str
    item: str
    policy: str  # escalated to Kanwil
    local: str  # of unit scope
    escalation: str
    period: str
    other_forum: str
    other_rec: str
    other_period: str


def _unit(ws: Workspace, code: str) -> str:
    with ws.store.read() as session:
        return session.scalars(select(Unit.id).where(Unit.code == code)).one()


@pytest.fixture
def world(device: Callable[[str, str], Workspace]) -> World:  # noqa: F811 - the fixture above
    kppn, kanwil, other = (
        device("kppn", "KPPN-SORONG"),
        device("kanwil", "KANWIL-PBD"),
        device("m", "KPPN-MANOKWARI"),
    )
    units = {code: _unit(kppn, code) for code in ("DJPB", "KANWIL-PBD", "KPPN-SORONG", "KPPN-MANOKWARI")}
    forum = kppn.write(
        forums.create_forum, unit_id=units["KPPN-SORONG"], title="FKP Sorong", held_on="2026-10-01"
    )
    person = kppn.write(participants.add_participant, forum, name="Martina Rumbiak", category="satker")
    item = kppn.write(agenda.add_item, forum, title="Layanan")
    policy = kppn.write(
        recs.add_recommendation, forum, text="Jemput bola bagi satker terpencil", scope="policy"
    )
    local = kppn.write(recs.add_recommendation, forum, text="Perkuat customer service", scope="unit")
    kppn.write(recs.accept, policy)
    escalation = kppn.write(escalations.escalate, policy, "Mohon arahan")
    period = kppn.write(
        surveys.create_period,
        unit_id=units["KPPN-SORONG"],
        title="SKM 2026",
        starts_on="2026-07-01",
        ends_on="2026-12-31",
    )
    other_forum = other.write(
        forums.create_forum, unit_id=units["KPPN-MANOKWARI"], title="FKP Manokwari", held_on="2026-10-02"
    )
    other_rec = other.write(recs.add_recommendation, other_forum, text="Ruang laktasi", scope="policy")
    other.write(recs.accept, other_rec)
    other_period = other.write(
        surveys.create_period,
        unit_id=units["KPPN-MANOKWARI"],
        title="SKM M",
        starts_on="2026-07-01",
        ends_on="2026-12-31",
    )
    for ws in (kppn, other, kanwil):
        assert sync_once(ws).refused == 0
    return World(
        kppn,
        kanwil,
        other,
        units,
        forum,
        person,
        item,
        policy,
        local,
        escalation,
        period,
        other_forum,
        other_rec,
        other_period,
    )
