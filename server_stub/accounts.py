"""The user every operation carries (protocol.users, protocol.roles), checked before it applies.

- No user: accepted if the laptop had not learned of its unit's first user when it made the
  operation (`seen` below the change number of that user's creation), and remembered as
  `before_accounts`; otherwise `unknown_user`. A version-5 laptop's operations carry neither
  and are accepted so (once each, like any operation).
- A user: one the server holds (`unknown_user`), of the device's unit (`user_other_unit`),
  active as far as the laptop could know (`user_inactive`: deactivated by a change the laptop
  had pulled when it made the operation, or by this very laptop earlier by its own clock), and
  holding a role the operation's act needs (`role_forbidden`), as the server holds their roles.
- Re-sent state (`restate`) is not judged again: the server accepted those changes once.

A user's creation and deactivation are remembered with the change numbers they got
(`note_users`, after a push numbered its records). The users' own records: the id is the one
the unit and NIP make (two laptops adding one person offline make one user: the second create
is merged into the first, register by register), the password is an argon2id hash.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from protocol.entities import Entity
from protocol.messages import Op
from protocol.refusals import Problem, Refusal, Refused, invalid
from protocol.roles import RESENT, may, needed
from protocol.users import USERS, is_password_hash, user_id
from server_stub.action import Action
from server_stub.models import UserMark
from server_stub.registers import AnyRecord, current, merge

ACTIVE = "active"  # the register of a user's activity


_STARTS = "mufakat.accounts_start"


def accounts_start(session: Session, unit_id: str) -> int | None:
    """The change number of the unit's first user (None: it has none), read once per push (an
    older laptop's push of a thousand operations without a user asks once)."""
    starts: dict[str, int | None] = session.info.setdefault(_STARTS, {})
    if unit_id not in starts:
        starts[unit_id] = session.scalar(
            select(func.min(UserMark.created_seq)).where(UserMark.unit_id == unit_id)
        )
    return starts[unit_id]


def _changed(op: Op) -> Iterable[str]:
    if op.kind == "update" and isinstance(op.fields.get("set"), dict):
        return list(op.fields["set"])
    if op.kind == "transition" and isinstance(op.fields.get("fields"), dict):
        return list(op.fields["fields"])
    return list(op.fields)


def check_user(action: Action, op: Op) -> None:
    """Refuse the operation if its user may not make it (see the module's rules)."""
    if op.kind in RESENT:
        return
    caller, batch = action.caller, action.batch
    if op.user_id is None:
        start = accounts_start(batch.session, caller.unit_id)
        if start is not None and op.seen >= start:
            raise Refused(
                Refusal.UNKNOWN_USER,
                "the operation names no user, and the laptop knew its office's users when it made it",
                user_id="",
            )
        return
    user = batch.get(USERS, op.user_id)
    if user is None or user.deleted:
        raise Refused(Refusal.UNKNOWN_USER, f"user {op.user_id} is not on the server", user_id=op.user_id)
    if user.unit_id != caller.unit_id:
        raise Refused(
            Refusal.USER_OTHER_UNIT, f"user {op.user_id} belongs to another office", user_id=op.user_id
        )
    if not user.data.get(ACTIVE, True) and _knew_of_revocation(batch.session, user, op, caller.device_id):
        raise Refused(
            Refusal.USER_INACTIVE,
            f"user {op.user_id} was deactivated before the laptop made this change",
            user_id=op.user_id,
        )
    step = op.fields.get("action") if op.kind == "transition" else None
    act = needed(
        op.entity, op.kind, step if isinstance(step, str) else None, _changed(op), op.entity_id, op.user_id
    )
    if not may(user.data.get("roles") or [], act):
        raise Refused(
            Refusal.ROLE_FORBIDDEN,
            f"user {op.user_id} holds no role that may {act}",
            user_id=op.user_id,
            act=str(act),
        )


def _knew_of_revocation(session: Session, user: AnyRecord, op: Op, device_id: str) -> bool:
    """Had the laptop learned that `user` was deactivated when it made `op`? Yes if it had pulled
    the change that deactivated them, or made the deactivation itself before `op` (one laptop's
    clock stamps only grow)."""
    revoked_hlc = current(user, ACTIVE)
    if revoked_hlc.split("-", 2)[-1] == device_id and op.hlc > revoked_hlc:
        return True
    mark = session.get(UserMark, user.id)
    return mark is not None and mark.revoked_seq is not None and op.seen >= mark.revoked_seq


def note_users(session: Session, records: Iterable[AnyRecord]) -> None:
    """Remember, for the users among `records` (numbered by this push), when the server learned
    of them and of their deactivation (cleared once they are active again)."""
    for record in records:
        if record.entity != USERS:
            continue
        mark = session.get(UserMark, record.id)
        if mark is None:
            mark = UserMark(user_id=record.id, unit_id=record.unit_id, created_seq=record.seq)
            session.add(mark)
            session.info.pop(_STARTS, None)
        if record.data.get(ACTIVE, True):
            mark.revoked_seq = mark.revoked_hlc = None
        elif mark.revoked_seq is None:
            mark.revoked_seq, mark.revoked_hlc = record.seq, current(record, ACTIVE)


def check_user_record(entity: Entity, record_id: str, fields: dict[str, Any]) -> None:
    """A user's create (or re-sent state): the id its unit and NIP make, distinct roles, an
    argon2id hash or none."""
    if entity.name != USERS:
        return
    if record_id != user_id(str(fields.get("unit_id")), str(fields.get("nip"))):
        raise invalid(USERS, "nip", Problem.NOT_ALLOWED)
    roles = fields.get("roles") or []
    if len(set(roles)) != len(roles):
        raise invalid(USERS, "roles", Problem.NOT_ALLOWED)
    if not is_password_hash(str(fields.get("password_hash") or "")):
        raise invalid(USERS, "password_hash", Problem.MALFORMED)


def check_user_changes(entity: Entity, values: dict[str, Any]) -> None:
    """An edit of a user: the same rules for the fields it sets."""
    if entity.name != USERS:
        return
    if "roles" in values and len(set(values["roles"])) != len(values["roles"]):
        raise invalid(USERS, "roles", Problem.NOT_ALLOWED)
    if "password_hash" in values and not is_password_hash(str(values["password_hash"] or "")):
        raise invalid(USERS, "password_hash", Problem.MALFORMED)


def merge_same_person(entity: Entity, record: AnyRecord, op: Op) -> list[AnyRecord]:
    """A second create of a user the office already has (added on another laptop offline): its
    values join the record register by register, the later stamp winning (users merge by NIP)."""
    values = {f.name: op.fields[f.name] for f in entity.fields if f.editable and f.name in op.fields}
    merge(entity, record, values, op.hlc, op.fields.get("at"))
    record.origin = None  # a blend of two laptops' records: both pull it
    return [record]
