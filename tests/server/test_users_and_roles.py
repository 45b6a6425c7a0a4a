"""Users and roles on the server (#17), over HTTP with crafted pushes, on SQLite and PostgreSQL:
every operation's user must exist, be of the device's unit, be active as far as the laptop could
know, and hold a role the action needs; operations without a user are accepted only as made
before accounts existed (and marked so); hashes never leave their unit."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from protocol.ids import new_id
from protocol.users import user_id
from server_stub import sequence
from server_stub.models import AppliedOp, Record
from tests.server.conftest import STAMP, World, applied, enrolled, transition
from tests.server.serving import Running
from tests.server.wire import NOW, Raw, on_server, valid_fields

HASH = "$argon2id$v=19$m=65536,t=3,p=4$c2FsdHNhbHQ$aGFzaGhhc2hoYXNo"
ADMIN, KEPALA, OPERATOR = "198705122010121001", "197001011995031002", "199203152015032003"


def _user(raw: Raw, nip: str, name: str, roles: list[str], **extra: Any) -> dict[str, Any]:
    fields = valid_fields(
        "users",
        raw.unit_id,
        nip=nip,
        name=name,
        roles=roles,
        password_hash=HASH,
        active=True,
        deactivated_by="",
    )
    return raw.op("users", user_id(raw.unit_id, nip), "create", fields, **extra)


def _stamp(raw: Raw, hours: int) -> str:
    """A clock stamp of `raw`'s laptop whose clock is `hours` off."""
    wall = raw.clock.now().wall_ms + hours * 3600 * 1000
    return f"{wall:015d}-000000-{raw.device_id}"


def _newest(server: Running) -> int:
    with server.store.transaction() as session:
        return sequence.newest(session)


def _staff(world: World) -> dict[str, str]:
    """KPPN Sorong's users: its first admin (made before it had any: no user), then a kepala and
    an operator made by that admin."""
    kppn = world.kppn
    admin = user_id(kppn.unit_id, ADMIN)
    applied(kppn, _user(kppn, ADMIN, "Rina Admin", ["admin"]))
    seen = _newest(world_server(world))
    applied(
        kppn,
        _user(kppn, KEPALA, "Budi Kepala", ["kepala"], user_id=admin, seen=seen),
        _user(kppn, OPERATOR, "Sari Operator", ["operator"], user_id=admin, seen=seen),
    )
    return {
        "admin": admin,
        "kepala": user_id(kppn.unit_id, KEPALA),
        "operator": user_id(kppn.unit_id, OPERATOR),
    }


_SERVERS: dict[int, Running] = {}


def world_server(world: World) -> Running:
    return _SERVERS[id(world)]


def _with_server(world: World, server: Running) -> World:
    _SERVERS[id(world)] = server
    return world


def _accept(raw: Raw, rec: str, **extra: Any) -> dict[str, Any]:
    return {**transition(raw, "recommendations", rec, "accept", status="accepted", **STAMP), **extra}


def _proposed(world: World, **extra: Any) -> str:
    kppn = world.kppn
    rec = new_id()
    fields = valid_fields(
        "recommendations", kppn.unit_id, forum_id=world.forum, text="Loket prioritas", scope="unit"
    )
    applied(kppn, kppn.op("recommendations", rec, "create", fields, **extra))
    return rec


def _status(server: Running, rec: str) -> str:
    with server.store.transaction() as session:
        record = session.get(Record, ("recommendations", rec))
        assert record is not None
        return str(record.data["status"])


def _applied_op(server: Running, op_id: str) -> AppliedOp:
    with server.store.transaction() as session:
        found = session.get(AppliedOp, op_id)
        assert found is not None
        session.expunge(found)
        return found


