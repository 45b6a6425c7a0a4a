"""Enrollment codes and device tokens. Only hashes are stored: a stolen database lets nobody in.

Enrollment is idempotent for a device: a laptop whose enrollment answer was lost sends the same
code again and gets a fresh token (the one it never received stops working); a device the
server already knows may also be enrolled again with a new code of its unit (a lost token file,
a server restored from a backup). A code used by one device stays refused to every other, and a
revoked device stays revoked whatever code it brings.

Device ids are public (they are in every export and audit event), so an id alone never hands
an enrolled device to someone else: the laptop makes a random secret at its first enrollment
and sends it every time; the server keeps its SHA-256 (a random 256-bit value needs no slow
hash) and enrolls an existing device again only for the same secret (`device_taken`
otherwise). A device enrolled before secrets were kept takes one only with the code it used
itself (the answer of that enrollment was lost); anything else is refused.

A laptop that took in another one's data ("Pindahkan ke laptop baru") names that device
(`moved_from`) and proves it holds its data with that device's secret, carried in the move
file: only then is the old device retired (it stops syncing, saying its data moved). A fresh
code of the unit alone never retires a colleague's laptop.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from protocol.enrollment import PLAIN_HTTP_PREFIX, normalized
from protocol.refusals import Refusal
from server_stub.models import Device, EnrollCode, ServerUnit
from server_stub.store import current_epoch

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read over the phone
CODE_TTL = timedelta(days=7)
SEEN_RESOLUTION = timedelta(minutes=1)
# How long a device may re-send its state once the server lost something (a laptop offline for
# days after it heard of it still gets its state back in).
RESTATE_WINDOW = timedelta(days=7)

# Refusal codes of enrollment and authentication (team.md's names; the client words them).
UNKNOWN_CODE = Refusal.ENROLLMENT_CODE_UNKNOWN.value
CODE_USED = Refusal.ENROLLMENT_CODE_USED.value
CODE_EXPIRED = Refusal.ENROLLMENT_CODE_EXPIRED.value
OTHER_UNIT = Refusal.ENROLLMENT_OTHER_UNIT.value  # params: device_unit, code_unit (unit codes)
UNKNOWN_UNIT = Refusal.UNKNOWN_UNIT.value  # params: unit
REVOKED = Refusal.REVOKED.value
MOVED = Refusal.DEVICE_MOVED.value
MOVE_UNPROVEN = Refusal.MOVE_UNPROVEN.value
MOVE_USED = Refusal.MOVE_USED.value
MOVE_OTHER_UNIT = Refusal.MOVE_OTHER_UNIT.value
TAKEN = Refusal.DEVICE_TAKEN.value
UNKNOWN_TOKEN = Refusal.UNKNOWN_TOKEN.value


class AuthError(Exception):
    """A refusal with its HTTP status, code and parameters; `message` is English, for logs and
    the administrator's command line."""

    def __init__(self, status: int, code: str, message: str, **params: Any) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.params = params


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_enroll_code(
    session: Session, unit_code: str, ttl: timedelta = CODE_TTL, allow_http: bool = False
) -> str:
    """A one-time code for a laptop of the unit. `allow_http`: the laptop may use a plain
    http:// address (protocol.enrollment); the code then starts with HTTP-."""
    unit = session.scalars(select(ServerUnit).where(ServerUnit.code == unit_code.strip().upper())).first()
    if unit is None:
        raise AuthError(404, UNKNOWN_UNIT, f"no unit with code {unit_code}", unit=unit_code)
    raw = PLAIN_HTTP_PREFIX
    while raw.startswith(PLAIN_HTTP_PREFIX):  # only --allow-http codes start so
        raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    prefix = PLAIN_HTTP_PREFIX if allow_http else ""
    now = datetime.now(UTC)
    session.add(
        EnrollCode(code_hash=digest(prefix + raw), unit_id=unit.id, created_at=now, expires_at=now + ttl)
    )
    return f"{prefix + '-' if prefix else ''}{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def _code_of(session: Session, unit_id: str) -> str:
    unit = session.get(ServerUnit, unit_id)
    return unit.code if unit is not None else unit_id


