"""The unit's users (issue #17): who they are, their roles, their passwords, mutasi.

Contract (stable; the user-management screens and the first run build on it). Every function
takes the caller's `Session` and `Context` and is one user action; bad input raises
`InputError` (field named) and changes nothing; a caller without the role raises
`acting.NotAllowed`. Users belong to the laptop's home unit (`ctx.home_unit_id`).

- `list_users(session, unit_id, active_only=False) -> list[UserView]` (by name);
  `users_with_role(session, unit_id, role)`: the active holders of a role (the BA's signatories);
  `get_user(session, user_id) -> UserView`.
- `create_user(session, ctx, nip=, name=, jabatan="", roles=[…], password=None) -> UserView`:
  needs `manage_users`, except the unit's very first user, who must be an admin (the first run
  creates them; the unit is open until then). The NIP (18 digits, spaces allowed) must be new in
  the unit; the id is made from unit and NIP (`protocol.users.user_id`), so the same person
  added on two laptops offline is one user after sync.
- `update_user(session, ctx, user_id, name=, jabatan=, roles=)`: `manage_users`. The unit
  always keeps an active admin (removing the last one's role is refused).
- `set_password(session, ctx, user_id, old_password, new_password)`: the user themselves,
  signed in, knowing their current password (no role needed).
- `reset_password(session, ctx, user_id, new_password)`: `manage_users` (the unit's admin; the
  server's administrator has `mufakat-server` for it).
- `verify_password(session, user_id, password) -> bool`.
- `deactivate_user(session, ctx, user_id, hand_over_to) -> int`: `manage_users`; the open
  follow-up actions (not done) whose person in charge is this user (by name, or name and NIP)
  go to the active user `hand_over_to`, in the same action; returns how many. Nobody
  deactivates themselves (so an admin is always left: only an admin deactivates).
- `reactivate_user(session, ctx, user_id) -> UserView`: `manage_users`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError
from desktop.core.i18n import N_, tr
from desktop.core.vocab import FollowUpStatus
from desktop.models import FollowUp, Recommendation, User
from desktop.services import acting, passwords
from desktop.services import fields as f
from desktop.services.context import Context
from desktop.services.journal import Journal
from desktop.services.lookup import load
from protocol.roles import Act, StaffRole
from protocol.users import is_nip, normal_nip
from protocol.users import user_id as make_user_id

RULES: dict[str, f.Validator] = {
    "name": f.text(N_("Name"), max_len=200),
    "jabatan": f.text(N_("Position (jabatan)"), required=False, max_len=200),
}


@dataclass(frozen=True)
class UserView:
    id: str
    unit_id: str
    nip: str
    name: str
    jabatan: str
    roles: tuple[StaffRole, ...]
    active: bool
    has_password: bool
    deactivated_at: datetime | None
    deactivated_by: str

    @property
    def label(self) -> str:
        return f"{self.name} (NIP {self.nip})"


def _view(user: User) -> UserView:
    held = set(user.roles or ())
    return UserView(
        user.id,
        user.unit_id,
        user.nip,
        user.name,
        user.jabatan,
        tuple(r for r in StaffRole if r.value in held),
        user.active,
        bool(user.password_hash),
        user.deactivated_at,
        user.deactivated_by,
    )


def _roles(value: Iterable[Any]) -> list[str]:
    """Roles as stored: known ones, each once, in StaffRole's order."""
    given: set[str] = set()
    for role in value:
        try:
            given.add(StaffRole(role).value)
        except ValueError:
            raise InputError(
                tr("{role!r} is not a role. Choose operator, kepala or admin.", role=role), "roles"
            ) from None
    return [r.value for r in StaffRole if r.value in given]


def _nip(value: str) -> str:
    nip = normal_nip(str(value or ""))
    if not is_nip(nip):
        raise InputError(tr("The NIP must be 18 digits, not {value!r}.", value=value), field="nip")
    return nip


def _unit(ctx: Context) -> str:
    if ctx.home_unit_id is None:
        raise InputError(tr("Set up the office first: users belong to the office of this laptop."))
    return ctx.home_unit_id


def list_users(session: Session, unit_id: str | None, active_only: bool = False) -> list[UserView]:
    query = select(User).where(User.unit_id == unit_id, User.deleted.is_(False))
    if active_only:
        query = query.where(User.active.is_(True))
    return [_view(u) for u in session.scalars(query.order_by(User.name, User.nip))]


def users_with_role(session: Session, unit_id: str | None, role: StaffRole) -> list[UserView]:
    return [u for u in list_users(session, unit_id, active_only=True) if role in u.roles]


def get_user(session: Session, user_id: str) -> UserView:
    return _view(load(session, User, user_id, N_("User")))


def _active_admins(session: Session, unit_id: str) -> list[User]:
    users = session.scalars(
        select(User).where(User.unit_id == unit_id, User.deleted.is_(False), User.active.is_(True))
    )
    return [u for u in users if StaffRole.ADMIN.value in (u.roles or ())]


