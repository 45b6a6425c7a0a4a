"""Enrollment codes and device tokens. Only hashes are stored: a stolen database lets nobody in.

Enrollment is idempotent for a device: a laptop whose enrollment answer was lost sends the same
code again and gets a fresh token (the one it never received stops working); a device the
server already knows may also be enrolled again with a new code of its unit (a lost token file,
a server restored from a backup). A code used by one device stays refused to every other, and a
revoked device stays revoked whatever code it brings.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from protocol.enrollment import PLAIN_HTTP_PREFIX, normalized
from protocol.refusals import Refusal
from server_stub.models import Device, EnrollCode, ServerUnit

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read over the phone
CODE_TTL = timedelta(days=7)
SEEN_RESOLUTION = timedelta(minutes=1)

# Refusal codes of enrollment and authentication (team.md's names; the client words them).
UNKNOWN_CODE = Refusal.ENROLLMENT_CODE_UNKNOWN.value
CODE_USED = Refusal.ENROLLMENT_CODE_USED.value
CODE_EXPIRED = Refusal.ENROLLMENT_CODE_EXPIRED.value
OTHER_UNIT = Refusal.ENROLLMENT_OTHER_UNIT.value  # params: device_unit, code_unit (unit codes)
UNKNOWN_UNIT = Refusal.UNKNOWN_UNIT.value  # params: unit
REVOKED = Refusal.REVOKED.value
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
    session: Session, code: str, device_id: str, name: str, expected_unit_id: str | None = None
) -> tuple[str, ServerUnit]:
    """Trade a one-time code for a bearer token bound to the code's unit (see the module's text
    for when the same device may come again). `expected_unit_id`: the unit a device enrolling
    again already works for; a code of another unit is refused before anything is recorded."""
    entry = session.get(EnrollCode, digest(normalized(code)), with_for_update=True)
    now = datetime.now(UTC)
    if entry is None:
        raise AuthError(404, UNKNOWN_CODE, "unknown enrollment code")
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
    device = session.get(Device, device_id, with_for_update=True)
    if device is None:
        session.add(
            Device(id=device_id, unit_id=unit.id, name=name[:200], token_hash=digest(token), enrolled_at=now)
        )
    elif device.revoked_at is not None:
        raise AuthError(403, REVOKED, "this device was revoked by the administrator")
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
    entry.used_at, entry.used_by = entry.used_at or now, device_id
    return token, unit


def device_for(session: Session, token: str) -> Device:
    device = session.scalars(select(Device).where(Device.token_hash == digest(token))).first()
    if device is None:
        raise AuthError(401, UNKNOWN_TOKEN, "unknown token; enroll this device again")
    if device.revoked_at is not None:
        raise AuthError(403, REVOKED, "this device was revoked by the administrator")
    now = datetime.now(UTC)
    if device.last_seen_at is None or _aware(device.last_seen_at) < now - SEEN_RESOLUTION:
        device.last_seen_at = now  # written at most once a minute: not a disk write per request
    return device


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
