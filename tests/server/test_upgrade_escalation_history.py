"""Upgrading a server (s0005): the history of an escalation recorded before is handed to the
office the escalation is addressed to, with a new sequence number so its laptops pull it."""

from __future__ import annotations

from alembic import command
from alembic.config import Config
from sqlalchemy import MetaData, Table, insert, select, update

from server_stub import sequence
from server_stub.models import Record
from server_stub.store import MIGRATIONS, SEQ, ServerStore


def _record(entity: str, record_id: str, seq: int, data: dict[str, object], to_unit: str | None = None) -> dict:
    return {
        "entity": entity,
        "id": record_id,
        "unit_id": "kppn",
        "to_unit_id": to_unit,
        "seq": seq,
        "deleted": False,
        "data": data,
        "clocks": {"*": "000000000000001-000000-dev"},
        "conflicts": [],
    }


def test_an_escalations_history_reaches_the_office_it_is_addressed_to(server_db: str) -> None:
    store = ServerStore(server_db)
    with store.engine.begin() as conn:
        cfg = Config()
        cfg.set_main_option("script_location", str(MIGRATIONS))
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "s0004")
        meta = MetaData()
        records = Table("records", meta, autoload_with=conn)
        counters = Table("counters", meta, autoload_with=conn)
        conn.execute(
            insert(records),
            [
                _record("escalations", "E", 1, {"to_unit_id": "kanwil"}, to_unit="kanwil"),
                _record("audit_events", "about-E", 2, {"entity": "escalations", "entity_id": "E"}),
                _record("audit_events", "about-R", 3, {"entity": "recommendations", "entity_id": "R"}),
            ],
        )
        if conn.execute(select(counters.c.value).where(counters.c.name == SEQ)).first() is None:
            conn.execute(insert(counters).values(name=SEQ, value=3))
        else:
            conn.execute(update(counters).where(counters.c.name == SEQ).values(value=3))
    store.migrate()
    try:
        with store.transaction() as session:
            held = {r.id: (r.to_unit_id, r.seq) for r in session.scalars(select(Record))}
            assert sequence.newest(session) == 4
        assert held == {"E": ("kanwil", 1), "about-E": ("kanwil", 4), "about-R": (None, 3)}
    finally:
        store.close()
