"""Enrollment codes and device tokens. Only hashes are stored: a stolen database lets nobody in."""

from __future__ import annotations

import hashlib
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from protocol.refusals import Refusal
from server_stub.models import Device, EnrollCode, ServerUnit

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read over the phone
CODE_TTL = timedelta(days=7)
SEEN_RESOLUTION = timedelta(minutes=1)


class AuthError(Exception):
    def __init__(self, status: int, message: str, code: Refusal = Refusal.MALFORMED) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.code = code


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _normalize_code(code: str) -> str:
    return "".join(ch for ch in code.upper() if ch.isalnum())


def new_enroll_code(session: Session, unit_code: str, ttl: timedelta = CODE_TTL) -> str:
    unit = session.scalars(select(ServerUnit).where(ServerUnit.code == unit_code.upper())).first()
    if unit is None:
        raise AuthError(404, f"no unit with code {unit_code}")
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(12))
    now = datetime.now(UTC)
    session.add(EnrollCode(code_hash=digest(raw), unit_id=unit.id, created_at=now, expires_at=now + ttl))
    return f"{raw[:4]}-{raw[4:8]}-{raw[8:]}"


def enroll(session: Session, code: str, device_id: str, name: str) -> tuple[str, ServerUnit]:
    """Trade a one-time code for a bearer token bound to the code's unit."""
    entry = session.get(EnrollCode, digest(_normalize_code(code)), with_for_update=True)
    now = datetime.now(UTC)
    if entry is None:
        raise AuthError(404, "unknown enrollment code", Refusal.ENROLLMENT_CODE_UNKNOWN)
    if entry.used_at is not None:
        raise AuthError(409, "this enrollment code was already used", Refusal.ENROLLMENT_CODE_USED)
    if _aware(entry.expires_at) < now:
        raise AuthError(
            410,
            "this enrollment code has expired; ask the administrator for a new one",
            Refusal.ENROLLMENT_CODE_EXPIRED,
        )
    if session.get(Device, device_id) is not None:
        raise AuthError(409, "this device is already enrolled", Refusal.ALREADY_ENROLLED)
    unit = session.get(ServerUnit, entry.unit_id)
    if unit is None:
        raise AuthError(404, "the code's unit no longer exists", Refusal.ENROLLMENT_CODE_UNKNOWN)
    token = secrets.token_urlsafe(32)
    session.add(
        Device(id=device_id, unit_id=unit.id, name=name[:200], token_hash=digest(token), enrolled_at=now)
    )
    entry.used_at, entry.used_by = now, device_id
    return token, unit


def device_for(session: Session, token: str) -> Device:
    device = session.scalars(select(Device).where(Device.token_hash == digest(token))).first()
    if device is None:
        raise AuthError(401, "unknown token; enroll this device again", Refusal.UNKNOWN_TOKEN)
    if device.revoked_at is not None:
        raise AuthError(403, "this device was revoked by the administrator", Refusal.REVOKED)
    now = datetime.now(UTC)
    if device.last_seen_at is None or _aware(device.last_seen_at) < now - SEEN_RESOLUTION:
        device.last_seen_at = now  # written at most once a minute: not a disk write per request
    return device


def _aware(value: datetime) -> datetime:
    return value if value.tzinfo else value.replace(tzinfo=UTC)