def test_an_operator_may_not_triage_nor_escalate(world: World, server: Running) -> None:
    staff = _staff(_with_server(world, server))
    kppn, seen = world.kppn, _newest(server)
    rec = _proposed(world, user_id=staff["operator"], seen=seen)  # capturing is the operator's
    assert kppn.refusal(_accept(kppn, rec, user_id=staff["operator"], seen=seen)) == (
        "role_forbidden",
        {"user_id": staff["operator"], "act": "triage"},
    )
    assert _status(server, rec) == "proposed"
    # Escalating: the escalation and the recommendation's status, one action, refused whole.
    policy = new_id()
    fields = valid_fields("recommendations", kppn.unit_id, forum_id=world.forum, text="Tarif", scope="policy")
    applied(kppn, kppn.op("recommendations", policy, "create", fields, user_id=staff["kepala"], seen=seen))
    applied(kppn, _accept(kppn, policy, user_id=staff["kepala"], seen=seen))
    action, by_operator = new_id(), {"user_id": staff["operator"], "seen": seen}
    sent = valid_fields(
        "escalations",
        kppn.unit_id,
        recommendation_id=policy,
        from_unit_id=kppn.unit_id,
        to_unit_id=world.units["KANWIL-PBD"],
        rec_text="Tarif",
        forum_title="FKP Sorong",
    )
    escalation = kppn.op("escalations", new_id(), "create", sent, action_id=action, **by_operator)
    status = transition(kppn, "recommendations", policy, "escalate", status="escalated", **STAMP)
    first, second = kppn.push(escalation, {**status, "action_id": action, **by_operator})
    assert (first["code"], first["params"]) == (
        "role_forbidden",
        {"user_id": staff["operator"], "act": "escalate"},
    )
    assert second["code"] == "action_refused"
    assert _status(server, policy) == "accepted"
    assert on_server(server, "escalations", escalation["entity_id"]) is None
    accept = _accept(kppn, rec, user_id=staff["kepala"], seen=seen)
    applied(kppn, accept)
    assert _status(server, rec) == "accepted"
    marked = _applied_op(server, accept["op_id"])
    assert marked.user_id == staff["kepala"] and not marked.before_accounts


def test_a_user_of_another_unit_is_refused(world: World, server: Running) -> None:
    staff = _staff(_with_server(world, server))
    other = world.other
    rec = new_id()
    fields = valid_fields(
        "recommendations", other.unit_id, forum_id=world.other_forum, text="Usul", scope="unit"
    )
    op = other.op("recommendations", rec, "create", fields, user_id=staff["kepala"], seen=_newest(server))
    assert other.refusal(op) == ("user_other_unit", {"user_id": staff["kepala"]})
    # The parent office cannot act in the name of its unit's users either.
    kanwil = world.kanwil
    forum = valid_fields("forums", kanwil.unit_id, title="FKP Kanwil")
    op = kanwil.op("forums", new_id(), "create", forum, user_id=staff["admin"], seen=_newest(server))
    assert kanwil.refusal(op) == ("user_other_unit", {"user_id": staff["admin"]})


def test_an_unknown_user_and_a_missing_user_after_accounts_are_refused(world: World, server: Running) -> None:
    _staff(_with_server(world, server))
    kppn = world.kppn
    ghost = user_id(kppn.unit_id, "200001012022011999")
    fields = valid_fields("forums", kppn.unit_id, title="FKP siluman")
    assert kppn.refusal(kppn.op("forums", new_id(), "create", fields, user_id=ghost, seen=1)) == (
        "unknown_user",
        {"user_id": ghost},
    )
    # No user, by a laptop that had pulled the office's users: refused.
    nobody = kppn.op("forums", new_id(), "create", fields, seen=_newest(server))
    assert kppn.refusal(nobody) == ("unknown_user", {"user_id": ""})
    # No user, by a laptop that had not (queued before it heard of them): accepted, marked.
    before = kppn.op("forums", new_id(), "create", fields, seen=1)
    applied(kppn, before)
    assert _applied_op(server, before["op_id"]).before_accounts


