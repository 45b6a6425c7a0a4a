"""Users and roles on the laptop (#17): the services decide who may do what; a unit without users
works as before; passwords are argon2id hashes; mutasi hands open follow-up to someone named."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError
from desktop.core.vocab import RecStatus
from desktop.models import AuditEvent, FollowUp, OutboxOp, Recommendation, User
from desktop.services import acting, followups, units, users
from desktop.services import recommendations as recs
from desktop.services.acting import NotAllowed
from desktop.services.escalations import escalate
from desktop.services.export import export_json
from protocol.users import user_id
from tests.helpers import Tree, make_tree

ADMIN_NIP = "198705122010121001"
KEPALA_NIP = "197001011995031002"
OPERATOR_NIP = "199203152015032003"
PASSWORD = "rahasia-kppn-1"


def _office(ws: Workspace) -> Tree:
    tree = make_tree(ws)
    ws.write(units.set_home_unit, tree.leaf)
    return tree


def _staff(ws: Workspace) -> None:
    """The admin (first user), a kepala and an operator; the admin signed in to add them."""
    ws.write(users.create_user, nip=ADMIN_NIP, name="Rina Admin", roles=["admin"], password=PASSWORD)
    ws.write(acting.sign_in, ADMIN_NIP, PASSWORD)
    ws.write(users.create_user, nip=KEPALA_NIP, name="Budi Kepala", roles=["kepala"], password=PASSWORD)
    ws.write(users.create_user, nip=OPERATOR_NIP, name="Sari Operator", roles=["operator"], password=PASSWORD)
    acting.sign_out(ws.ctx)


def _proposed(ws: Workspace, forum: str, scope: str = "unit") -> str:
    return ws.write(recs.add_recommendation, forum, text=f"Usul {scope}", scope=scope)


def test_a_unit_without_users_works_as_before(ws: Workspace) -> None:
    tree = _office(ws)
    rid = _proposed(ws, tree.forum)
    ws.write(recs.accept, rid)  # nobody signed in, nobody needed
    with ws.store.read() as session:
        op = session.scalars(
            select(OutboxOp).where(OutboxOp.entity_id == rid, OutboxOp.kind == "transition")
        ).one()
    assert op.user_id is None


def test_the_first_user_must_be_an_admin(ws: Workspace) -> None:
    _office(ws)
    with pytest.raises(InputError, match="first user must be an administrator"):
        ws.write(users.create_user, nip=KEPALA_NIP, name="Budi", roles=["kepala"], password=PASSWORD)
    with ws.store.read() as session:
        assert session.scalars(select(User)).all() == []


def test_once_a_unit_has_users_triage_needs_a_signed_in_kepala(ws: Workspace) -> None:
    tree = _office(ws)
    _staff(ws)
    with pytest.raises(NotAllowed, match="Sign in first"):
        _proposed(ws, tree.forum)
    ws.write(acting.sign_in, OPERATOR_NIP, PASSWORD)
    rid = _proposed(ws, tree.forum)  # capturing is the operator's
    with pytest.raises(NotAllowed, match="Sari Operator may not accept, reject or merge recommendations"):
        ws.write(recs.accept, rid)
    with pytest.raises(NotAllowed, match="head of office"):
        ws.write(recs.reject, rid, "Di luar kewenangan")
    with ws.store.read() as session:
        assert session.get(Recommendation, rid).status == RecStatus.PROPOSED  # type: ignore[union-attr]
    acting.sign_out(ws.ctx)
    ws.write(acting.sign_in, KEPALA_NIP, PASSWORD)
    ws.write(recs.accept, rid)
    with ws.store.read() as session:
        assert session.get(Recommendation, rid).status == RecStatus.ACCEPTED  # type: ignore[union-attr]
        ops = session.scalars(select(OutboxOp).where(OutboxOp.entity_id == rid)).all()
        event = session.scalars(
            select(AuditEvent).where(AuditEvent.entity_id == rid, AuditEvent.action == "accept")
        ).one()
    by_kind = {op.kind: op.user_id for op in ops}
    assert by_kind == {
        "create": user_id(tree.leaf, OPERATOR_NIP),
        "transition": user_id(tree.leaf, KEPALA_NIP),
    }
    assert event.actor == f"Budi Kepala (NIP {KEPALA_NIP})"  # the history names a real person


def test_an_operator_cannot_escalate_nor_manage_users(ws: Workspace) -> None:
    tree = _office(ws)
    _staff(ws)
    ws.write(acting.sign_in, KEPALA_NIP, PASSWORD)
    rid = _proposed(ws, tree.forum, "policy")
    ws.write(recs.accept, rid)
    acting.sign_out(ws.ctx)
    ws.write(acting.sign_in, OPERATOR_NIP, PASSWORD)
    with pytest.raises(NotAllowed, match="escalate to the office above"):
        ws.write(escalate, rid, "Mohon arahan")
    with pytest.raises(NotAllowed, match="manage users"):
        ws.write(
            users.create_user, nip="200001012022011001", name="Baru", roles=["operator"], password=PASSWORD
        )
    with pytest.raises(NotAllowed, match="change the office's settings"):
        ws.write(units.update_unit, tree.leaf, city="Sorong")


def test_sign_in_refuses_a_wrong_password_and_a_deactivated_user(ws: Workspace) -> None:
    tree = _office(ws)
    _staff(ws)
    with pytest.raises(InputError, match="NIP or the password is wrong"):
        ws.write(acting.sign_in, OPERATOR_NIP, "salah-sekali")
    with pytest.raises(InputError, match="NIP or the password is wrong"):
        ws.write(acting.sign_in, "199999999999999999", PASSWORD)
    assert acting.current_user(ws.ctx) is None
    ws.write(acting.sign_in, "1987 0512 2010 12 1 001", PASSWORD)  # typed with spaces
    operator = user_id(tree.leaf, OPERATOR_NIP)
    ws.write(users.deactivate_user, operator, user_id(tree.leaf, KEPALA_NIP))
    acting.sign_out(ws.ctx)
    with pytest.raises(InputError, match="Sari Operator was deactivated"):
        ws.write(acting.sign_in, OPERATOR_NIP, PASSWORD)
    with pytest.raises(InputError, match="Sari Operator was deactivated"):
        ws.write(acting.sign_in_checked, operator)  # a PIN checked on the laptop does not do either
    assert acting.current_user(ws.ctx) is None
    assert ws.write(acting.sign_in_checked, user_id(tree.leaf, KEPALA_NIP)).name == "Budi Kepala"


def test_passwords_are_argon2id_hashes_and_their_own_to_change(ws: Workspace) -> None:
    tree = _office(ws)
    _staff(ws)
    operator = user_id(tree.leaf, OPERATOR_NIP)
    with ws.store.read() as session:
        stored = session.get(User, operator)
        assert stored is not None and stored.password_hash.startswith("$argon2id$")
        assert PASSWORD not in stored.password_hash
    assert "$argon2id$" not in ws.read(export_json)  # an export leaves the office: never a hash
    ws.write(acting.sign_in, OPERATOR_NIP, PASSWORD)
    with pytest.raises(InputError, match="current password is wrong"):
        ws.write(users.set_password, operator, "tebakan-saja", "kata-sandi-baru")
    with pytest.raises(InputError, match="at least 8 characters"):
        ws.write(users.set_password, operator, PASSWORD, "pendek")
    ws.write(users.set_password, operator, PASSWORD, "kata-sandi-baru")  # no role needed for one's own
    with pytest.raises(NotAllowed, match="manage users"):
        ws.write(users.reset_password, user_id(tree.leaf, KEPALA_NIP), "dibobol-operator")
    acting.sign_out(ws.ctx)
    assert ws.read(users.verify_password, operator, "kata-sandi-baru")
    ws.write(acting.sign_in, ADMIN_NIP, PASSWORD)
    ws.write(users.reset_password, operator, "direset-admin")
    assert ws.read(users.verify_password, operator, "direset-admin")
    assert not ws.read(users.verify_password, operator, "kata-sandi-baru")


def test_users_are_one_per_nip_and_the_office_keeps_an_admin(ws: Workspace) -> None:
    tree = _office(ws)
    _staff(ws)
    ws.write(acting.sign_in, ADMIN_NIP, PASSWORD)
    with pytest.raises(InputError, match="already Sari Operator's"):
        ws.write(users.create_user, nip=OPERATOR_NIP, name="Sari Lagi", roles=["operator"])
    with pytest.raises(InputError, match="18 digits"):
        ws.write(users.create_user, nip="12345", name="Pendek", roles=["operator"])
    admin = user_id(tree.leaf, ADMIN_NIP)
    with pytest.raises(InputError, match="only active administrator"):
        ws.write(users.update_user, admin, roles=["operator"])
    with pytest.raises(InputError, match="Nobody deactivates themselves"):
        ws.write(users.deactivate_user, admin, user_id(tree.leaf, KEPALA_NIP))
    assert [u.nip for u in ws.read(users.users_with_role, tree.leaf, "kepala")] == [KEPALA_NIP]


def test_deactivating_hands_open_follow_up_to_the_named_user(ws: Workspace) -> None:
    tree = _office(ws)
    _staff(ws)
    ws.write(acting.sign_in, KEPALA_NIP, PASSWORD)
    rid = _proposed(ws, tree.forum)
    ws.write(recs.accept, rid)
    open_one = ws.write(followups.assign_follow_up, rid, action="Pasang papan", owner="Sari Operator")
    done_one = ws.write(
        followups.assign_follow_up,
        rid,
        action="Rapat",
        owner="Sari Operator",
        progress=100,
        evidence="Notulen",
    )
    other = ws.write(followups.assign_follow_up, rid, action="Lain", owner="Pak Joko")
    acting.sign_out(ws.ctx)
    ws.write(acting.sign_in, ADMIN_NIP, PASSWORD)  # an admin alone may hand follow-up over
    handed = ws.write(users.deactivate_user, user_id(tree.leaf, OPERATOR_NIP), user_id(tree.leaf, KEPALA_NIP))
    assert handed == 1
    with ws.store.read() as session:
        owners = {fid: session.get(FollowUp, fid).owner for fid in (open_one, done_one, other)}  # type: ignore[union-attr]
        gone = session.get(User, user_id(tree.leaf, OPERATOR_NIP))
        assert gone is not None and not gone.active and gone.deactivated_by == f"Rina Admin (NIP {ADMIN_NIP})"
    assert owners == {open_one: "Budi Kepala", done_one: "Sari Operator", other: "Pak Joko"}
    with pytest.raises(InputError, match="Choose an active user"):
        ws.write(users.deactivate_user, user_id(tree.leaf, KEPALA_NIP), user_id(tree.leaf, OPERATOR_NIP))
