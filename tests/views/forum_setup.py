"""Set-up for journey tests (through the services, as the rules allow): an office and a forum
under way with its invitation list and agenda. The actions under test are keys and clicks."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.app.workspace import Workspace
from desktop.services import agenda, forums, participants
from desktop.services.units import create_unit, set_home_unit, update_unit

INVITED = (
    ("Martina Rumbiak", "Satker Dinas Pendidikan", "client_office", "female"),
    ("Martin Kambu", "Radio Republik Indonesia Sorong", "media", "male"),
    ("Firman Arwanto", "Universitas Muhammadiyah Sorong", "academic", "male"),
    ("Siti Rahayu", "Koperasi Maju Bersama", "service_user", "female"),
)


@dataclass(frozen=True)
class Running:
    unit: str
    forum: str
    items: tuple[str, ...]
    people: dict[str, str]  # name → participant id


def office(ws: Workspace) -> str:
    """KPPN Sorong, this laptop's office (the one already set up, if any), with its head.
    Set up before the window opens: a laptop with no office opens on the first-run set-up."""
    unit = ws.ctx.home_unit_id or ws.write(create_unit, code="KPPN-SORONG", name="KPPN Sorong")
    ws.write(set_home_unit, unit)
    ws.write(update_unit, unit, city="Sorong", head_name="Gandung Triyasmoko", head_title="Kepala KPPN Sorong")
    return unit


def running_forum(ws: Workspace, started: bool = True) -> Running:
    unit = office(ws)
    forum = ws.write(
        forums.create_forum,
        unit_id=unit,
        title="FKP Standar Pelayanan 2026",
        held_on="2026-11-30",
        starts_at="09:00",
        ends_at="12:00",
        venue="Aula KPPN Sorong",
    )
    people = {
        name: ws.write(
            participants.add_participant,
            forum,
            name=name,
            organization=organization,
            category=category,
            gender=gender,
            invited=True,
        )
        for name, organization, category, gender in INVITED
    }
    items = tuple(
        ws.write(agenda.add_item, forum, title=title, planned_minutes=minutes)
        for title, minutes in (("Pembukaan", 10), ("Paparan standar pelayanan", 30), ("Diskusi", 60))
    )
    if started:
        ws.write(forums.start_forum, forum)
    return Running(unit, forum, items, people)
