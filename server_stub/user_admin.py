"""What the server's administrator does about an office's users (the web's admin pages and
`mufakat-server user …` build on it): list them (never their hashes), deactivate and reactivate
one (mutasi, a lost laptop), and set a password hash made elsewhere (a reset: the hash is
argon2id, the password never reaches the server's database). Each change is a change of the
user's record like a laptop's (a new clock stamp from the server's clock, a new sequence
number), so every laptop of the office pulls it, and a deactivation counts for operations made
after a laptop learned of it (server_stub.accounts)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from protocol.users import USERS, is_password_hash, normal_nip, user_id
from server_stub.accounts import note_users
from server_stub.admin import AdminError, next_seq, unit_code
from server_stub.models import Record, ServerUnit
from server_stub.stamps import server_stamp


@dataclass(frozen=True)
class UserLine:
    id: str
    nip: str
    name: str
    jabatan: str
    roles: tuple[str, ...]
    active: bool


def _unit(session: Session, code: str) -> ServerUnit:
    unit = session.scalars(select(ServerUnit).where(ServerUnit.code == unit_code(code))).first()
    if unit is None:
        raise AdminError(f"no unit with code {code}")
    return unit


def users(session: Session, code: str) -> list[UserLine]:
    unit = _unit(session, code)
    found = session.scalars(select(Record).where(Record.entity == USERS, Record.unit_id == unit.id))
    lines = [_line(r) for r in found if not r.deleted]
    return sorted(lines, key=lambda line: (line.name, line.nip))


def find(session: Session, code: str, nip: str) -> Record:
    unit = _unit(session, code)
    record = session.get(Record, (USERS, user_id(unit.id, normal_nip(nip))), with_for_update=True)
    if record is None or record.deleted:
        raise AdminError(f"{unit.code} has no user with NIP {nip}")
    return record


def _change(session: Session, record: Record, register: str, values: dict[str, Any]) -> None:
    record.seq = next_seq(session)  # first: the counter's lock also guards the server's clock
    record.data = {**record.data, **values, "updated_at": datetime.now(UTC).isoformat()}
    record.clocks = {**(record.clocks or {}), register: server_stamp(session)}
    record.origin = None
    note_users(session, [record])


def deactivate(session: Session, code: str, nip: str, by: str = "administrator server") -> UserLine:
    record = find(session, code, nip)
    if not record.data.get("active", True):
        raise AdminError(f"{record.data.get('name')} is already deactivated")
    now = datetime.now(UTC).isoformat()
    _change(session, record, "active", {"active": False, "deactivated_at": now, "deactivated_by": by[:120]})
    return _line(record)


def reactivate(session: Session, code: str, nip: str) -> UserLine:
    record = find(session, code, nip)
    if not record.data.get("active", True):
        _change(session, record, "active", {"active": True, "deactivated_at": None, "deactivated_by": ""})
    return _line(record)


def set_password_hash(session: Session, code: str, nip: str, password_hash: str) -> UserLine:
    """A password reset: `password_hash` is the argon2id hash of the new password."""
    if not password_hash or not is_password_hash(password_hash):
        raise AdminError("a password reset takes an argon2id hash ($argon2id$…), never a password")
    record = find(session, code, nip)
    _change(session, record, "password_hash", {"password_hash": password_hash})
    return _line(record)


def _line(record: Record) -> UserLine:
    data = record.data
    return UserLine(
        record.id,
        str(data.get("nip")),
        str(data.get("name")),
        str(data.get("jabatan") or ""),
        tuple(data.get("roles") or ()),
        bool(data.get("active", True)),
    )
