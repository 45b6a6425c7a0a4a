"""Who is acting on this laptop, and whether they may (issue #17).

Contract (stable; the sign-in screen and the CLI build on it):

- `ActingUser`: the signed-in person as services see them (id, unit, NIP, name, jabatan,
  roles). `label` is how the history names them: "Name (NIP 1987…)".
- `sign_in(session, ctx, nip, password)`: checks the NIP and password against the unit's users
  (synced to every laptop of the unit: it works offline) and makes that user the context's
  acting user (`ctx.user`; `ctx.actor` becomes their label). A wrong NIP or password, a
  deactivated user, a user of another unit or one without a password: `InputError`, and nobody
  is signed in. `sign_in_checked(session, ctx, user_id)` does the same for a user whose identity
  was checked another way (the laptop's PIN, kept on the laptop only), refusing one deactivated
  since; `sign_in_user(ctx, user)` makes an `ActingUser` the acting one as it is.
- `sign_out(ctx)`: nobody acts any more (`ctx.actor` back to the name of the Settings).
- `current_user(ctx)`: the acting user or None.
- `refresh(session, ctx)`: the acting user as the unit now holds them (after a sync: roles
  changed; after enrollment: the same NIP in the server's unit); signs them out (returns False)
  if they were deactivated meanwhile.
- `accounts_exist(session, unit_id)`: whether the unit has any user. A unit without users
  works as before accounts existed (open, the operator name from Settings) so that the first
  run can create the first admin.
- `require(session, ctx, act)`: every service of a protected action calls it before it changes
  anything; it raises `NotAllowed` (a `MufakatError` with a translated message: what is missing
  and what to do) when the unit has users and nobody is signed in, or the acting user lacks
  every role the act allows (`protocol.roles.ROLES_FOR`), as the unit's users table holds them
  at that moment (a deactivation or a role taken away that a sync brought in counts at once).
  Views only hide; services decide.
  The `Journal` runs the same check on every change it records (`check_change`), with the
  server's own table of which operation is which act, so no protected change slips past a
  service that forgot to call `require`.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from desktop.core.errors import InputError, MufakatError
from desktop.core.i18n import N_, tr
from desktop.models import User
from desktop.services.context import Context
from desktop.services.passwords import verify_password
from protocol.roles import ROLES_FOR, Act, StaffRole, needed
from protocol.users import normal_nip

_ACCOUNTS = "mufakat.accounts_exist"
# How each role is named in messages (the views have their own labels).
ROLE_NAMES: dict[StaffRole, str] = {
    StaffRole.OPERATOR: N_("operator"),
    StaffRole.KEPALA: N_("head of office (kepala)"),
    StaffRole.ADMIN: N_("administrator"),
}
# What each act is called in a refusal ("… may not {act}").
ACT_NAMES: dict[Act, str] = {
    Act.PLAN_FORUM: N_("plan or run a forum"),
    Act.SIGN_IN: N_("sign participants in"),
    Act.CAPTURE: N_("capture recommendations"),
    Act.ATTACH: N_("attach files"),
    Act.SURVEY: N_("record the satisfaction survey"),
    Act.FOLLOW_UP: N_("record follow-up"),
    Act.HAND_OVER: N_("hand a follow-up to another person"),
    Act.TRIAGE: N_("accept, reject or merge recommendations"),
    Act.ESCALATE: N_("escalate to the office above"),
    Act.ANSWER: N_("answer an escalation"),
    Act.PUBLISH: N_("publish or issue a report"),
    Act.SIGN: N_("sign as the head of office"),
    Act.MANAGE_USERS: N_("manage users"),
    Act.OFFICE_SETTINGS: N_("change the office's settings"),
}


class NotAllowed(MufakatError):
    """The acting user (or nobody signed in) may not do this; nothing was changed."""

    def __init__(self, message: str, act: Act) -> None:
        super().__init__(message)
        self.act = act


@dataclass(frozen=True)
class ActingUser:
    id: str
    unit_id: str
    nip: str
    name: str
    jabatan: str
    roles: frozenset[str]

    @property
    def label(self) -> str:
        """How the history names them: name and NIP (at most the 120 characters it keeps)."""
        suffix = f" (NIP {self.nip})"
        return self.name[: 120 - len(suffix)] + suffix

    def holds(self, role: StaffRole) -> bool:
        return role.value in self.roles

    def may(self, act: Act) -> bool:
        return any(role.value in self.roles for role in ROLES_FOR[act])


def acting(user: User) -> ActingUser:
    return ActingUser(user.id, user.unit_id, user.nip, user.name, user.jabatan, frozenset(user.roles or ()))


def current_user(ctx: Context) -> ActingUser | None:
    return ctx.user


def accounts_exist(session: Session, unit_id: str | None) -> bool:
    """Whether the unit has any user (read once per transaction)."""
    if unit_id is None:
        return False
    cache: dict[str, bool] = session.info.setdefault(_ACCOUNTS, {})
    if unit_id not in cache:
        found = session.scalar(
            select(User.id).where(User.unit_id == unit_id, User.deleted.is_(False)).limit(1)
        )
        cache[unit_id] = found is not None
    return cache[unit_id]


def forget_accounts(session: Session) -> None:
    """A user was just added: the next check reads the table again."""
    session.info.pop(_ACCOUNTS, None)


def _wrong() -> InputError:
    return InputError(tr("The NIP or the password is wrong. Check both and try again."), field="password")


def find_user(session: Session, unit_id: str | None, nip: str) -> User | None:
    """The unit's user with this NIP (typed with or without spaces), if any."""
    if unit_id is None:
        return None
    return session.scalar(
        select(User).where(User.unit_id == unit_id, User.nip == normal_nip(nip), User.deleted.is_(False))
    )


