"""Speaking to the server as a device does, over HTTP: a create's valid fields, crafted
operations with a device's token, what the server holds. Nothing of the desktop."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime
from typing import Any

import httpx
from sqlalchemy import func, select

from protocol.entities import ENTITIES, Kind
from protocol.hlc import HybridClock
from protocol.ids import new_id
from protocol.messages import Op, queued
from protocol.version import PROTOCOL_VERSION
from server_stub import sequence
from server_stub.models import Record
from tests.server.serving import Running

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
        elif f.kind in (Kind.SIGNATORIES, Kind.VALUES):
            fields[f.name] = []
        elif f.kind in (Kind.OBJECT, Kind.COUNTS, Kind.MAPPING):
            fields[f.name] = {}
        else:
            fields[f.name] = None
    return {**fields, "unit_id": unit_id, "created_at": NOW, "at": NOW, **values}


class Raw:
    """Crafted requests with a device's token (its device id and unit)."""

    def __init__(self, url: str, token: str, device_id: str, unit_id: str) -> None:
        self.device_id = device_id
        self.unit_id = unit_id
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
        """An operation as a device pushes it (`extra`: any part of it replaced, even by what a
        device must never send)."""
        stamp = self.clock.now().encode()
        op = Op(op_id=new_id(), device_seq=1, entity=entity, entity_id=entity_id, kind=kind, fields=fields, hlc=stamp)
        return {**queued(op), **extra}

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


def journal_op(
    raw: Raw, unit: str, about: str, action: str, entity: str = "escalations", **values: Any
) -> dict[str, Any]:
    """The history entry (an audit event) a device files under `unit` with `action` on the
    record `about` of `entity` (`values`: any field replaced)."""
    event = valid_fields(
        "audit_events",
        unit,
        device_id=raw.device_id,
        hlc=raw.clock.now().encode(),
        entity=entity,
        entity_id=about,
        action=action,
        actor="Petugas",
    )
    return raw.op("audit_events", new_id(), "create", {**event, **values})


def enroll_over_http(url: str, code: str, unit_code: str) -> Raw:
    """A new device of `unit_code`, enrolled over HTTP with `code` (the administrator's)."""
    device_id = new_id()
    answer = httpx.post(
        f"{url}/enroll",
        json={
            "code": code,
            "device_id": device_id,
            "device_name": f"laptop {unit_code}",
            "device_secret": secrets.token_urlsafe(32),
        },
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    body = answer.json()
    return Raw(url, body["token"], device_id, body["unit_id"])


def on_server(running: Running, entity: str, record_id: str) -> Record | None:
    with running.store.transaction() as session:
        return session.get(Record, (entity, record_id))


def server_state(running: Running) -> tuple[int, int, list[tuple[str, str, int]]]:
    """The number of records, the last change number handed out and every record's (entity, id, seq)."""
    with running.store.transaction() as session:
        count = session.scalar(select(func.count()).select_from(Record)) or 0
        newest = sequence.newest(session)
        rows = [
            tuple(r)
            for r in session.execute(select(Record.entity, Record.id, Record.seq).order_by(Record.seq))
        ]
    return count, newest, rows  # type: ignore[return-value]
