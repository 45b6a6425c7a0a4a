"""Enrolling a laptop that set its office up on its own: the office it named is the office the
code was made for, whatever name or code it gave it; the parent office it named gives way to
the server's; escalations waiting to be sent go to the server's parent; the user hears what
changed; nothing it recorded is refused."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.core.vocab import OfficeZone
from desktop.models import Escalation, Forum, RejectedOp, Unit
from desktop.services import escalations, forums, office
from desktop.services import recommendations as recs
from desktop.services.units import home_unit
from desktop.sync.engine import enroll, sync_once
from desktop.sync.rehome import parent_notice, parent_office
from server_stub.models import Record
from tests.sync.conftest import Running

Device = Callable[[str, str], Workspace]


def escalated(ws: Workspace, text: str) -> str:
    forum = ws.write(forums.create_forum, unit_id=ws.ctx.home_unit_id, title="FKP 2026", held_on="2026-03-02")
    rec = ws.write(recs.add_recommendation, forum, text=text, scope="policy")
    ws.write(recs.accept, rec)
    return ws.write(escalations.escalate, rec)


def code_of(ws: Workspace, unit_id: str | None) -> str:
    with ws.store.read() as session:
        unit = session.get(Unit, unit_id)
        assert unit is not None
        return unit.code


def test_an_office_set_up_under_other_names_becomes_the_servers(
    tmp_path: Path, server: Running, device: Device
) -> None:
    ws = Workspace.open(tmp_path / "early", Settings(language="en", operator="Rina"))
    try:
        home = ws.write(
            office.set_up_office,
            name="Kantor Pelayanan Sorong",  # not the server's name, nor its code
            parent="Kanwil Papua Barat",
            full_name="Kantor Pelayanan Perbendaharaan Negara Sorong",
            time_zone="WIT",
            escalation_working_days=7,
        )
        ws.write(office.set_parent_office, home, "Kanwil PB")  # renamed before any use
        waiting = escalated(ws, "Usulkan tarif layanan daring")
        before = ws.read(parent_office)
        assert before is not None and (before.parent, before.waiting) == ("Kanwil PB", 1)

        enroll(ws, server.url, server.code("KPPN-SORONG"))
        after = ws.read(parent_office)
        notice = parent_notice(before, after)
        assert notice is not None and "Kanwil DJPb Provinsi Papua Barat Daya, not Kanwil PB" in notice
        assert "1 escalation(s) waiting to be sent" in notice
        report = sync_once(ws)
        assert report.refused == 0
        with ws.store.read() as session:
            assert session.scalars(select(RejectedOp)).all() == []
            names = {u.name for u in session.scalars(select(Unit))}
            assert "Kantor Pelayanan Sorong" not in names and "Kanwil PB" not in names
            assert "Kanwil Papua Barat" not in names
            unit = home_unit(session, ws.ctx.home_unit_id)
            assert unit is not None and unit.code == "KPPN-SORONG" and unit.name == "KPPN Sorong"
            assert unit.full_name == "Kantor Pelayanan Perbendaharaan Negara Sorong"  # its own settings kept
            assert (unit.time_zone, unit.escalation_working_days) == (OfficeZone.WIT, 7)
            forum = session.scalars(select(Forum)).one()
            assert forum.unit_id == unit.id
            sent = session.get(Escalation, waiting)
            assert sent is not None and code_of(ws, sent.to_unit_id) == "KANWIL-PBD"
        with server.store.transaction() as session:
            record = session.get(Record, ("escalations", waiting))
            assert record is not None and record.to_unit_id == ws.read(home_unit, ws.ctx.home_unit_id).parent_id  # type: ignore[union-attr]
        kanwil = device("kanwil", "KANWIL-PBD")
        with kanwil.store.read() as session:
            assert [e.rec_text for e in session.scalars(select(Escalation))] == ["Usulkan tarif layanan daring"]
    finally:
        ws.close()


def test_a_parent_named_like_another_server_office_still_goes_to_the_servers_parent(
    tmp_path: Path, server: Running
) -> None:
    ws = Workspace.open(tmp_path / "early", Settings(language="en"))
    try:
        ws.write(office.set_up_office, name="KPPN Sorong", parent="DJPB")  # the head office's code
        waiting = escalated(ws, "Penyesuaian standar waktu layanan")
        enroll(ws, server.url, server.code("KPPN-SORONG"))
        assert sync_once(ws).refused == 0
        with ws.store.read() as session:
            sent = session.get(Escalation, waiting)
            assert sent is not None and code_of(ws, sent.to_unit_id) == "KANWIL-PBD"
    finally:
        ws.close()


def test_an_office_with_no_parent_on_the_server_is_told_so(tmp_path: Path, server: Running) -> None:
    ws = Workspace.open(tmp_path / "early", Settings(language="en"))
    try:
        ws.write(office.set_up_office, name="Direktorat Jenderal Perbendaharaan", parent="Kementerian Keuangan")
        escalated(ws, "Revisi peraturan")
        before = ws.read(parent_office)
        enroll(ws, server.url, server.code("DJPB"))
        notice = parent_notice(before, ws.read(parent_office))
        assert notice is not None and "has no parent office" in notice and "1 escalation(s)" in notice
    finally:
        ws.close()


def test_nothing_is_said_when_the_names_agree(tmp_path: Path, server: Running) -> None:
    ws = Workspace.open(tmp_path / "early", Settings(language="en"))
    try:
        ws.write(office.set_up_office, name="KPPN Sorong", parent="kanwil djpb provinsi  papua barat daya")
        before = ws.read(parent_office)
        enroll(ws, server.url, server.code("KPPN-SORONG"))
        assert parent_notice(before, ws.read(parent_office)) is None
    finally:
        ws.close()
