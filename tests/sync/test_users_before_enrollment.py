"""A laptop that set its office up on its own, with its first admin and an operator, enrolls
later: the users become users of the server's office (their ids made from its id and their NIP),
what they typed before is pushed in their names, nothing is refused, and the one signed in stays
signed in as the same person."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.config import Settings
from desktop.models import RejectedOp, User
from desktop.services import acting, forums, office, users
from desktop.sync.engine import enroll, sync_once
from protocol.users import user_id
from server_stub.models import AppliedOp, Record
from tests.sync.conftest import Running

ADMIN, OPERATOR, PASSWORD = "198705122010121001", "199203152015032003", "rahasia-kppn-1"


def test_users_made_before_enrollment_become_the_servers_offices_users(
    tmp_path: Path, server: Running
) -> None:
    ws = Workspace.open(tmp_path / "early", Settings(language="en", operator="Rina"))
    try:
        home = ws.write(office.set_up_office, name="Kantor Pelayanan Sorong", parent="Kanwil Papua Barat")
        ws.write(users.create_user, nip=ADMIN, name="Rina Admin", roles=["admin"], password=PASSWORD)
        ws.write(acting.sign_in, ADMIN, PASSWORD)
        ws.write(users.create_user, nip=OPERATOR, name="Sari Operator", roles=["operator"], password=PASSWORD)
        acting.sign_out(ws.ctx)
        ws.write(acting.sign_in, OPERATOR, PASSWORD)
        forum = ws.write(forums.create_forum, unit_id=home, title="FKP 2026", held_on="2026-03-02")

        enroll(ws, server.url, server.code("KPPN-SORONG"))
        unit = ws.ctx.home_unit_id
        assert unit is not None and unit != home
        operator = user_id(unit, OPERATOR)
        signed_in = acting.current_user(ws.ctx)
        assert signed_in is not None and signed_in.id == operator
        assert sync_once(ws).refused == 0
        ws.write(forums.update_forum, forum, venue="Aula KPPN")  # still the operator, under the new id
        assert sync_once(ws).refused == 0
        with ws.store.read() as session:
            assert session.scalars(select(RejectedOp)).all() == []
            assert {u.id for u in session.scalars(select(User))} == {user_id(unit, ADMIN), operator}
    finally:
        ws.close()
    with server.store.transaction() as session:
        assert session.get(Record, ("users", operator)) is not None
        made_by = set(session.scalars(select(AppliedOp.user_id).where(AppliedOp.status == "applied")))
    assert {user_id(unit, ADMIN), operator} <= made_by
