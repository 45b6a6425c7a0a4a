"""Undoable steps of the attendance list (see `desktop/views/undo.py`): signing in, adding a
walk-in (undone with a tombstone; redone by restoring the same record), editing and removing
someone (a removal is undone by restoring the same person, their id and history)."""

from __future__ import annotations

from typing import Any

from desktop.app.workspace import Workspace
from desktop.services.participants import (
    remove_participant,
    restore_participant,
    sign_in,
    undo_sign_in,
    update_participant,
)
from desktop.views.undo import DoneStep, Ref, Report


class SignIn(DoneStep):
    def __init__(self, ws: Workspace, report: Report, text: str, person: Ref) -> None:
        super().__init__(ws, report, text)
        self.person = person

    def redo_again(self) -> None:
        self._run(sign_in, self.person.id)

    def undo(self) -> None:
        self._run(undo_sign_in, self.person.id)


class CancelSignIn(DoneStep):
    def __init__(self, ws: Workspace, report: Report, text: str, person: Ref) -> None:
        super().__init__(ws, report, text)
        self.person = person

    def redo_again(self) -> None:
        self._run(undo_sign_in, self.person.id)

    def undo(self) -> None:
        self._run(sign_in, self.person.id)


class AddWalkIn(DoneStep):
    def __init__(self, ws: Workspace, report: Report, text: str, person: Ref) -> None:
        super().__init__(ws, report, text)
        self.person = person

    def redo_again(self) -> None:
        self._run(restore_participant, self.person.id)

    def undo(self) -> None:
        self._run(remove_participant, self.person.id)


class EditPerson(DoneStep):
    def __init__(
        self, ws: Workspace, report: Report, text: str, person: Ref, old: dict[str, Any], new: dict[str, Any]
    ) -> None:
        super().__init__(ws, report, text)
        self.person, self.old, self.new = person, old, new

    def redo_again(self) -> None:
        self._run(update_participant, self.person.id, **self.new)

    def undo(self) -> None:
        self._run(update_participant, self.person.id, **self.old)


class RemovePerson(DoneStep):
    def __init__(self, ws: Workspace, report: Report, text: str, person: Ref) -> None:
        super().__init__(ws, report, text)
        self.person = person

    def redo_again(self) -> None:
        self._run(remove_participant, self.person.id)

    def undo(self) -> None:
        self._run(restore_participant, self.person.id)