def test_an_inactive_user_is_refused_once_the_laptop_knew(world: World, server: Running) -> None:
    """Deactivated by another laptop: what a laptop made before it pulled the deactivation is
    accepted, whatever its clock said; what it made after, refused."""
    staff = _staff(_with_server(world, server))
    kppn = world.kppn
    second = enrolled(server, "KPPN-SORONG")
    try:
        before_revocation = _newest(server)
        deactivate = {"active": False, "deactivated_at": NOW, "deactivated_by": "Rina Admin"}
        op = second.op(
            "users",
            staff["operator"],
            "update",
            {"set": deactivate, "base": {}, "at": NOW},
            user_id=staff["admin"],
            seen=before_revocation,
        )
        applied(second, op)
        revoked_at = _newest(server)
        fields = valid_fields("participants", kppn.unit_id, forum_id=world.forum, name="Yohana")
        # Made after the laptop pulled the deactivation, its clock 5 hours behind: refused.
        late = kppn.op(
            "participants",
            new_id(),
            "create",
            fields,
            user_id=staff["operator"],
            seen=revoked_at,
            hlc=_stamp(kppn, hours=-5),
        )
        assert kppn.refusal(late) == ("user_inactive", {"user_id": staff["operator"]})
        # Made offline before it learned of it, its clock 5 hours ahead: accepted.
        earlier = kppn.op(
            "participants",
            new_id(),
            "create",
            fields,
            user_id=staff["operator"],
            seen=before_revocation,
            hlc=_stamp(kppn, hours=5),
        )
        applied(kppn, earlier)
        # The laptop that deactivated the user knows at once, by its own clock.
        own = second.op(
            "participants", new_id(), "create", fields, user_id=staff["operator"], seen=before_revocation
        )
        assert second.refusal(own) == ("user_inactive", {"user_id": staff["operator"]})
    finally:
        second.close()


def test_a_version_5_laptop_is_accepted_and_marked_before_accounts(world: World, server: Running) -> None:
    _staff(_with_server(world, server))
    kppn = world.kppn
    op = kppn.op("forums", new_id(), "create", valid_fields("forums", kppn.unit_id, title="FKP lama"))
    del op["user_id"], op["seen"]
    answer = kppn.http.post(
        "/sync/push", json={"device_id": kppn.device_id, "schema_version": 5, "ops": [op]}
    )
    assert answer.status_code == 200, answer.text
    assert [r["status"] for r in answer.json()["results"]] == ["applied"]
    marked = _applied_op(server, op["op_id"])
    assert marked.before_accounts and marked.user_id is None
    again = kppn.http.post("/sync/push", json={"device_id": kppn.device_id, "schema_version": 5, "ops": [op]})
    assert [r["status"] for r in again.json()["results"]] == ["duplicate"]  # accepted once


def test_a_users_record_must_be_the_one_its_nip_makes(world: World, server: Running) -> None:
    kppn = world.kppn
    wrong_id = kppn.op(
        "users",
        new_id(),
        "create",
        valid_fields(
            "users", kppn.unit_id, nip=ADMIN, name="A", roles=["admin"], password_hash=HASH, active=True
        ),
    )
    assert kppn.refusal(wrong_id)[0] == "invalid_field"
    plain = _user(kppn, ADMIN, "A", ["admin"])
    plain["fields"]["password_hash"] = "rahasia"  # a password, not its hash
    code, params = kppn.refusal(plain)
    assert (code, params["field"]) == ("invalid_field", "password_hash")


def test_users_merge_by_nip_and_hashes_stay_in_their_unit(world: World, server: Running) -> None:
    _with_server(world, server)
    kppn = world.kppn
    second = enrolled(server, "KPPN-SORONG")
    try:
        applied(kppn, _user(kppn, ADMIN, "Rina", ["admin"]))
        applied(
            second, _user(second, ADMIN, "Rina Wulandari", ["admin", "kepala"])
        )  # offline, the same person
        with server.store.transaction() as session:
            users = session.scalars(select(Record).where(Record.entity == "users")).all()
            assert [(u.id, u.data["name"], u.data["roles"]) for u in users] == [
                (user_id(kppn.unit_id, ADMIN), "Rina Wulandari", ["admin", "kepala"])
            ]
        pulled = {r["id"]: r for r in second.pull_all() if r["entity"] == "users"}
        assert pulled[user_id(kppn.unit_id, ADMIN)]["data"]["password_hash"] == HASH  # its own unit's laptops
        for parent_or_other in (world.kanwil, world.other):
            records = parent_or_other.pull_all()
            assert not [r for r in records if r["entity"] == "users"]
            assert HASH not in str(records)
    finally:
        second.close()
