"""Signed-in browsers. The cookie holds a random token; the database holds its SHA-256 with who
signed in and until when, so every server process sees a sign-in and a sign-out at once, and a
copy of the database signs nobody in. A sign-out deletes the row; an expired row is refused and
swept at the next sign-in."""

from __future__ import annotations

import hashlib
import secrets
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from enum import StrEnum

from sqlalchemy import delete
from sqlalchemy.orm import Session

from server_stub.models import WebSession

COOKIE = "mufakat_web"


class Kind(StrEnum):
    ADMIN = "admin"  # the server's administrator (`mufakat-server web-admin add`)
    USER = "user"  # a kepala or admin of a unit, for the oversight of the units below it


LIFETIME = {Kind.ADMIN: timedelta(hours=8), Kind.USER: timedelta(hours=12)}


@dataclass(frozen=True)
class Who:
    kind: Kind
    subject_id: str
    unit_id: str | None
    name: str


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def open_session(session: Session, who: Who, now: datetime | None = None) -> str:
    """A new session for `who`: its token, for the cookie (only its hash is stored)."""
    now = now or datetime.now(UTC)
    session.execute(delete(WebSession).where(WebSession.expires_at < now))
    token = secrets.token_urlsafe(32)
    session.add(
        WebSession(
            token_hash=_digest(token),
            kind=who.kind.value,
            subject_id=who.subject_id,
            unit_id=who.unit_id,
            name=who.name,
            created_at=now,
            expires_at=now + LIFETIME[who.kind],
        )
    )
    return token


def signed_in(session: Session, token: str | None, now: datetime | None = None) -> Who | None:
    if not token:
        return None
    row = session.get(WebSession, _digest(token))
    now = now or datetime.now(UTC)
    if row is None or _aware(row.expires_at) <= now:
        return None
    return Who(Kind(row.kind), row.subject_id, row.unit_id, row.name)


def close_session(session: Session, token: str | None) -> None:
    if token:
        session.execute(delete(WebSession).where(WebSession.token_hash == _digest(token)))


def close_sessions_of(session: Session, subject_id: str) -> None:
    """Every browser of someone whose right ended (a revoked user, a disabled administrator)."""
    session.execute(delete(WebSession).where(WebSession.subject_id == subject_id))


def _aware(moment: datetime) -> datetime:
    """SQLite gives back naive datetimes (stored as UTC)."""
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)
