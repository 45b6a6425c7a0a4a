"""The office-level settings of a unit: validated like every field, followed by the services
(deadlines, the office's date), set up on the first run, the parent office named before a
server, and the deadlines an older Mufakat kept in settings.json moved into the unit once."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.core.errors import InputError
from desktop.core.vocab import OfficeZone
from desktop.models import AuditEvent, DeviceState, Escalation, Unit
from desktop.services import escalations, forums, office, units
from desktop.services import recommendations as recs
from desktop.services.units import home_unit


def the_office(ws: Workspace) -> Unit:
    unit = ws.read(home_unit, ws.ctx.home_unit_id)
    assert unit is not None
    return unit


def audited(ws: Workspace, unit_id: str) -> list[AuditEvent]:
    with ws.store.read() as session:
        return list(
            session.scalars(
                select(AuditEvent).where(AuditEvent.entity == "units", AuditEvent.entity_id == unit_id)
            )
        )


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"time_zone": "PST"}, "Unknown Time zone 'PST'"),
        ({"escalation_working_days": 0}, "between 1 and 250"),
        ({"follow_up_working_days": "twenty"}, "whole number"),
        ({"full_name": "x" * 301}, "too long"),
        ({"logo": "iVBORw0KGgo="}, "must be a PNG"),  # a PNG signature cut short is still refused
    ],
)
def test_bad_office_settings_are_refused_and_change_nothing(
    office_ws: Workspace, changes: dict[str, object], message: str
) -> None:
    before = len(audited(office_ws, the_office(office_ws).id))
    with pytest.raises(InputError, match=message):
        office_ws.write(units.update_unit, the_office(office_ws).id, **changes)
    assert len(audited(office_ws, the_office(office_ws).id)) == before


def test_the_services_follow_the_home_units_deadlines(office_ws: Workspace) -> None:
    ws = office_ws
    ws.write(office.set_parent_office, the_office(ws).id, "Kanwil DJPb Provinsi Papua Barat Daya")
    ws.write(units.update_unit, the_office(ws).id, escalation_working_days=3, follow_up_working_days=9)
    assert (ws.ctx.escalation_working_days, ws.ctx.follow_up_working_days) == (3, 9)
    forum = ws.write(forums.create_forum, unit_id=the_office(ws).id, title="FKP", held_on="2026-03-02")
    rec = ws.write(recs.add_recommendation, forum, text="Tarif daring", scope="policy")
    ws.write(recs.accept, rec)
    ws.write(escalations.escalate, rec)
    with ws.store.read() as session:
        [sent] = session.scalars(select(Escalation)).all()
    assert sent.due_on == ws.ctx.calendar.add_working_days(ws.ctx.today(), 3)
    reopened = Workspace.open(ws.data_dir, Settings(language="en"))  # read from the unit at start
    try:
        assert (reopened.ctx.escalation_working_days, reopened.ctx.follow_up_working_days) == (3, 9)
    finally:
        reopened.close()


def test_today_is_the_offices_day(office_ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    ws = office_ws
    ws.write(units.update_unit, the_office(ws).id, time_zone="WIT")
    evening_utc = datetime(2026, 3, 2, 16, 30, tzinfo=UTC)  # 01:30 on the 3rd in Sorong (UTC+9)
    monkeypatch.setattr(type(ws.ctx), "now", lambda _self: evening_utc)
    assert ws.ctx.today().isoformat() == "2026-03-03"
    ws.write(units.update_unit, the_office(ws).id, time_zone="WIB")
    assert ws.ctx.today().isoformat() == "2026-03-02"  # 23:30 in Jakarta (UTC+7)
    assert the_office(ws).time_zone == OfficeZone.WIB


def test_first_run_set_up_is_one_action(ws: Workspace) -> None:
    with pytest.raises(InputError, match="must not be empty"):
        ws.write(office.set_up_office, name="  ", parent="Kanwil DJPb Papua Barat Daya")
    assert ws.read(units.all_units) == []  # the parent office was not left behind
    unit_id = ws.write(
        office.set_up_office,
        name="KPPN Sorong",
        parent="Kanwil DJPb Papua Barat Daya",
        full_name="Kantor Pelayanan Perbendaharaan Negara Sorong",
        time_zone="WIT",
    )
    made = {u.name: u for u in ws.read(units.all_units)}
    assert made["KPPN Sorong"].id == unit_id == ws.ctx.home_unit_id
    assert made["KPPN Sorong"].code == "KPPN-SORONG"
    assert made["KPPN Sorong"].parent_id == made["Kanwil DJPb Papua Barat Daya"].id
    assert made["Kanwil DJPb Papua Barat Daya"].code == "KANWIL-DJPB-PAPUA-BARAT-DAYA"
    # A second office of the same name gets a code of its own; a known parent is reused.
    other = ws.write(office.set_up_office, name="KPPN  sorong", parent="kanwil djpb papua barat daya")
    again = {u.id: u for u in ws.read(units.all_units)}
    assert again[other].code == "KPPN-SORONG-2" and len(again) == 3


def test_the_parent_office_is_named_before_a_server_but_not_after(office_ws: Workspace) -> None:
    ws = office_ws
    unit_id = the_office(ws).id
    parent = ws.write(office.set_parent_office, unit_id, "Kanwil DJPb Provinsi Papua Barat Daya")
    assert the_office(ws).parent_id == parent
    assert ws.write(office.set_parent_office, unit_id, "") is None and the_office(ws).parent_id is None
    with pytest.raises(InputError, match="cannot be placed below itself"):
        ws.write(office.set_parent_office, unit_id, "KPPN Sorong")
    with ws.store.write() as session:
        state = session.get(DeviceState, 1)
        assert state is not None
        state.server_url = "https://mufakat.example.go.id"
    with pytest.raises(InputError, match="set there by the server's administrator"):
        ws.write(office.set_parent_office, unit_id, "Kanwil Lain")


def test_escalating_without_a_parent_says_where_to_name_it(office_ws: Workspace) -> None:
    ws = office_ws
    forum = ws.write(forums.create_forum, unit_id=the_office(ws).id, title="FKP", held_on="2026-03-02")
    rec = ws.write(recs.add_recommendation, forum, text="Tarif daring", scope="policy")
    ws.write(recs.accept, rec)
    with pytest.raises(InputError, match="Name it in Settings, under Office: Parent office"):
        ws.write(escalations.escalate, rec)


def write_old_settings(data_dir: Path, **deadlines: int) -> None:
    old = {"language": "en", "operator": "Rina", **deadlines}
    (data_dir / "settings.json").write_text(json.dumps(old), encoding="utf-8")


def test_deadlines_from_an_older_settings_file_move_into_the_unit_once(office_ws: Workspace) -> None:
    ws = office_ws
    write_old_settings(ws.data_dir, escalation_working_days=8, follow_up_working_days=20)
    reopened = Workspace.open(ws.data_dir)
    try:
        unit = the_office(reopened)
        assert (unit.escalation_working_days, unit.follow_up_working_days) == (8, 20)
        assert reopened.ctx.escalation_working_days == 8
        saved = json.loads((ws.data_dir / "settings.json").read_text(encoding="utf-8"))
        assert saved == {"language": "en", "operator": "Rina"}  # this laptop's preferences only
        moved = [e for e in audited(reopened, unit.id) if e.action == "update"]
        assert [e.after for e in moved] == [{"escalation_working_days": 8}] and moved[0].actor == "Rina"
    finally:
        reopened.close()
    again = Workspace.open(ws.data_dir)
    try:
        assert len([e for e in audited(again, unit.id) if e.action == "update"]) == 1  # once
    finally:
        again.close()


def test_old_deadlines_wait_for_an_office_and_never_override_the_offices_own(ws: Workspace) -> None:
    write_old_settings(ws.data_dir, escalation_working_days=8, follow_up_working_days=30)
    waiting = Workspace.open(ws.data_dir)
    try:
        assert waiting.settings.legacy_deadlines == {"escalation_working_days": 8, "follow_up_working_days": 30}
        assert "escalation_working_days" in json.loads((ws.data_dir / "settings.json").read_text())
        unit_id = waiting.write(office.set_up_office, name="KPPN Sorong")
        waiting.write(units.update_unit, unit_id, follow_up_working_days=25)  # the office decided
        waiting.settle_office()
        unit = the_office(waiting)
        assert (unit.escalation_working_days, unit.follow_up_working_days) == (8, 25)
        assert waiting.settings.legacy_deadlines == {}
    finally:
        waiting.close()


def test_an_invalid_old_deadline_is_reported_when_the_app_starts(ws: Workspace) -> None:
    write_old_settings(ws.data_dir, escalation_working_days=0)
    from desktop.core.errors import EnvironmentProblem

    with pytest.raises(EnvironmentProblem, match=r"settings\.json is invalid"):
        Settings.load(ws.data_dir)


def test_a_parent_office_renamed_before_any_use_does_not_linger(office_ws: Workspace) -> None:
    ws = office_ws
    unit_id = the_office(ws).id
    first = ws.write(office.set_parent_office, unit_id, "Kanwil Papua Barat")
    second = ws.write(office.set_parent_office, unit_id, "Kanwil DJPb Provinsi Papua Barat Daya")
    names = {u.name for u in ws.read(units.all_units)}
    assert names == {"KPPN Sorong", "Kanwil DJPb Provinsi Papua Barat Daya"}
    with ws.store.read() as session:
        assert session.get(Unit, first).deleted  # a tombstone: recorded, never hard-deleted
    # One that an escalation already went to stays, so the escalation still names it.
    forum = ws.write(forums.create_forum, unit_id=unit_id, title="FKP", held_on="2026-03-02")
    rec = ws.write(recs.add_recommendation, forum, text="Tarif daring", scope="policy")
    ws.write(recs.accept, rec)
    ws.write(escalations.escalate, rec)
    ws.write(office.set_parent_office, unit_id, "Kanwil Lain")
    with ws.store.read() as session:
        assert not session.get(Unit, second).deleted
