"""The server administrator's web accounts: made on the server's command line
(`mufakat-server web-admin add NAME`), the password kept as an argon2id hash."""

from __future__ import annotations

import re
from datetime import UTC, datetime

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from protocol.ids import new_id
from server_stub.models import WebAdmin

HASHER = PasswordHasher()  # argon2id, RFC 9106's low-memory profile
MIN_PASSWORD = 12
NAME_PATTERN = re.compile(r"^[a-z0-9][a-z0-9._-]{1,79}$")
# Verified when the name is unknown, so a wrong name takes as long as a wrong password.
_DUMMY = HASHER.hash("no such administrator")


class AccountError(Exception):
    """What is wrong with an account request (English, for the administrator's terminal)."""


def add_admin(session: Session, name: str, password: str) -> WebAdmin:
    name = name.strip().lower()
    if not NAME_PATTERN.match(name):
        raise AccountError(
            f"{name!r} is not a usable name: 2 to 80 lower-case letters, digits, '.', '_' or '-', "
            "starting with a letter or digit"
        )
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")
    if session.scalars(select(WebAdmin).where(func.lower(WebAdmin.name) == name)).first():
        raise AccountError(
            f"an administrator named {name} exists already (web-admin password {name} changes it)"
        )
    admin = WebAdmin(
        id=new_id(),
        name=name,
        password_hash=HASHER.hash(password),
        created_at=datetime.now(UTC),
        disabled_at=None,
    )
    session.add(admin)
    return admin


def set_password(session: Session, name: str, password: str) -> WebAdmin:
    admin = session.scalars(select(WebAdmin).where(WebAdmin.name == name.strip().lower())).first()
    if admin is None:
        raise AccountError(f"no administrator named {name} (see: web-admin list)")
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"the password must have at least {MIN_PASSWORD} characters")
    admin.password_hash = HASHER.hash(password)
    return admin


def admins(session: Session) -> list[WebAdmin]:
    return list(session.scalars(select(WebAdmin).order_by(WebAdmin.name)))


def verified(password: str, stored: str) -> bool:
    try:
        return HASHER.verify(stored, password)
    except (VerificationError, InvalidHashError):
        return False


def check_password_or_waste(password: str, stored: str) -> bool:
    """`password` against an argon2id hash; with no hash, the same time spent for nothing."""
    if not stored:
        verified(password, _DUMMY)
        return False
    return verified(password, stored)


def check_admin(session: Session, name: str, password: str) -> WebAdmin | None:
    """The administrator these credentials sign in, or None (unknown name, wrong password, or a
    disabled account alike)."""
    admin = session.scalars(select(WebAdmin).where(WebAdmin.name == name.strip().lower())).first()
    if not check_password_or_waste(password, admin.password_hash if admin else "") or admin is None:
        return None
    if admin.disabled_at is not None:
        return None
    if HASHER.check_needs_rehash(admin.password_hash):
        admin.password_hash = HASHER.hash(password)
    return admin
