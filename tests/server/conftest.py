"""The server's own tests speak HTTP to a real server on 127.0.0.1 (SQLite and PostgreSQL) as
devices of three offices would, enrolled with the administrator's codes; nothing of the desktop
runs here (the end-to-end tests with real laptops are in tests/sync)."""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import select

from protocol.ids import new_id
from server_stub.models import ServerUnit
from tests.server.offices import Offices
from tests.server.serving import Running, server, server_db  # noqa: F401 - fixtures
from tests.server.wire import NOW, Raw, enroll_over_http, valid_fields


def pytest_sessionfinish(session: pytest.Session, exitstatus: int) -> None:
    """With MUFAKAT_NO_SKIPS=1 (`make test-server`), a skipped test fails the run: the server's
    own environment must run every test of the server, on both databases."""
    reporter = session.config.pluginmanager.get_plugin("terminalreporter")
    skipped = reporter.stats.get("skipped", []) if reporter is not None else []
    if os.environ.get("MUFAKAT_NO_SKIPS") == "1" and skipped:
        assert reporter is not None
        reporter.write_line(f"MUFAKAT_NO_SKIPS=1: {len(skipped)} test(s) skipped; none may be", red=True)
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


def enrolled(running: Running, unit_code: str) -> Raw:
    """A new device of `unit_code`, enrolled over HTTP with a code the administrator made."""
    return enroll_over_http(running.url, running.code(unit_code), unit_code)


def applied(raw: Raw, *ops: dict[str, Any]) -> None:
    results = raw.push(*ops)
    assert [r["status"] for r in results] == ["applied"] * len(ops), results


def create(raw: Raw, entity: str, /, **values: Any) -> str:
    record = new_id()
    applied(raw, raw.op(entity, record, "create", valid_fields(entity, raw.unit_id, **values)))
    return record


def transition(raw: Raw, entity: str, record: str, action: str, **register: Any) -> dict[str, Any]:
    fields = {"action": action, "fields": register, "base": {}, "at": NOW}
    return raw.op(entity, record, "transition", fields)


STAMP = {"status_at": NOW, "status_by": "Kepala Kantor"}


World = Offices[Raw]  # made over HTTP (tests/sync/crafted.py: by laptops)


def _units(running: Running) -> dict[str, str]:
    with running.store.transaction() as session:
        return {u.code: u.id for u in session.scalars(select(ServerUnit))}


def _accepted(raw: Raw, forum: str, scope: str, text: str) -> str:
    rec = create(raw, "recommendations", forum_id=forum, text=text, scope=scope)
    applied(raw, transition(raw, "recommendations", rec, "accept", status="accepted", **STAMP))
    return rec


@pytest.fixture
def world(server: Running) -> Iterator[World]:  # noqa: F811 - the fixture
    kppn, kanwil, other = (enrolled(server, code) for code in ("KPPN-SORONG", "KANWIL-PBD", "KPPN-MANOKWARI"))
    units = _units(server)
    forum = create(kppn, "forums", title="FKP Sorong", held_on="2026-10-01")
    person = create(kppn, "participants", forum_id=forum, name="Martina Rumbiak", category="client_office")
    item = create(kppn, "agenda_items", forum_id=forum, title="Layanan")
    policy = _accepted(kppn, forum, "policy", "Jemput bola bagi satker terpencil")
    local = create(kppn, "recommendations", forum_id=forum, text="Perkuat customer service", scope="unit")
    escalation, action = new_id(), new_id()
    sent = valid_fields(
        "escalations",
        kppn.unit_id,
        recommendation_id=policy,
        from_unit_id=kppn.unit_id,
        to_unit_id=units["KANWIL-PBD"],
        rec_text="Jemput bola bagi satker terpencil",
        forum_title="FKP Sorong",
        note="Mohon arahan",
    )
    applied(
        kppn,
        kppn.op("escalations", escalation, "create", sent, action_id=action),
        {
            **transition(kppn, "recommendations", policy, "escalate", status="escalated", **STAMP),
            "action_id": action,
        },
    )
    period = create(kppn, "survey_periods", title="SKM 2026", starts_on="2026-07-01", ends_on="2026-12-31")
    other_forum = create(other, "forums", title="FKP Manokwari", held_on="2026-10-02")
    other_rec = _accepted(other, other_forum, "policy", "Ruang laktasi")
    other_period = create(other, "survey_periods", title="SKM M", starts_on="2026-07-01", ends_on="2026-12-31")
    yield Offices(
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
    for raw in (kppn, kanwil, other):
        raw.close()
