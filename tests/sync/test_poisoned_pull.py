"""A record a laptop cannot store (stored by an older server before it checked operations: an
unknown value, a missing field, a wrong type) is set aside, logged and counted; the rest of the
page applies and the sync goes on."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.models import Recommendation
from desktop.services import recommendations as recs
from desktop.sync.engine import enroll, sync_once
from server_stub import sequence
from server_stub.models import Record
from tests.sync.conftest import Running
from tests.sync.test_sync_basics import Device, make_forum


def _poison(server: Running, rec_id: str, **changes: object) -> None:
    """Rewrite a stored record as an unchecked push of an older server could have left it."""
    with server.store.transaction() as session:
        record = session.get_one(Record, ("recommendations", rec_id))
        data = {**record.data, **changes}
        for name, value in changes.items():
            if value is ...:
                del data[name]
        [seq] = sequence.hand_out(session, 1)
        record.data, record.seq, record.origin = data, seq, None


def test_a_record_the_laptop_cannot_store_is_set_aside_and_the_rest_applies(
    device: Device, server: Running, caplog: pytest.LogCaptureFixture, tmp_path: Path
) -> None:
    a = device("a", "KPPN-SORONG")
    forum, _rec = make_forum(a)
    bogus, undated, wrong, fine = (
        a.write(recs.add_recommendation, forum, text=f"Usulan {n}", scope="unit") for n in range(4)
    )
    sync_once(a)
    _poison(server, bogus, scope="bogus")
    _poison(server, undated, created_at=...)
    _poison(server, wrong, priority="tinggi")
    b = Workspace.open(tmp_path / "b", Settings(language="en", operator="b"))
    enroll(b, server.url, server.code("KPPN-SORONG"))
    with caplog.at_level(logging.WARNING, logger="mufakat.sync"):
        report = sync_once(b)
    assert report.set_aside == 3 and report.refused == 0
    with b.store.read() as session:
        held = set(session.scalars(select(Recommendation.id)))
    assert fine in held and not held & {bogus, undated, wrong}
    assert b.store.device().checkpoint > 0  # the page was applied, the sync went on
    assert sum("set aside" in r.message for r in caplog.records) == 3
    later = a.write(recs.add_recommendation, forum, text="Sesudahnya", scope="unit")
    sync_once(a)
    assert sync_once(b).set_aside == 0
    with b.store.read() as session:
        assert session.get(Recommendation, later) is not None
    b.close()
