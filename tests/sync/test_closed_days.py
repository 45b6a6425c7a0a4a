"""Closed days on laptop and server (both databases, a real server): an office's own closed day
reaches its other laptops and no other office; a national cuti bersama the administrator enters
once (`mufakat-server closed-day add`) reaches every unit's laptops and their deadlines skip it;
no laptop may write, change or remove a national one; the administrator's withdrawal reaches
them too."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError
from desktop.models import ClosedDay
from desktop.services import closed_days
from desktop.sync.engine import sync_once
from protocol.entities import NATIONAL
from server_stub.__main__ import main
from tests.sync.conftest import Running
from tests.sync.crafted import NOW, World, on_server, valid_fields

LATE_DECREE = date(2026, 12, 31)  # a Thursday the `holidays` data does not close


def admin(capsys: pytest.CaptureFixture[str], server: Running, *args: str) -> tuple[int, str, str]:
    try:
        code = main(["--db", server.store.url, *args])
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def closed(ws: Workspace) -> set[tuple[date, str]]:
    return {(r.day, r.unit_id) for r in ws.read(lambda s: s.query(ClosedDay).filter_by(deleted=False).all())}


def test_a_national_closed_day_reaches_every_unit_and_its_deadlines(
    world: World, server: Running, capsys: pytest.CaptureFixture[str]
) -> None:
    assert world.kppn.ctx.calendar.is_working_day(LATE_DECREE)
    code, out, _ = admin(
        capsys, server, "closed-day", "add", LATE_DECREE.isoformat(), "--name", "Cuti bersama akhir tahun"
    )
    assert code == 0 and out.strip()
    for ws in (world.kppn, world.kanwil, world.other):
        assert sync_once(ws).refused == 0
        ws.settle_office()
        assert (LATE_DECREE, NATIONAL) in closed(ws)
        assert not ws.ctx.calendar.is_working_day(LATE_DECREE)
        assert ws.ctx.calendar.add_working_days(date(2026, 12, 30), 1) == date(2027, 1, 4)
    # Listed in Settings, marked national; no laptop may remove it.
    [national] = [line for line in world.kppn.read(closed_days.closed_days_of, world.units["KPPN-SORONG"])]
    assert national.national and national.day == LATE_DECREE
    with pytest.raises(InputError, match="only the administrator"):
        world.kppn.write(closed_days.remove_closed_day, national.id)
    listed = admin(capsys, server, "closed-day", "list")[1]
    assert "2026-12-31\tCuti bersama akhir tahun" in listed
    # Mistakes: one line on stderr, exit code 2, nothing written.
    for args, says in [
        (("add", "2026-12-31", "--name", "Lagi"), "already a national closed day"),
        (("add", "2026-12-24", "--name", "Natal"), "already a holiday or cuti bersama"),
        (("add", "2026-12-26", "--name", "Sabtu"), "not a working day anyway"),
        (("add", "31-12-2026", "--name", "X"), "is not a date"),
        (("add", "2026-12-30", "--name", "a\x07b"), "control character"),
        (("remove", "2026-12-30"), "is not a national closed day"),
    ]:
        code, out, err = admin(capsys, server, "closed-day", *args)
        assert code == 2 and out == "" and says in err and len(err.strip().splitlines()) == 1
    # Withdrawn by the administrator: every laptop counts the day again.
    assert admin(capsys, server, "closed-day", "remove", LATE_DECREE.isoformat())[0] == 0
    for ws in (world.kppn, world.other):
        assert sync_once(ws).refused == 0
        ws.settle_office()
        assert (LATE_DECREE, NATIONAL) not in closed(ws)
        assert ws.ctx.calendar.is_working_day(LATE_DECREE)


def test_an_office_closed_day_reaches_its_laptops_only(
    world: World, server: Running, device: Callable[..., Workspace]
) -> None:
    second = device("kppn2", "KPPN-SORONG")
    sorong = world.units["KPPN-SORONG"]
    world.kppn.write(closed_days.add_closed_day, sorong, day="2026-12-30", name="Hari jadi Kota Sorong")
    assert sync_once(world.kppn).refused == 0
    for ws in (second, world.kanwil, world.other):
        assert sync_once(ws).refused == 0
        ws.settle_office()
    assert (date(2026, 12, 30), sorong) in closed(second)
    assert not second.ctx.calendar.is_working_day(date(2026, 12, 30))
    assert closed(world.kanwil) == closed(world.other) == set()  # Sorong's own, seen by no other office
    assert world.other.ctx.calendar.is_working_day(date(2026, 12, 30))


def test_no_device_writes_a_national_closed_day(
    world: World, raw: Any, server: Running, capsys: pytest.CaptureFixture[str]
) -> None:
    kppn = raw(world.kppn)
    # Made for every unit by a laptop: refused (it is not the laptop's office's record).
    fields = valid_fields("closed_days", NATIONAL, day="2026-12-30", name="Cuti buatan laptop")
    assert (
        kppn.refusal(kppn.op("closed_days", "forged-national-day", "create", fields))[0] == "not_your_record"
    )
    assert on_server(server, "closed_days", "forged-national-day") is None
    # The administrator's: a laptop can neither rename nor remove it.
    record_id = admin(capsys, server, "closed-day", "add", LATE_DECREE.isoformat(), "--name", "Cuti bersama")[
        1
    ].strip()
    rename = kppn.op("closed_days", record_id, "update", {"set": {"name": "Diubah"}, "base": {}, "at": NOW})
    remove = kppn.op("closed_days", record_id, "delete", {"at": NOW})
    move = kppn.op("closed_days", record_id, "update", {"set": {"day": "2026-12-29"}, "base": {}, "at": NOW})
    assert kppn.refusal(rename) == ("not_your_record", {"entity": "closed_days", "id": record_id})
    assert kppn.refusal(remove) == ("not_your_record", {"entity": "closed_days", "id": record_id})
    assert kppn.refusal(move)[0] == "not_your_record"
    held = on_server(server, "closed_days", record_id)
    assert held is not None and held.data["name"] == "Cuti bersama" and not held.deleted
    # Its own office's: checked as any record; its date is fixed when it is made.
    own = valid_fields("closed_days", world.units["KPPN-SORONG"], day="31-12-2026", name="Libur")
    assert kppn.refusal(kppn.op("closed_days", "bad-day", "create", own))[0] == "invalid_field"
    mine = world.kppn.write(
        closed_days.add_closed_day, world.units["KPPN-SORONG"], day="2026-12-30", name="Libur"
    )
    assert sync_once(world.kppn).refused == 0
    moved = kppn.op("closed_days", mine, "update", {"set": {"day": "2026-12-29"}, "base": {}, "at": NOW})
    assert kppn.refusal(moved) == ("locked_field", {"entity": "closed_days", "field": "day"})
