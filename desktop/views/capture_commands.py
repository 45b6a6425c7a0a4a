"""Undoable actions on recommendations (see `desktop/views/undo.py`), in live capture and on the
triage board: adding one (undone with a tombstone; redone by restoring it), deleting one (undone by
restoring the same record, its id and history), votes, the scope and the text."""

from __future__ import annotations

from typing import Any

from desktop.app.workspace import Workspace
from desktop.services.recommendations import (
    change_scope,
    correct_recommendation,
    delete_recommendation,
    edit_recommendation,
    restore_recommendation,
    vote,
)
from desktop.views.undo import DoneStep, Ref, Report, Step


class AddRecommendation(DoneStep):
    def __init__(self, ws: Workspace, report: Report, text: str, rec: Ref) -> None:
        super().__init__(ws, report, text)
        self.rec = rec

    def redo_again(self) -> None:
        self._run(restore_recommendation, self.rec.id)

    def undo(self) -> None:
        self._run(delete_recommendation, self.rec.id)


class DeleteRecommendation(Step):
    """Deleting one typed by mistake (a proposed one); undone, the same one is there again."""

    def __init__(self, ws: Workspace, report: Report, text: str, rec: Ref) -> None:
        super().__init__(ws, report, text)
        self.rec = rec

    def redo(self) -> None:
        self._run(delete_recommendation, self.rec.id)

    def undo(self) -> None:
        self._run(restore_recommendation, self.rec.id)


class Vote(Step):
    def __init__(self, ws: Workspace, report: Report, text: str, rec: Ref, delta: int) -> None:
        super().__init__(ws, report, text)
        self.rec = rec
        self.delta = delta

    def redo(self) -> None:
        self._run(vote, self.rec.id, self.delta)

    def undo(self) -> None:
        self._run(vote, self.rec.id, -self.delta)


class ChangeScope(Step):
    def __init__(self, ws: Workspace, report: Report, text: str, rec: Ref, old: str, new: str) -> None:
        super().__init__(ws, report, text)
        self.rec, self.old, self.new = rec, old, new

    def redo(self) -> None:
        self._run(change_scope, self.rec.id, self.new)

    def undo(self) -> None:
        self._run(change_scope, self.rec.id, self.old)


class EditText(Step):
    """A change of one typed field of a recommendation: its text, or the office's response."""

    def __init__(
        self, ws: Workspace, report: Report, text: str, rec: Ref, old: str, new: str, field: str = "text"
    ) -> None:
        super().__init__(ws, report, text)
        self.rec, self.old, self.new, self.field = rec, old, new, field

    def redo(self) -> None:
        self._run(edit_recommendation, self.rec.id, **{self.field: self.new})

    def undo(self) -> None:
        self._run(edit_recommendation, self.rec.id, **{self.field: self.old})


class CorrectRecommendation(DoneStep):
    """The edit dialog's corrections (saved when OK was pressed): undone, every field changed is
    as it was; redone, as corrected."""

    def __init__(
        self, ws: Workspace, report: Report, text: str, rec: Ref, old: dict[str, Any], new: dict[str, Any]
    ) -> None:
        super().__init__(ws, report, text)
        self.rec, self.old, self.new = rec, old, new

    def redo_again(self) -> None:
        self._run(correct_recommendation, self.rec.id, **self.new)

    def undo(self) -> None:
        self._run(correct_recommendation, self.rec.id, **self.old)
