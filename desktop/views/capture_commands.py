"""Undoable live-capture actions (QUndoStack commands). Each step is its own transaction, done
through the services like any other edit, so an undo is itself saved and synced. A step the
rules no longer allow (say, the recommendation was accepted meanwhile) is refused with a message
and dropped from the stack."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand

from desktop.errors import MufakatError
from desktop.services.recommendations import (
    add_recommendation,
    change_scope,
    delete_recommendation,
    edit_recommendation,
    vote,
)
from desktop.workspace import Workspace

Report = Callable[[str], None]


class _Step(QUndoCommand):
    def __init__(self, ws: Workspace, report: Report, text: str) -> None:
        super().__init__(text)
        self._ws = ws
        self._report = report
        self._first = True

    def _run(self, action: Callable[..., Any], *args: object, **kwargs: object) -> Any:
        try:
            return self._ws.write(action, *args, **kwargs)
        except MufakatError as exc:
            self._report(exc.message)
            self.setObsolete(True)
            return None


class AddRecommendation(_Step):
    """Done before it is pushed (the save must not wait for the stack); redo after an undo
    writes it again."""

    def __init__(
        self, ws: Workspace, report: Report, text: str, forum_id: str, rec_id: str, values: dict[str, Any]
    ) -> None:
        super().__init__(ws, report, text)
        self.forum_id = forum_id
        self.rec_id: str | None = rec_id
        self.values = values

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self.rec_id = self._run(add_recommendation, self.forum_id, **self.values)

    def undo(self) -> None:
        if self.rec_id:
            self._run(delete_recommendation, self.rec_id)


class Vote(_Step):
    def __init__(self, ws: Workspace, report: Report, text: str, rec_id: str, delta: int) -> None:
        super().__init__(ws, report, text)
        self.rec_id = rec_id
        self.delta = delta

    def redo(self) -> None:
        self._run(vote, self.rec_id, self.delta)

    def undo(self) -> None:
        self._run(vote, self.rec_id, -self.delta)


class ChangeScope(_Step):
    def __init__(self, ws: Workspace, report: Report, text: str, rec_id: str, old: str, new: str) -> None:
        super().__init__(ws, report, text)
        self.rec_id, self.old, self.new = rec_id, old, new

    def redo(self) -> None:
        self._run(change_scope, self.rec_id, self.new)

    def undo(self) -> None:
        self._run(change_scope, self.rec_id, self.old)


class EditText(_Step):
    def __init__(self, ws: Workspace, report: Report, text: str, rec_id: str, old: str, new: str) -> None:
        super().__init__(ws, report, text)
        self.rec_id, self.old, self.new = rec_id, old, new

    def redo(self) -> None:
        self._run(edit_recommendation, self.rec_id, text=self.new)

    def undo(self) -> None:
        self._run(edit_recommendation, self.rec_id, text=self.old)