def check_credentials(session: Session, unit_id: str | None, nip: str, password: str) -> User:
    """The unit's active user with this NIP and password, or `InputError` (the same message for
    an unknown NIP and a wrong password: it tells nobody which NIPs exist)."""
    user = find_user(session, unit_id, nip)
    if user is None or not user.password_hash or not verify_password(user.password_hash, password):
        raise _wrong()
    return _active(user)


def _active(user: User) -> User:
    if not user.active:
        raise InputError(
            tr(
                "{name} was deactivated and can no longer sign in. Ask the office's administrator.",
                name=user.name,
            ),
            field="nip",
        )
    return user


def sign_in(session: Session, ctx: Context, nip: str, password: str) -> ActingUser:
    """Check the NIP and password and make that user the acting one (see the module's contract)."""
    return sign_in_user(ctx, acting(check_credentials(session, ctx.home_unit_id, nip, password)))


def sign_in_checked(session: Session, ctx: Context, user_id: str) -> ActingUser:
    """Sign in the user `user_id`, whose identity the caller checked another way (the laptop's
    PIN): still one of the unit's active users, or `InputError`."""
    row = session.get(User, user_id)
    if row is None or row.deleted or row.unit_id != ctx.home_unit_id:
        raise _wrong()
    return sign_in_user(ctx, acting(_active(row)))


def sign_in_user(ctx: Context, user: ActingUser) -> ActingUser:
    """Make `user` (already checked) the acting user of `ctx`."""
    if ctx.user is None:
        ctx.settings_actor = ctx.actor
    ctx.user = user
    ctx.actor = user.label
    return user


def sign_out(ctx: Context) -> None:
    if ctx.user is not None:
        ctx.actor = ctx.settings_actor
    ctx.user = None


def refresh(session: Session, ctx: Context) -> bool:
    """The acting user as the unit holds them now; False (and signed out) if deactivated."""
    if ctx.user is None:
        return True
    row = session.get(User, ctx.user.id) or find_user(session, ctx.home_unit_id, ctx.user.nip)
    if row is None or not row.active or row.deleted:
        sign_out(ctx)
        return False
    sign_in_user(ctx, acting(row))
    return True


def role_names(roles: Iterable[StaffRole]) -> str:
    return ", ".join(tr(ROLE_NAMES[r]) for r in StaffRole if r in set(roles))


def require(session: Session, ctx: Context, act: Act) -> None:
    """Refuse (`NotAllowed`) unless the acting user may perform `act` (see the contract)."""
    user = ctx.user
    if user is None:
        if not accounts_exist(session, ctx.home_unit_id):
            return  # no users yet: as before accounts existed
        raise NotAllowed(
            tr("Sign in first: only a signed-in user may {act}.", act=tr(ACT_NAMES[act])),
            act,
        )
    row = session.get(User, user.id)  # as the unit holds them now (a sync may have changed them)
    if row is None or not row.active or row.deleted:
        raise NotAllowed(
            tr(
                "{name} was deactivated and may no longer {act}. Sign in as another user of the office.",
                name=user.name,
                act=tr(ACT_NAMES[act]),
            ),
            act,
        )
    if not any(role.value in (row.roles or ()) for role in ROLES_FOR[act]):
        raise NotAllowed(
            tr(
                "{name} may not {act}: that needs the role of {roles}. Ask the office's administrator.",
                name=user.name,
                act=tr(ACT_NAMES[act]),
                roles=role_names(ROLES_FOR[act]),
            ),
            act,
        )


def check_change(
    session: Session,
    ctx: Context,
    entity: str,
    kind: str,
    action: str | None,
    changed: Iterable[str],
    entity_id: str,
) -> None:
    """The `Journal`'s check of one change it is about to record (the server's table)."""
    user = ctx.user
    act = needed(entity, kind, action, changed, entity_id, user.id if user else None)
    if act is not None:
        require(session, ctx, act)