def create_user(
    session: Session,
    ctx: Context,
    *,
    nip: str,
    name: str,
    jabatan: str = "",
    roles: Iterable[str] = (),
    password: str | None = None,
) -> UserView:
    unit_id = _unit(ctx)
    first = not acting.accounts_exist(session, unit_id)
    if not first:
        acting.require(session, ctx, Act.MANAGE_USERS)
    data = f.require(RULES, {"name": name, "jabatan": jabatan}, "name")
    held = _roles(roles)
    if first and StaffRole.ADMIN.value not in held:
        raise InputError(
            tr("The office's first user must be an administrator: they add the others."), field="roles"
        )
    number = _nip(nip)
    existing = acting.find_user(session, unit_id, number)
    if existing is not None:
        raise InputError(
            tr("NIP {nip} is already {name}'s. Change that user instead.", nip=number, name=existing.name),
            field="nip",
        )
    password_hash = passwords.hash_password(password) if password else ""
    user = User(
        id=make_user_id(unit_id, number),
        unit_id=unit_id,
        nip=number,
        roles=held,
        password_hash=password_hash,
        active=True,
        deactivated_at=None,
        deactivated_by="",
        **data,
    )
    Journal(session, ctx).create(user)
    acting.forget_accounts(session)
    return _view(user)


def update_user(session: Session, ctx: Context, user_id: str, **changes: Any) -> UserView:
    acting.require(session, ctx, Act.MANAGE_USERS)
    user = load(session, User, user_id, N_("User"))
    unknown = set(changes) - {"name", "jabatan", "roles"}
    if unknown:
        raise InputError(tr("These cannot be changed here: {names}.", names=", ".join(sorted(unknown))))
    data = f.clean(RULES, {k: v for k, v in changes.items() if k != "roles"})
    if "roles" in changes:
        data["roles"] = _roles(changes["roles"])
        losing_admin = StaffRole.ADMIN.value in user.roles and StaffRole.ADMIN.value not in data["roles"]
        if losing_admin and user.active:
            _keep_an_admin(session, user)
    Journal(session, ctx).update(user, **data)
    if ctx.user is not None and ctx.user.id == user.id:
        acting.sign_in_user(ctx, acting.acting(user))
    return _view(user)


def _keep_an_admin(session: Session, user: User) -> None:
    if [u.id for u in _active_admins(session, user.unit_id)] == [user.id]:
        raise InputError(
            tr(
                "{name} is the office's only active administrator. Make someone else administrator first.",
                name=user.name,
            ),
            field="roles",
        )


def verify_password(session: Session, user_id: str, password: str) -> bool:
    user = session.get(User, user_id)
    return bool(user and user.password_hash and passwords.verify_password(user.password_hash, password))


def set_password(session: Session, ctx: Context, user_id: str, old_password: str, new_password: str) -> None:
    user = load(session, User, user_id, N_("User"))
    if ctx.user is None or ctx.user.id != user.id:
        raise InputError(
            tr("Only {name} can change their own password; an administrator resets it.", name=user.name)
        )
    if not verify_password(session, user.id, old_password):
        raise InputError(tr("The current password is wrong."), field="old_password")
    Journal(session, ctx).update(user, "set_password", password_hash=passwords.hash_password(new_password))


def reset_password(session: Session, ctx: Context, user_id: str, new_password: str) -> None:
    acting.require(session, ctx, Act.MANAGE_USERS)
    user = load(session, User, user_id, N_("User"))
    Journal(session, ctx).update(user, "reset_password", password_hash=passwords.hash_password(new_password))


def deactivate_user(session: Session, ctx: Context, user_id: str, hand_over_to: str) -> int:
    acting.require(session, ctx, Act.MANAGE_USERS)
    user = load(session, User, user_id, N_("User"))
    if not user.active:
        raise InputError(tr("{name} is already deactivated.", name=user.name))
    if ctx.user is not None and ctx.user.id == user.id:
        raise InputError(tr("Nobody deactivates themselves: another administrator of the office does it."))
    successor = load(session, User, hand_over_to, N_("User")) if hand_over_to else None
    if (
        successor is None
        or successor.id == user.id
        or not successor.active
        or successor.unit_id != user.unit_id
    ):
        raise InputError(
            tr("Choose an active user of the office to take over {name}'s open follow-up.", name=user.name),
            field="hand_over_to",
        )
    journal = Journal(session, ctx)
    handed = 0
    for item in _open_follow_ups(session, user):
        journal.update(item, "hand_over", owner=successor.name[:120])
        handed += 1
    journal.update(user, "deactivate", active=False, deactivated_at=ctx.now(), deactivated_by=ctx.actor[:120])
    return handed


def _open_follow_ups(session: Session, user: User) -> list[FollowUp]:
    """The unit's follow-up actions not done whose person in charge is `user` (by name, or
    name and NIP, as typed: case and surrounding spaces aside)."""
    names = {user.name.strip().casefold(), f"{user.name} (NIP {user.nip})".casefold(), user.nip}
    items = session.scalars(
        select(FollowUp)
        .join(Recommendation, Recommendation.id == FollowUp.recommendation_id)
        .where(
            FollowUp.unit_id == user.unit_id,
            FollowUp.deleted.is_(False),
            Recommendation.deleted.is_(False),
            FollowUp.status != FollowUpStatus.DONE,
        )
        .order_by(FollowUp.created_at)
    )
    return [item for item in items if item.owner.strip().casefold() in names]


def reactivate_user(session: Session, ctx: Context, user_id: str) -> UserView:
    acting.require(session, ctx, Act.MANAGE_USERS)
    user = load(session, User, user_id, N_("User"))
    if not user.active:
        Journal(session, ctx).update(user, "reactivate", active=True, deactivated_at=None, deactivated_by="")
    return _view(user)
