"""Users' passwords: hashed with argon2id (argon2-cffi's `PasswordHasher`, RFC 9106's low-memory
profile: 64 MiB, 3 passes), checked in constant time. Only the hash is stored or synced."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from desktop.core.errors import InputError
from desktop.core.i18n import tr

MIN_LENGTH = 8
MAX_LENGTH = 200
_HASHER = PasswordHasher()


def check_new_password(password: str) -> str:
    """A password a user may choose: at least 8 characters, not only spaces."""
    if len(password.strip()) < MIN_LENGTH:
        raise InputError(
            tr("A password needs at least {n} characters. Choose a longer one.", n=MIN_LENGTH),
            field="password",
        )
    if len(password) > MAX_LENGTH:
        raise InputError(
            tr("A password may have at most {n} characters. Choose a shorter one.", n=MAX_LENGTH),
            field="password",
        )
    return password


def hash_password(password: str) -> str:
    """The argon2id hash (PHC string, `$argon2id$…`) of a password that passed the rules."""
    return _HASHER.hash(check_new_password(password))


def verify_password(password_hash: str, password: str) -> bool:
    """Whether `password` is the one `password_hash` was made from (False for a damaged hash)."""
    try:
        return _HASHER.verify(password_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False
