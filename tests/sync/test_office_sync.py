"""Office-level settings travel with the unit record: a colleague's laptop of the same office
gets them, the last writer wins per field, another office's laptop cannot change them, and the
parent office stays the administrator's once a laptop is on the server."""

from __future__ import annotations

import base64
import io
from collections.abc import Callable

import pytest
from PIL import Image
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.vocab import OfficeZone
from desktop.models import RejectedOp, Unit
from desktop.services import forums, units
from desktop.services.logo import encode_logo
from desktop.sync.engine import sync_once
from server_stub import admin
from server_stub.models import Record
from tests.sync.conftest import Running

Device = Callable[[str, str], Workspace]


def unit(ws: Workspace, code: str) -> Unit:
    with ws.store.read() as session:
        return session.scalars(select(Unit).where(Unit.code == code)).one()


def small_logo() -> str:
    out = io.BytesIO()
    Image.new("RGB", (300, 300), (240, 180, 0)).save(out, "PNG")
    return encode_logo(out.getvalue(), "logo.png")


def test_office_settings_reach_the_offices_other_laptops(device: Device) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    office = unit(a, "KPPN-SORONG").id
    logo = small_logo()
    a.write(
        units.update_unit,
        office,
        full_name="Kantor Pelayanan Perbendaharaan Negara Sorong",
        letterhead="KEMENTERIAN KEUANGAN REPUBLIK INDONESIA",
        logo=logo,
        time_zone="WIT",
        escalation_working_days=7,
        follow_up_working_days=15,
    )
    assert sync_once(a).refused == 0
    sync_once(b)
    b.settle_office()
    got = unit(b, "KPPN-SORONG")
    assert got.full_name == "Kantor Pelayanan Perbendaharaan Negara Sorong" and got.logo == logo
    assert base64.b64decode(got.logo).startswith(b"\x89PNG")
    assert (got.time_zone, got.escalation_working_days, got.follow_up_working_days) == (OfficeZone.WIT, 7, 15)
    assert (b.ctx.escalation_working_days, b.ctx.follow_up_working_days) == (7, 15)


def test_the_last_writer_wins_per_field(device: Device) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    office = unit(a, "KPPN-SORONG").id
    a.write(units.update_unit, office, phone="(0951) 321000", follow_up_working_days=10)
    b.write(units.update_unit, office, email="kppnsorong@kemenkeu.go.id", follow_up_working_days=12)  # later
    for ws in (a, b, a):
        assert sync_once(ws).refused == 0
    for ws in (a, b):
        got = unit(ws, "KPPN-SORONG")
        assert (got.phone, got.email) == ("(0951) 321000", "kppnsorong@kemenkeu.go.id")  # both kept
        assert got.follow_up_working_days == 12  # the later one


def test_another_office_cannot_change_them_nor_its_own_parent(device: Device, server: Running) -> None:
    a, m = device("a", "KPPN-SORONG"), device("m", "KPPN-MANOKWARI")
    m.write(units.update_unit, unit(m, "KPPN-SORONG").id, escalation_working_days=99)  # a buggy laptop
    assert sync_once(m).refused > 0
    own = unit(m, "KPPN-MANOKWARI")
    m.write(units.update_unit, own.id, parent_id=unit(m, "DJPB").id)  # bypassing Settings
    assert sync_once(m).refused > 0
    with m.store.read() as session:
        assert len(session.scalars(select(RejectedOp)).all()) >= 2  # set aside, shown to the user
    with server.store.transaction() as session:
        kppn = session.get(Record, ("units", unit(a, "KPPN-SORONG").id))
        manokwari = session.get(Record, ("units", own.id))
        assert kppn is not None and kppn.data["escalation_working_days"] == 5
        assert manokwari is not None and manokwari.data["parent_id"] == unit(a, "KANWIL-PBD").id
    sync_once(a)
    assert unit(a, "KPPN-SORONG").escalation_working_days == 5


def test_units_recorded_before_these_fields_existed_arrive_with_defaults(
    server: Running, device: Device
) -> None:
    """A server that kept unit records from before the office settings: such a record lacks the
    new fields, one edited since carries a few; a laptop pulling both at once stores both."""
    a = device("a", "KPPN-SORONG")
    with server.store.transaction() as session:
        admin.add_unit(session, "KPPN-BIAK", "KPPN Biak", "DJPB")
        admin.add_unit(session, "KPPN-JAYAPURA", "KPPN Jayapura", "DJPB")
    new_fields = {"full_name", "logo", "time_zone", "escalation_working_days", "follow_up_working_days"}
    with server.store.transaction() as session:
        for record in session.scalars(select(Record).where(Record.entity == "units")):
            if record.data["code"] == "KPPN-BIAK":  # recorded before, never edited
                record.data = {k: v for k, v in record.data.items() if k not in new_fields}
            elif record.data["code"] == "KPPN-JAYAPURA":  # recorded before, its zone set since
                kept = {k: v for k, v in record.data.items() if k not in new_fields}
                record.data = {**kept, "time_zone": "WIT", "escalation_working_days": 9}
    assert sync_once(a).pulled >= 2
    biak, jayapura = unit(a, "KPPN-BIAK"), unit(a, "KPPN-JAYAPURA")
    assert (biak.full_name, biak.logo, biak.time_zone) == ("", "", None)
    assert (biak.escalation_working_days, biak.follow_up_working_days) == (5, 20)
    assert (jayapura.time_zone, jayapura.escalation_working_days) == (OfficeZone.WIT, 9)
    assert jayapura.follow_up_working_days == 20


def test_completion_needs_a_file_reaches_the_offices_other_laptops(device: Device) -> None:
    """The office setting travels like the others, and a colleague's laptop enforces it."""
    from desktop.core.errors import InputError
    from desktop.services import followups
    from desktop.services import recommendations as recs

    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    office = unit(a, "KPPN-SORONG").id
    forum = b.write(forums.create_forum, unit_id=office, title="FKP", held_on="2024-08-21")
    rid = b.write(recs.add_recommendation, forum, text="Perluas ruang tunggu", scope="unit")
    b.write(recs.accept, rid)
    fid = b.write(followups.assign_follow_up, rid, action="Tambah kursi", owner="Kasubag Umum")
    a.write(units.update_unit, office, completion_needs_file=True)
    assert sync_once(a).refused == 0
    sync_once(b)
    assert unit(b, "KPPN-SORONG").completion_needs_file is True
    with pytest.raises(InputError, match="asks for an attached photo or file"):
        b.write(followups.update_follow_up, fid, progress=100, evidence="Kursi sudah dipasang")
