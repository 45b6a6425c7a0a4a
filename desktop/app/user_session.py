"""Who works on this running app: signing in (the office's users, checked offline by
`desktop.services.acting`), the quick-unlock PIN of this laptop (`desktop.store.pins`), and
whether the person signed in may do an act (the views hide what they may not; the services
refuse anyway). Owned by the shell, so a window rebuilt in another language keeps the person."""

from __future__ import annotations

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError
from desktop.core.i18n import tr
from desktop.services import acting
from desktop.services.acting import ActingUser
from desktop.services.sign_in_names import nip_for, user_of_another_office
from desktop.services.units import home_unit
from desktop.store.pins import PinCheck, PinStore
from protocol.roles import Act


class UserSession:
    def __init__(self, ws: Workspace) -> None:
        self.ws = ws
        self.pins = PinStore(ws.data_dir)

    @property
    def current(self) -> ActingUser | None:
        return acting.current_user(self.ws.ctx)

    def accounts_exist(self) -> bool:
        return self.ws.read(acting.accounts_exist, self.ws.ctx.home_unit_id)

    def needs_sign_in(self) -> bool:
        """The office has users and nobody is signed in: the window shows the door."""
        return self.current is None and self.accounts_exist()

    def office_name(self) -> str:
        unit = self.ws.read(home_unit, self.ws.ctx.home_unit_id)
        return unit.name if unit is not None else "Mufakat"

    def may(self, act: Act) -> bool:
        """Whether the person signed in may do `act` (an office without users: anyone)."""
        user = self.current
        return not self.accounts_exist() if user is None else user.may(act)

    # -- signing in and out ----------------------------------------------------------------------
    def sign_in(self, typed: str, password: str) -> ActingUser:
        """Sign in with a NIP (or the office's one user of that name) and the password; refused
        with a message that says what to do (and nobody signed in) otherwise."""
        unit_id = self.ws.ctx.home_unit_id
        with self.ws.store.read() as session:
            nip = nip_for(session, unit_id, typed)
            try:
                return acting.sign_in(session, self.ws.ctx, nip, password)
            except InputError:
                other = user_of_another_office(session, unit_id, nip, password)
                if other is not None:
                    raise InputError(
                        tr(
                            "This is a user of {office}, not of this office: sign in on a laptop of {office}, "
                            "or ask this office's administrator for an account.",
                            office=other,
                        ),
                        field="nip",
                    ) from None
                raise

    def sign_out(self) -> None:
        acting.sign_out(self.ws.ctx)

    def still_allowed(self) -> bool:
        """After a sync: the person as the office holds them now (roles changed); False (signed
        out) if they were deactivated meanwhile."""
        with self.ws.store.read() as session:
            return acting.refresh(session, self.ws.ctx)

    # -- the PIN of this laptop ------------------------------------------------------------------
    def has_pin(self) -> bool:
        user = self.current
        return user is not None and self.pins.has_pin(user.id)

    def set_pin(self, pin: str) -> None:
        user = self.current
        if user is not None:
            self.pins.set_pin(user.id, pin)

    def pin_tries_left(self) -> int:
        user = self.current
        return 0 if user is None else self.pins.misses_left(user.id)

    def unlock_with_pin(self, pin: str) -> PinCheck:
        user = self.current
        if user is None:
            return PinCheck.PASSWORD_REQUIRED
        return self.pins.check(user.id, pin)

    def unlock_with_password(self, password: str) -> None:
        """The signed-in person's password opens the locked window (their account as the office
        holds it now: a deactivated one is refused)."""
        user = self.current
        if user is None:
            raise InputError(tr("Nobody is signed in: sign in with your NIP and password."))
        with self.ws.store.read() as session:
            checked = acting.check_credentials(session, user.unit_id, user.nip, password)
            acting.sign_in_user(self.ws.ctx, acting.acting(checked))
