"""`mufakat --user NIP …`: the command acts as that user of the office, as the app's sign-in does
(desktop.services.acting). The password comes from $MUFAKAT_PASSWORD, else from a prompt in a
terminal, else from the first line of standard input (a script's pipe). Commands that only read
need no user; one that changes something protected refuses without one (exit code 2)."""

from __future__ import annotations

import getpass
import os
import sys

from desktop.app.workspace import Workspace
from desktop.core.errors import InputError
from desktop.core.i18n import tr
from desktop.services import acting

PASSWORD_VARIABLE = "MUFAKAT_PASSWORD"


def password_for(nip: str) -> str:
    given = os.environ.get(PASSWORD_VARIABLE)
    if given:
        return given
    if sys.stdin.isatty():
        return getpass.getpass(tr("Password of {nip}: ", nip=nip))
    line = sys.stdin.readline().rstrip("\r\n")
    if not line:
        raise InputError(
            tr("No password for --user: set MUFAKAT_PASSWORD, or run the command in a terminal.")
        )
    return line


def sign_in(ws: Workspace, nip: str) -> acting.ActingUser:
    """Sign `nip` in for this command (`InputError` for a wrong NIP or password)."""
    password = password_for(nip)
    with ws.store.read() as session:
        return acting.sign_in(session, ws.ctx, nip, password)