def enroll(
    session: Session,
    code: str,
    device_id: str,
    name: str,
    secret: str,
    expected_unit_id: str | None = None,
    moved_from: str | None = None,
    moved_from_secret: str | None = None,
) -> tuple[str, ServerUnit]:
    """Trade a one-time code for a bearer token bound to the code's unit (see the module's text
    for when the same device may come again). `secret`: the laptop's own enrollment secret.
    `expected_unit_id`: the unit a device enrolling again already works for; a code of another
    unit is refused before anything is recorded. `moved_from`, `moved_from_secret`: the device
    a new laptop's data came from and that device's secret (it is retired)."""
    entry = session.get(EnrollCode, digest(normalized(code)), with_for_update=True)
    now = datetime.now(UTC)
    if entry is None:
        raise AuthError(404, UNKNOWN_CODE, "unknown enrollment code")
    device = session.get(Device, device_id, with_for_update=True)
    if device is not None:
        _same_laptop(device, secret, entry)
    if entry.used_at is not None and entry.used_by != device_id:
        raise AuthError(409, CODE_USED, "this enrollment code was already used by another device")
    if _aware(entry.expires_at) < now:
        raise AuthError(
            410, CODE_EXPIRED, "this enrollment code has expired; ask the administrator for a new one"
        )
    unit = session.get(ServerUnit, entry.unit_id)
    if unit is None:
        raise AuthError(404, UNKNOWN_UNIT, "the code's unit no longer exists", unit=entry.unit_id)
    if expected_unit_id is not None and expected_unit_id != unit.id:
        raise AuthError(
            409,
            OTHER_UNIT,
            "this device works for another unit; use a code of that unit",
            device_unit=_code_of(session, expected_unit_id),
            code_unit=unit.code,
        )
    token = secrets.token_urlsafe(32)
    if device is None:
        old = _moved_from(session, moved_from, moved_from_secret, unit) if moved_from != device_id else None
        session.add(
            Device(
                id=device_id,
                unit_id=unit.id,
                name=name[:200],
                token_hash=digest(token),
                enrolled_at=now,
                secret_hash=digest(secret),
                # A laptop enrolling again that the server does not know: the server lost it
                # (restored from a backup), so it may re-send its state.
                epoch=None if expected_unit_id else current_epoch(session),
            )
        )
        if old is not None:
            _retire(session, old, device_id, now)
    elif device.revoked_at is not None:
        raise _revoked(device)
    elif device.unit_id != unit.id:
        raise AuthError(
            409,
            OTHER_UNIT,
            "this device is enrolled for another unit; use a code of that unit",
            device_unit=_code_of(session, device.unit_id),
            code_unit=unit.code,
        )
    else:  # the same device again: a fresh token, the previous one stops working
        device.token_hash = digest(token)
        device.name = name[:200] or device.name
        device.secret_hash = device.secret_hash or digest(secret)
    entry.used_at, entry.used_by = entry.used_at or now, device_id
    return token, unit


def _same_laptop(device: Device, secret: str, entry: EnrollCode) -> None:
    """An enrollment naming a known device comes from the laptop that enrolled it: the same
    secret (compared in constant time), or, for a device enrolled before secrets were kept, the
    code it used itself."""
    if device.secret_hash is not None:
        same = hmac.compare_digest(digest(secret), device.secret_hash)
    else:
        same = entry.used_by == device.id
    if not same:
        raise AuthError(
            409,
            TAKEN,
            "this device id is enrolled by another laptop; a laptop enrolls under its own id",
        )


def device_for(session: Session, token: str) -> Device:
    device = session.scalars(select(Device).where(Device.token_hash == digest(token))).first()
    if device is None:
        raise AuthError(401, UNKNOWN_TOKEN, "unknown token; enroll this device again")
    if device.revoked_at is not None:
        raise _revoked(device)
    now = datetime.now(UTC)
    if device.last_seen_at is None or _aware(device.last_seen_at) < now - SEEN_RESOLUTION:
        device.last_seen_at = now  # written at most once a minute: not a disk write per request
    epoch = current_epoch(session)
    if device.epoch != epoch:  # its first request since the database was restored
        device.epoch = epoch
        expect_restate(device, now)
    return device


def _moved_from(
    session: Session, old_id: str | None, old_secret: str | None, unit: ServerUnit
) -> Device | None:
    """The device a new laptop's data came from, to retire once the laptop is enrolled; checked
    before anything is recorded. Retired only for its own secret (compared in constant time),
    if it is of the code's unit and was not moved before. One the server does not know, or one
    the administrator revoked, named without its secret, is left as it is (None): there is
    nothing to retire. Anything else is refused, and nothing changes."""
    old = session.get(Device, old_id, with_for_update=True) if old_id else None
    if old is None:
        return None
    proven = bool(old_secret) and old.secret_hash is not None
    if not (proven and hmac.compare_digest(digest(old_secret or ""), old.secret_hash or "")):
        if old.revoked_at is not None and old.moved_to is None:
            return None
        raise AuthError(
            409,
            MOVE_UNPROVEN,
            "the enrollment names the device its data came from without that device's secret",
        )
    if old.moved_to is not None:
        raise AuthError(409, MOVE_USED, "that device's data was already moved to another device")
    if old.unit_id != unit.id:
        raise AuthError(409, MOVE_OTHER_UNIT, "the device the data came from works for another unit")
    return old


def _retire(session: Session, old: Device, new_id: str, now: datetime) -> None:
    """The old device stops syncing and says its data moved (`device_moved`)."""
    new = session.get(Device, new_id)
    assert new is not None
    new.moved_from = old.id
    old.moved_to = new_id
    old.revoked_at = old.revoked_at or now


def _revoked(device: Device) -> AuthError:
    if device.moved_to:
        return AuthError(403, MOVED, "this device's data was moved to another device, which is enrolled now")
    return AuthError(403, REVOKED, "this device was revoked by the administrator")


def expect_restate(device: Device, now: datetime) -> None:
    """The server lost what this device had sent: it may re-send its state for a while."""
    device.restate_until = now + RESTATE_WINDOW


def may_restate(device: Device) -> bool:
    return device.restate_until is not None and _aware(device.restate_until) > datetime.now(UTC)


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
