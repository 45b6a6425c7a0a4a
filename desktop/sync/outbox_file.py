"""A laptop's unsent changes as a file: the way out for a revoked or lost laptop's work.

`export_outbox` writes every queued operation as it is (its id, clock stamp and fields), with
the laptop's unit; `import_outbox` queues them on another laptop of the same unit, after this
laptop's own, and its next sync pushes them. Operations keep their ids, so a change the server
already has is answered "duplicate" and nothing is applied twice; importing the same file
again adds nothing. A file of another unit, or one that is not an outbox export, is refused
whole, with what is wrong.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import msgspec
from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import tr
from desktop.models import MODEL_BY_TABLE, DeviceState, ImportedOp, OutboxOp, Unit, utcnow
from desktop.services.journal import outbox_rows
from protocol import jsontext
from protocol.hlc import HybridClock, MalformedStamp, Stamp
from protocol.messages import Op, QueuedOp, queued
from protocol.refusals import Problem
from protocol.validate import field_of, problem_of
from protocol.version import OP_KINDS

FORMAT = "mufakat-outbox"
VERSION = 2  # 2: operations carry their user action (`action_id`); votes are `counter` operations
MAX_FILE_BYTES = 256 * 1024 * 1024
# Created under another unit on purpose: the addressed office journals its answer to an
# escalation under the sending unit (the row's owner).
OTHER_UNIT_ALLOWED = frozenset({"audit_events"})


@dataclass(frozen=True)
class ImportResult:
    added: int
    already: int  # already queued here (the same file imported twice)
    unit_code: str


def export_outbox(session: Session) -> str:
    """Every operation waiting to be pushed, in order, as JSON text."""
    state = session.get(DeviceState, 1)
    assert state is not None
    ops = [
        {
            **queued(
                Op(
                    op_id=op.op_id,
                    action_id=op.action_id,
                    device_seq=op.device_seq,
                    entity=op.entity,
                    entity_id=op.entity_id,
                    kind=op.kind,
                    fields=op.fields,
                    hlc=op.hlc,
                    user_id=op.user_id,
                    seen=op.seen,
                )
            ),
            "created_at": op.created_at.isoformat(),
        }
        for op in session.scalars(select(OutboxOp).order_by(OutboxOp.device_seq))
    ]
    unit = session.get(Unit, state.home_unit_id) if state.home_unit_id else None
    document = {
        "format": FORMAT,
        "version": VERSION,
        "device_id": state.device_id,
        "unit_id": state.home_unit_id,
        "unit_code": unit.code if unit is not None else "",
        "server_url": state.server_url,
        "exported_at": utcnow().isoformat(),
        "ops": ops,
    }
    return jsontext.dumps_bytes(document).decode() + "\n"


def _bad(name: str, problem: str) -> InputError:
    return InputError(
        tr(
            "{name} is not an export of unsent changes ({problem}); nothing was imported.",
            name=name,
            problem=problem,
        )
    )


def _checked_op(name: str, index: int, op: Any) -> QueuedOp:
    """The entry as an operation (`protocol.messages.QueuedOp`), or what is wrong with it."""
    if not isinstance(op, dict):
        raise _bad(name, tr("change {n} is not an object", n=index))
    try:
        checked = msgspec.convert(op, QueuedOp)
    except msgspec.ValidationError as exc:
        message = str(exc)
        if problem_of(message) in (Problem.REQUIRED, Problem.WRONG_TYPE):
            checked = None
        elif field_of(message) == "hlc":
            raise _bad(name, tr("change {n} has a malformed clock stamp", n=index)) from None
        else:
            raise _bad(name, tr("change {n} names an unknown entity or kind", n=index)) from None
    if checked is None or checked.action_id is None:
        raise _bad(name, tr("change {n} lacks an id, action, entity, kind, fields or clock stamp", n=index))
    if checked.entity not in MODEL_BY_TABLE or checked.kind not in OP_KINDS:
        raise _bad(name, tr("change {n} names an unknown entity or kind", n=index))
    try:
        Stamp.decode(checked.hlc)
    except MalformedStamp:
        raise _bad(name, tr("change {n} has a malformed clock stamp", n=index)) from None
    return checked


def parse_outbox(name: str, content: bytes) -> tuple[str, list[QueuedOp]]:
    """The unit id and the checked operations of an outbox export."""
    try:
        document = jsontext.loads(content)
    except ValueError:
        raise _bad(name, tr("it is not JSON")) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise _bad(name, tr("it is not a Mufakat outbox export"))
    if document.get("version") != VERSION:
        raise InputError(
            tr(
                "{name} was written by another version of Mufakat (outbox format {version}); "
                "import it with the same version.",
                name=name,
                version=document.get("version"),
            )
        )
    unit_id, ops = document.get("unit_id"), document.get("ops")
    if not isinstance(unit_id, str) or not unit_id or not isinstance(ops, list):
        raise _bad(name, tr("it names no unit or has no list of changes"))
    return unit_id, [_checked_op(name, n, op) for n, op in enumerate(ops, start=1)]


def import_outbox(session: Session, clock: HybridClock, name: str, content: bytes) -> ImportResult:
    """Queue another laptop's unsent changes here (see the module's text)."""
    if len(content) > MAX_FILE_BYTES:
        raise _bad(name, tr("it is larger than {mb} MB", mb=MAX_FILE_BYTES // (1024 * 1024)))
    unit_id, ops = parse_outbox(name, content)
    state = session.get(DeviceState, 1)
    assert state is not None
    if not state.server_url or not state.home_unit_id:
        raise InputError(
            tr("Enroll this laptop with the server first: imported changes are sent by its next sync.")
        )
    home = session.get(Unit, state.home_unit_id)
    home_code = home.code if home is not None else state.home_unit_id
    if unit_id != state.home_unit_id:
        other = session.get(Unit, unit_id)
        raise InputError(
            tr(
                "{name} holds changes of {unit}, and this laptop works for {home}. Import it on a "
                "laptop of {unit}; nothing was imported.",
                name=name,
                unit=other.code if other is not None else unit_id,
                home=home_code,
            )
        )
    foreign = [
        op
        for op in ops
        if op.kind == "create"
        and op.entity not in OTHER_UNIT_ALLOWED
        and op.fields.get("unit_id") not in (None, unit_id)
    ]
    if foreign:
        raise InputError(
            tr(
                "{name} holds {count} change(s) of another unit (the first: {entity} {id}); "
                "nothing was imported.",
                name=name,
                count=len(foreign),
                entity=foreign[0].entity,
                id=foreign[0].entity_id,
            )
        )
    ids = [o.op_id for o in ops]
    queued = set(session.scalars(select(OutboxOp.op_id).where(OutboxOp.op_id.in_(ids))))
    queued |= set(session.scalars(select(ImportedOp.op_id).where(ImportedOp.op_id.in_(ids))))  # sent since
    now: datetime = utcnow()
    fresh: list[QueuedOp] = []
    for op in ops:
        if op.op_id not in queued:
            queued.add(op.op_id)  # an id twice in the file is queued once
            fresh.append(op)
    if fresh:
        session.execute(insert(OutboxOp), outbox_rows(fresh, now))
        session.execute(insert(ImportedOp), [{"op_id": op.op_id, "imported_at": now} for op in fresh])
        newest = max(Stamp.decode(op.hlc) for op in fresh)
        # This laptop's next changes come after the imported ones (a stamp far ahead is
        # re-stamped by the server, whose stamp this laptop adopts).
        clock.observe(newest)
        state.last_hlc = max(state.last_hlc, clock.last.encode())
    return ImportResult(added=len(fresh), already=len(ops) - len(fresh), unit_code=home_code)
