"""The error types every layer shares.

`MufakatError` carries a message meant for the user (already translated). Subclasses say whose
problem it is: the input (`InputError`), the life-cycle rules (`TransitionError`), a missing record
(`NotFoundError`) or the user's environment: disk, file, network (`EnvironmentProblem`).
Anything else that escapes is a bug and is shown as such.
"""

from __future__ import annotations


class MufakatError(Exception):
    """Base of every error whose message can be shown to a user as it is."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class InputError(MufakatError):
    """Bad input: what is wrong and what to do. Raised before anything is written."""

    def __init__(self, message: str, field: str | None = None) -> None:
        super().__init__(message)
        self.field = field


class RowErrors(InputError):
    """Several bad rows of an imported file, each with its line number."""

    def __init__(self, message: str, problems: list[tuple[int, str]]) -> None:
        super().__init__(message)
        self.problems = problems


class TransitionError(MufakatError):
    """A life-cycle action that the current status does not allow."""


class NotFoundError(MufakatError):
    """A record the user named does not exist (or was deleted)."""


class EnvironmentProblem(MufakatError):
    """The environment failed us: a folder, a file, a database, the network."""


class StoreError(EnvironmentProblem):
    """The local database cannot be opened or written."""


class ProgrammingError(RuntimeError):
    """A broken invariant inside Mufakat itself (never the user's fault)."""
