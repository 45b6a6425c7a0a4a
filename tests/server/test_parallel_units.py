"""On PostgreSQL, pushes of different units do not wait for each other (issue #18: one counter
row made every push of every unit wait for the one before), and still no laptop is ever
served a change number while a smaller one may commit (DESIGN.md sync step 4): while one
office's push is held open inside its transaction, another office's push commits, and every
pull stops below the open push's numbers until it commits; then each laptop gets its office's
change, once."""

from __future__ import annotations

from typing import Any

import httpx
from sqlalchemy import select

from protocol.ids import new_id
from protocol.version import PROTOCOL_VERSION
from server_stub import auth
from server_stub.apply import Caller, apply_push
from server_stub.models import Record
from server_stub.store import ServerStore
from tests.server.serving import fresh_pg_database, prepared_store, require_pg, serving
from tests.server.wire import Raw, enroll_over_http, valid_fields


def laptop(url: str, store: ServerStore, unit_code: str) -> Raw:
    with store.transaction() as session:
        code = auth.new_enroll_code(session, unit_code)
    raw = enroll_over_http(url, code, unit_code)
    raw.http.timeout = httpx.Timeout(15)  # a push that waits for the other office's fails the test
    return raw


def pull(raw: Raw, since: int) -> tuple[list[str], int]:
    """Every record id the laptop is served after `since`, and its checkpoint after that."""
    ids: list[str] = []
    while True:
        answer = raw.http.get("/sync/pull", params={"since": since, "schema_version": PROTOCOL_VERSION})
        assert answer.status_code == 200, answer.text
        body: dict[str, Any] = answer.json()
        ids += [record["id"] for record in body["records"]]
        since = body["next"]
        if not body["more"]:
            return ids, since


def test_two_offices_push_side_by_side_and_numbers_are_served_in_commit_order() -> None:
    require_pg()
    with fresh_pg_database() as db:
        store = prepared_store(db)
        try:
            with serving(store) as url:
                sorong, sorong_2 = laptop(url, store, "KPPN-SORONG"), laptop(url, store, "KPPN-SORONG")
                manokwari, manokwari_2 = laptop(url, store, "KPPN-MANOKWARI"), laptop(url, store, "KPPN-MANOKWARI")
                _, sorong_seen = pull(sorong_2, 0)
                _, manokwari_seen = pull(manokwari_2, 0)
                forum_s, forum_m = new_id(), new_id()
                caller = Caller(device_id=sorong.device_id, unit_id=sorong.unit_id, ops_high=0, may_restate=False)
                with store.transaction() as held:  # Sorong's push, applied and not yet committed
                    fields = valid_fields("forums", sorong.unit_id, title="FKP Sorong")
                    [result] = apply_push(held, caller, [sorong.op("forums", forum_s, "create", fields)])
                    assert result["status"] == "applied"
                    open_seq = held.scalars(select(Record.seq).where(Record.id == forum_s)).one()

                    # Manokwari's push goes through meanwhile (it waited for Sorong's before).
                    fields = valid_fields("forums", manokwari.unit_id, title="FKP Manokwari")
                    [result] = manokwari.push(manokwari.op("forums", forum_m, "create", fields))
                    assert result["status"] == "applied"
                    with store.transaction() as session:
                        committed_seq = session.scalars(select(Record.seq).where(Record.id == forum_m)).one()
                    assert committed_seq > open_seq

                    # Nobody is served past the open push's number: not its own office (whose
                    # change has not committed), not the other one (whose change is numbered after).
                    served_s, sorong_at = pull(sorong_2, sorong_seen)
                    served_m, manokwari_at = pull(manokwari_2, manokwari_seen)
                    assert forum_s not in served_s and sorong_at < open_seq
                    assert forum_m not in served_m and manokwari_at < open_seq
                # Sorong's push committed: each office gets its own change, once.
                served_s += pull(sorong_2, sorong_at)[0]
                served_m += pull(manokwari_2, manokwari_at)[0]
                assert served_s.count(forum_s) == 1 and forum_m not in served_s
                assert served_m.count(forum_m) == 1 and forum_s not in served_m
                for raw in (sorong, sorong_2, manokwari, manokwari_2):
                    raw.close()
        finally:
            store.close()
