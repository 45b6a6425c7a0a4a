"""Who is typed at the door: a NIP (with or without its spaces), or a user's full name, which
stands for their NIP when exactly one user of the office has it. And why someone who is a user
of another office cannot sign in here (said plainly, once their password proves who they are)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import tr
from desktop.models import Unit, User
from desktop.services.passwords import verify_password
from protocol.users import is_nip, normal_nip


def nip_for(session: Session, unit_id: str | None, typed: str) -> str:
    """The NIP the sign-in checks: the one typed, or the NIP of the office's one user with the
    typed name (letter case and extra spaces aside). Several users with the name: the NIP is
    asked for. An unknown name is returned as typed (the check then says it is wrong, as for an
    unknown NIP)."""
    nip = normal_nip(typed.strip())
    if is_nip(nip) or unit_id is None:
        return nip
    name = " ".join(typed.split()).casefold()
    found = [
        user.nip
        for user in session.scalars(select(User).where(User.unit_id == unit_id, User.deleted.is_(False)))
        if " ".join(user.name.split()).casefold() == name
    ]
    if len(found) > 1:
        raise InputError(
            tr("Several users of this office are called {name}: sign in with your NIP.", name=typed.strip()),
            field="nip",
        )
    return found[0] if found else typed.strip()


def user_of_another_office(session: Session, unit_id: str | None, nip: str, password: str) -> str | None:
    """The other office whose user this NIP and password are (a user is of one office, and signs in
    on that office's laptops), or None."""
    for user in session.scalars(
        select(User).where(User.nip == normal_nip(nip), User.deleted.is_(False), User.unit_id != unit_id)
    ):
        if user.password_hash and verify_password(user.password_hash, password):
            unit = session.get(Unit, user.unit_id)
            return unit.name if unit is not None else user.unit_id
    return None

