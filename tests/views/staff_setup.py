"""Set-up for the sign-in journeys (through the services, as the rules allow): the people of
KPPN Sorong with their roles and passwords. The actions under test are keys and clicks."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.app.workspace import Workspace
from desktop.services import acting, users
from desktop.services.units import create_unit

PASSWORD = "rahasia-kppn-1"


@dataclass(frozen=True)
class Person:
    id: str
    nip: str
    name: str
    jabatan: str


ADMIN = ("198705122010122001", "Rina Wulandari", "Kepala Subbagian Umum", ["admin", "operator"])
KEPALA = ("197801012000031002", "Gandung Triyasmoko", "Kepala KPPN Sorong", ["kepala"])
OPERATOR = ("199203152015031003", "Yohanis Mambraku", "Pelaksana", ["operator"])


def add_staff(ws: Workspace, *people: tuple[str, str, str, list[str]]) -> dict[str, Person]:
    """The office's users (the first one an administrator, who adds the others); nobody is
    signed in afterwards."""
    made: dict[str, Person] = {}
    for nip, name, jabatan, roles in people:
        view = ws.write(users.create_user, nip=nip, name=name, jabatan=jabatan, roles=roles, password=PASSWORD)
        made[name] = Person(view.id, view.nip, view.name, view.jabatan)
        if acting.current_user(ws.ctx) is None:
            with ws.store.read() as session:
                acting.sign_in(session, ws.ctx, nip, PASSWORD)
    acting.sign_out(ws.ctx)
    return made


def other_office_user(ws: Workspace) -> None:
    """A user of KPPN Manokwari whose record this laptop holds (a unit it once served)."""
    home = ws.ctx.home_unit_id
    other = ws.write(create_unit, code="KPPN-MANOKWARI", name="KPPN Manokwari")
    ws.ctx.home_unit_id = other
    try:
        ws.write(
            users.create_user,
            nip="198001012005011001",
            name="Markus Wanma",
            roles=["admin"],
            password=PASSWORD,
        )
    finally:
        ws.ctx.home_unit_id = home
