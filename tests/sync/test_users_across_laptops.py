"""Users travel to their unit's laptops and nowhere else (#17): a user added on one laptop signs
in on another after a sync, the server records who made each change, a parent office never
receives a password hash, and a deactivation reaches a laptop at its next sync: what it made
before (offline, its clock hours ahead) is accepted, what its user tries after is refused."""

from __future__ import annotations

import time
from collections.abc import Callable

import pytest
from sqlalchemy import select

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError
from desktop.models import Recommendation, User
from desktop.services import acting, escalations, users
from desktop.services import recommendations as recs
from desktop.services.acting import NotAllowed
from desktop.sync.engine import sync_once
from protocol.users import user_id
from server_stub.models import AppliedOp, Record
from tests.sync.conftest import Running
from tests.sync.test_admin_cli import run
from tests.sync.test_sync_basics import make_forum

Device = Callable[..., Workspace]
ADMIN, OPERATOR, PASSWORD = "198705122010121001", "199203152015032003", "rahasia-kppn-1"


class AheadClock:
    """A laptop's machine clock `hours` ahead of the true time once set."""

    def __init__(self) -> None:
        self.hours = 0

    def __call__(self) -> int:
        return time.time_ns() + self.hours * 3600 * 10**9


def everything_in(ws: Workspace) -> str:
    """Every value of every table of the laptop's database, as text."""
    with ws.store.read() as session:
        connection = session.connection()
        tables = connection.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").scalars()
        return "\n".join(
            repr(row)
            for table in list(tables)
            for row in connection.exec_driver_sql(f'SELECT * FROM "{table}"')
        )


def exchange(*laptops: Workspace) -> None:
    for ws in laptops:
        assert sync_once(ws).refused == 0


def _staff(a: Workspace) -> None:
    """The office's first admin (also its kepala) on laptop A, who adds an operator."""
    a.write(users.create_user, nip=ADMIN, name="Rina Admin", roles=["admin", "kepala"], password=PASSWORD)
    a.write(acting.sign_in, ADMIN, PASSWORD)
    a.write(users.create_user, nip=OPERATOR, name="Sari Operator", roles=["operator"], password=PASSWORD)


def _made_by(server: Running, entity: str, record_id: str) -> set[str | None]:
    with server.store.transaction() as session:
        record = session.get(Record, (entity, record_id))
        assert record is not None
        applied = session.scalars(select(AppliedOp.user_id).where(AppliedOp.status == "applied")).all()
        return set(applied)


def test_a_user_added_on_one_laptop_signs_in_on_another_and_the_parent_never_gets_hashes(
    device: Device, server: Running
) -> None:
    a, b = device("a", "KPPN-SORONG"), device("b", "KPPN-SORONG")
    kanwil = device("kanwil", "KANWIL-PBD")
    _staff(a)
    exchange(a, b)
    with pytest.raises(NotAllowed, match="Sign in first"):
        make_forum(b)  # the office has users now: nobody signed in may plan a forum on B
    b.write(acting.sign_in, OPERATOR, PASSWORD)  # offline-capable: the hash came with the sync
    forum, _rec = make_forum(b)
    policy = b.write(recs.add_recommendation, forum, text="Jemput bola satker terpencil", scope="policy")
    exchange(b, a)
    a.write(recs.accept, policy)  # Rina is the kepala too
    a.write(escalations.escalate, policy, "Mohon arahan")
    exchange(a, kanwil)
    operator, admin = user_id(b.ctx.home_unit_id or "", OPERATOR), user_id(a.ctx.home_unit_id or "", ADMIN)
    assert {operator, admin} <= _made_by(server, "forums", forum)
    with kanwil.store.read() as session:
        assert session.scalars(select(User)).all() == []
        assert session.get(Recommendation, policy) is None  # an escalation's snapshot, not the record
    assert "$argon2id$" not in everything_in(kanwil)
    assert "$argon2id$" in everything_in(b)  # its own unit's laptops have it
    with b.store.read() as session:
        stored = session.get(User, operator)
        assert stored is not None and stored.password_hash.startswith("$argon2id$")


def test_a_deactivation_reaches_a_laptop_at_its_next_sync(device: Device, server: Running) -> None:
    clock = AheadClock()
    a = device("a", "KPPN-SORONG")
    b = device("b", "KPPN-SORONG", clock)
    _staff(a)
    exchange(a, b)
    b.write(acting.sign_in, OPERATOR, PASSWORD)
    forum, _rec = make_forum(b)
    exchange(b, a)
    clock.hours = 5  # B's clock runs 5 hours ahead; B is offline
    before = b.write(recs.add_recommendation, forum, text="Dicatat sebelum tahu", scope="unit")
    operator = user_id(a.ctx.home_unit_id or "", OPERATOR)
    a.write(users.deactivate_user, operator, user_id(a.ctx.home_unit_id or "", ADMIN))
    exchange(a)
    exchange(b)  # made before B learned of the deactivation: accepted, whatever B's clock said
    with server.store.transaction() as session:
        assert session.get(Record, ("recommendations", before)) is not None
    # B has learned of it: its signed-in operator is refused at once, and cannot sign in again.
    with pytest.raises(NotAllowed, match="Sari Operator was deactivated"):
        b.write(recs.add_recommendation, forum, text="Dicatat sesudah tahu", scope="unit")
    acting.sign_out(b.ctx)
    with pytest.raises(InputError, match="was deactivated"):
        b.write(acting.sign_in, OPERATOR, PASSWORD)


def test_the_server_administrator_deactivates_a_user_every_laptop_of_the_office_learns_it(
    device: Device, server: Running, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    a = device("a", "KPPN-SORONG")
    _staff(a)
    exchange(a)
    url = server.store.engine.url.render_as_string(hide_password=False)
    code, out, err = run(capsys, "--db", url, "user", "list", "kppn-sorong")
    assert code == 0 and err == ""
    assert [line.split("\t")[:4] for line in out.splitlines()] == [
        [ADMIN, "Rina Admin", "kepala,admin", "active"],
        [OPERATOR, "Sari Operator", "operator", "active"],
    ]
    assert "$argon2id$" not in out
    assert run(capsys, "--db", url, "user", "deactivate", "KPPN-SORONG", OPERATOR)[0] == 0
    code, _out, err = run(capsys, "--db", url, "user", "deactivate", "KPPN-SORONG", "200001012022011999")
    assert code == 2 and "no user with NIP 200001012022011999" in err and len(err.splitlines()) == 1
    exchange(a)
    acting.sign_out(a.ctx)
    with pytest.raises(InputError, match="Sari Operator was deactivated"):
        a.write(acting.sign_in, OPERATOR, PASSWORD)
